list(APPEND STEVEDORE_ENGINE_SOURCES
  transport/oci/ocireference.h transport/oci/ocireference.cpp
  transport/oci/ocilayout.h transport/oci/ocilayout.cpp
  transport/oci/ocitransport.h transport/oci/ocitransport.cpp
)
