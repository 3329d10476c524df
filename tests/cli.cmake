# cli: the `stevedore` executable run as a process (help, exit codes, local store flow, Ctrl-C: tst_cli; progress
# modes tty/json/plain/quiet: tst_cli_progress). Shared fixture: tests/support/clifixture.h (header-only).
if(TARGET stevedore_testsupport)
  foreach(t tst_cli tst_cli_progress)
    stevedore_add_test(NAME ${t} SOURCES ${t}.cpp LIBS stevedore_testsupport Qt6::Network LABELS cli TIMEOUT 600)
    add_dependencies(${t} stevedore)
  endforeach()
endif()
