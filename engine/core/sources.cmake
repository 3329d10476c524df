list(APPEND STEVEDORE_ENGINE_SOURCES
  core/error.h core/error.cpp
  core/cancel.h
  core/job.h core/job.cpp
  core/progress.h core/progress.cpp
  core/logging.h core/logging.cpp
  core/threadpools.h core/threadpools.cpp
  core/atomicfile.h core/atomicfile.cpp)
