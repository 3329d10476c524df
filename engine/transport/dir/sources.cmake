list(APPEND STEVEDORE_ENGINE_SOURCES
  transport/dir/dirreference.cpp
  transport/dir/dirtransport.h transport/dir/dirtransport.cpp
)
