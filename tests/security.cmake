# Security, end to end (loopback trap servers, plain and TLS, and the real CLI): the URL policy for the URLs a
# registry hands back — Locations, layer URLs, Links, redirects, the manifest digest (tst_urlpolicy) — and for token
# realms (tst_urlpolicy_tokens); the secrets rules for what is printed and logged (tst_secrets). Shared fixture:
# stevedore_securitytest (tests/support/securitytest.h).
if(TARGET stevedore_testsupport AND EXISTS ${CMAKE_CURRENT_LIST_DIR}/tst_urlpolicy.cpp)
  foreach(t tst_urlpolicy tst_urlpolicy_tokens tst_secrets)
    stevedore_add_test(NAME ${t} SOURCES ${t}.cpp LIBS stevedore_engine stevedore_testsupport stevedore_securitytest
                       LABELS registry e2e TIMEOUT 170)
    add_dependencies(${t} stevedore)
  endforeach()
endif()
