# cancel: Ctrl-C / SIGTERM in every phase of a copy (the real CLI against fake loopback registries that hang at one
# phase) and CopyJob cancel/destruction/runtime shutdown (tst_cancel); --retry as the one retry loop and idle
# timeouts that name the operation (tst_retry). The fake registry: tests/support/fakeregistry.h.
if(TARGET stevedore_testsupport)
  stevedore_add_test(NAME tst_cancel SOURCES tst_cancel.cpp LIBS stevedore_engine stevedore_testsupport
                     LABELS e2e TIMEOUT 170)
  add_dependencies(tst_cancel stevedore)
  # Only the CLI as a process: no engine, no EngineRuntime.
  stevedore_add_test(NAME tst_retry SOURCES tst_retry.cpp LIBS stevedore_testsupport LABELS e2e TIMEOUT 170)
  add_dependencies(tst_retry stevedore)
endif()
