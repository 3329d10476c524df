list(APPEND STEVEDORE_ENGINE_SOURCES
  manifestlist/manifestlist.h manifestlist/manifestlist.cpp
  manifestlist/liststore.h manifestlist/liststore.cpp
  manifestlist/listimages.h manifestlist/listimages.cpp manifestlist/listinspect.cpp
  manifestlist/listsource.h manifestlist/listsource.cpp
)
