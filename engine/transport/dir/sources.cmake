list(APPEND STEVEDORE_ENGINE_SOURCES
  transport/dir/dirtransport.h transport/dir/dirtransport.cpp
)
