list(APPEND STEVEDORE_ENGINE_SOURCES
  copy/copyoptions.h
)
