list(APPEND STEVEDORE_ENGINE_SOURCES
  content/mediatypes.h content/mediatypes.cpp
  content/descriptor.h content/descriptor.cpp
  content/manifest.h content/manifest.cpp)
