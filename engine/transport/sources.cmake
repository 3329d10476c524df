list(APPEND STEVEDORE_ENGINE_SOURCES
  transport/types.h
  transport/systemcontext.h
  transport/transports.h transport/transports.cpp
  # oci/, dir/, store/ (layouts) and docker/ (registry) add their files below.
)
