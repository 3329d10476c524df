# e2e: the shared fixtures proven against real peers, then the real `stevedore` binary against docker-registry.
stevedore_add_test(NAME tst_fixture SOURCES tst_fixture.cpp LIBS stevedore_testsupport ZLIB::ZLIB
                   LABELS e2e TIMEOUT 170)
