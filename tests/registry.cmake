# Registry client and credentials (owner: registry helper).
stevedore_add_test(NAME tst_credentials SOURCES tst_credentials.cpp LIBS stevedore_engine LABELS registry TIMEOUT 120)
# RegistryClient: TLS, authentication, error mapping, redirects, cancellation (tst_registryclient); blobs, uploads,
# manifests, the docker:// transport and CopyJob between repositories (tst_registryblobs), streamed upload chunks
# (tst_streamedupload). Shared helpers:
# stevedore_registrytest (tests/support/registrytest.h).
if(TARGET stevedore_testsupport AND EXISTS ${CMAKE_CURRENT_LIST_DIR}/tst_registryclient.cpp)
  foreach(t tst_registryclient tst_registryblobs tst_streamedupload)
    stevedore_add_test(NAME ${t} SOURCES ${t}.cpp
                       LIBS stevedore_engine stevedore_testsupport stevedore_registrytest LABELS registry TIMEOUT 300)
  endforeach()
endif()
# The secret registry, the sanitiser, the URL policy and one-pass formatting, as units.
stevedore_add_test(NAME tst_redaction SOURCES tst_redaction.cpp LIBS stevedore_engine LABELS registry TIMEOUT 60)
