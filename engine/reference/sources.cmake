list(APPEND STEVEDORE_ENGINE_SOURCES
  reference/digest.h reference/digest.cpp
  reference/imagereference.h reference/imagereference.cpp)
