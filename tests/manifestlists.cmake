# stevedore manifest (issue 9) end to end: the real CLI against docker-registry (plain http, TLS with a self-signed CA,
# two instances), skopeo as the oracle. tst_manifestlists: the lists that work, made and pushed;
# tst_manifestlists_local: local list management and inspect; tst_manifestlists_bad: bad input. Their helpers are in
# manifestliststest.h. Each suite stays well under 3 minutes; every process it runs is bounded by its own timeout.
foreach(t tst_manifestlists tst_manifestlists_local tst_manifestlists_bad)
  stevedore_add_test(NAME ${t} SOURCES ${t}.cpp manifestliststest.h LIBS stevedore_testsupport LABELS e2e TIMEOUT 175)
  add_dependencies(${t} stevedore)
endforeach()
