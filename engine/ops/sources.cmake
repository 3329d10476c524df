list(APPEND STEVEDORE_ENGINE_SOURCES
  ops/inspect.h ops/inspect.cpp
  ops/imagedetails.h ops/imagedetails.cpp
  ops/sourcesummary.h ops/sourcesummary.cpp
  ops/login.h ops/login.cpp
  ops/pullnames.h ops/pullnames.cpp
  ops/registrybrowse.h ops/registrybrowse.cpp
  ops/importimage.h ops/importimage.cpp ops/scheduledimports.cpp
  ops/sandbox.h ops/sandbox.cpp ops/sampleimage.cpp ops/sandboxservice.h ops/sandboxservice.cpp
)
