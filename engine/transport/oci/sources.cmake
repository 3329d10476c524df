list(APPEND STEVEDORE_ENGINE_SOURCES
  transport/oci/ocilayout.h transport/oci/ocilayout.cpp
  transport/oci/ocitransport.h transport/oci/ocitransport.cpp
)
