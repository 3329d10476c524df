list(APPEND STEVEDORE_ENGINE_SOURCES
  auth/credentials.h auth/credentials.cpp
)
