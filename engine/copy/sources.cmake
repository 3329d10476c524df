list(APPEND STEVEDORE_ENGINE_SOURCES
  copy/copyoptions.h
  copy/copyjob.h copy/copyjob.cpp
  copy/blobinfocache.h copy/blobinfocache.cpp
)
