list(APPEND STEVEDORE_ENGINE_SOURCES
  registry/registryclient.h registry/registryclient.cpp
)
