list(APPEND STEVEDORE_ENGINE_SOURCES
  transport/docker/dockerreference.cpp
  transport/docker/dockertransport.h transport/docker/dockertransport.cpp
)
