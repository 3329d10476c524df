list(APPEND STEVEDORE_ENGINE_SOURCES
  copy/copyoptions.h
  copy/copyjob.h copy/copyjob.cpp
  copy/copyrequest.h copy/copyrequest.cpp
  copy/copyrun.h copy/copyrun.cpp
  copy/copyplan.cpp
  copy/blobstages.h copy/blobstages.cpp
  copy/blobcopy.cpp
  copy/blobscheduler.cpp
  copy/manifestput.cpp
  copy/retry.h copy/retry.cpp
  copy/blobinfocache.h copy/blobinfocache.cpp
)
