list(APPEND STEVEDORE_ENGINE_SOURCES
  transport/transportreference.h transport/transportreference.cpp
  transport/imagesource.h transport/imagedestination.h
  transport/systemcontext.h
  transport/transports.h transport/transports.cpp
  transport/ociarchive/ociarchivereference.cpp
  transport/ociarchive/ociarchivetransport.h transport/ociarchive/ociarchivetransport.cpp
  transport/tar/imagetar.h transport/tar/imagetar.cpp
  transport/dockerarchive/dockerarchivereference.cpp
  transport/dockerarchive/dockerarchivemanifest.h transport/dockerarchive/dockerarchivemanifest.cpp
  transport/dockerarchive/dockerarchivetransport.h
  transport/dockerarchive/dockerarchivesource.cpp transport/dockerarchive/dockerarchivedestination.cpp
  transport/dockerdaemon/dockerdaemonreference.cpp
  transport/containersstorage/containersstoragereference.cpp
  transport/ostree/ostreereference.cpp
  transport/sif/sifreference.cpp
)
# One folder per transport, each with its own sources.cmake.
include(${CMAKE_CURRENT_LIST_DIR}/oci/sources.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/dir/sources.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/store/sources.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/docker/sources.cmake)
