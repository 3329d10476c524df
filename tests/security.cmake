# Security: the URL policy and the secrets rules, end to end (loopback trap servers, plain and TLS, and the real CLI).
if(TARGET stevedore_testsupport AND EXISTS ${CMAKE_CURRENT_LIST_DIR}/tst_security.cpp)
  stevedore_add_test(NAME tst_security SOURCES tst_security.cpp LIBS stevedore_engine stevedore_testsupport
                     LABELS registry e2e TIMEOUT 170)
  add_dependencies(tst_security stevedore)
endif()
