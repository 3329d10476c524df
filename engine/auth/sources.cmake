list(APPEND STEVEDORE_ENGINE_SOURCES
  auth/authfile.h auth/authfile.cpp
  auth/credhelper.h auth/credhelper.cpp
  auth/credentials.h auth/credentials.cpp
  auth/authsources.h auth/credentiallist.cpp auth/credentialwrite.cpp
  auth/pullsecret.h auth/pullsecret.cpp
)
