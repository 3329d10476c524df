# datasafety: what the local transports may replace and must leave alone, failed copies that leave nothing (or the
# old content) behind, file modes, and inputs that are not regular files or too large — through the real CLI, with
# skopeo and umoci as oracles.
if(TARGET stevedore_testsupport)
  stevedore_add_test(NAME tst_datasafety SOURCES tst_datasafety.cpp LIBS stevedore_engine stevedore_testsupport
                     LABELS layouts e2e TIMEOUT 170)
  add_dependencies(tst_datasafety stevedore)
endif()
