list(APPEND STEVEDORE_ENGINE_SOURCES
  transport/store/storereference.cpp
  transport/store/localstore.h transport/store/localstore.cpp
  transport/store/localimagedetails.h transport/store/localimagedetails.cpp
  transport/store/storetransport.h transport/store/storetransport.cpp
)
