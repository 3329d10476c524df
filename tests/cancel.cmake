# cancel: Ctrl-C / SIGTERM in every phase of a copy (the real CLI against fake loopback registries that hang at one
# phase), --retry as the one retry loop, idle timeouts that name the operation, and CopyJob cancel/destruction.
if(TARGET stevedore_testsupport)
  stevedore_add_test(NAME tst_cancel SOURCES tst_cancel.cpp LIBS stevedore_engine stevedore_testsupport
                     LABELS e2e TIMEOUT 170)
  add_dependencies(tst_cancel stevedore)
endif()
