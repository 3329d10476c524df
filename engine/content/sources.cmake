list(APPEND STEVEDORE_ENGINE_SOURCES
  content/mediatypes.h content/mediatypes.cpp
  content/descriptor.h content/descriptor.cpp
  content/manifest.h content/manifest.cpp
  content/conversion.h content/conversion.cpp
  content/platforms.h content/platforms.cpp
  content/platformnames.h content/platformnames.cpp
  content/blobio.h content/blobio.cpp
  content/blobinfo.h content/blobinfo.cpp
  content/fileblob.h content/fileblob.cpp
)
