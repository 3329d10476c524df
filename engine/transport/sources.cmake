list(APPEND STEVEDORE_ENGINE_SOURCES
  transport/types.h
  transport/systemcontext.h
  transport/transports.h transport/transports.cpp
)
# One folder per transport, each with its own sources.cmake (created by whoever implements it).
include(${CMAKE_CURRENT_LIST_DIR}/oci/sources.cmake OPTIONAL)
include(${CMAKE_CURRENT_LIST_DIR}/dir/sources.cmake OPTIONAL)
include(${CMAKE_CURRENT_LIST_DIR}/store/sources.cmake OPTIONAL)
include(${CMAKE_CURRENT_LIST_DIR}/docker/sources.cmake OPTIONAL)
