# Registry client and credentials (owner: registry helper).
stevedore_add_test(NAME tst_credentials SOURCES tst_credentials.cpp LIBS stevedore_engine LABELS registry TIMEOUT 120)
if(TARGET stevedore_testsupport AND EXISTS ${CMAKE_CURRENT_LIST_DIR}/tst_registryclient.cpp)
  stevedore_add_test(NAME tst_registryclient SOURCES tst_registryclient.cpp
                     LIBS stevedore_engine stevedore_testsupport LABELS registry TIMEOUT 300)
endif()
