list(APPEND STEVEDORE_ENGINE_SOURCES
  transport/docker/dockertransport.h transport/docker/dockertransport.cpp
)
