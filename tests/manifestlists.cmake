# stevedore manifest (issue 9) end to end: the real CLI against docker-registry (plain http, TLS with a self-signed CA,
# two instances), skopeo as the oracle. tst_manifestlists: the lists that work; tst_manifestlists_bad: bad input.
# Each suite stays well under 3 minutes; every process it runs is bounded by its own timeout.
foreach(t tst_manifestlists tst_manifestlists_bad)
  stevedore_add_test(NAME ${t} SOURCES ${t}.cpp LIBS stevedore_testsupport LABELS e2e TIMEOUT 175)
  add_dependencies(${t} stevedore)
endforeach()
