list(APPEND STEVEDORE_ENGINE_SOURCES
  compress/compression.h compress/compression.cpp
  compress/parallelgzip.h compress/parallelgzip.cpp
  compress/decompress.h compress/decompress.cpp
  compress/compressingreader.h compress/compressingreader.cpp
)
