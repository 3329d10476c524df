# datasafety: what the local transports may replace and must leave alone, failed copies that leave nothing (or the
# old content) behind, file modes (tst_datasafety); inputs that are not regular files or too large, and other inputs
# refused with one clear line (tst_badfiles) — through the real CLI, with skopeo and umoci as oracles. Shared
# fixture: stevedore_clitest (tests/support/clitest.h).
if(TARGET stevedore_testsupport)
  foreach(t tst_datasafety tst_badfiles)
    stevedore_add_test(NAME ${t} SOURCES ${t}.cpp LIBS stevedore_engine stevedore_testsupport stevedore_clitest
                       LABELS layouts e2e TIMEOUT 170)
    add_dependencies(${t} stevedore)
  endforeach()
endif()
