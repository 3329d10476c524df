list(APPEND STEVEDORE_ENGINE_SOURCES
  net/httpservice.h net/httpservice.cpp
  net/httpexchange.h net/httpworker.cpp
  net/bodypipe.h net/bodypipe.cpp
  net/urlpolicy.h net/urlpolicy.cpp
)
