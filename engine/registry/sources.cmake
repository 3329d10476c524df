list(APPEND STEVEDORE_ENGINE_SOURCES
  registry/authchallenge.h registry/authchallenge.cpp
  registry/registryerrors.h registry/registryerrors.cpp
  registry/tlsconfig.h registry/tlsconfig.cpp
  registry/registryclient.h registry/registryclient.cpp
  registry/registryauth.cpp
  registry/registryblobs.cpp
  registry/registryupload.cpp
  registry/registrymanifests.cpp
  registry/registrycatalog.cpp
  registry/registrylogin.cpp
)
