# e2e: the shared fixtures proven against real peers, then the real `stevedore` binary against docker-registry.
stevedore_add_test(NAME tst_fixture SOURCES tst_fixture.cpp LIBS stevedore_testsupport
                   LABELS e2e TIMEOUT 170)
# The real CLI against docker-registry (skopeo is the oracle). Each test stays well under 3 minutes.
foreach(t tst_push_registry tst_push_auth tst_badinput)
  stevedore_add_test(NAME ${t} SOURCES ${t}.cpp LIBS stevedore_testsupport LABELS e2e TIMEOUT 175)
  add_dependencies(${t} stevedore)
endforeach()
# The compression options and the blob-info cache's variants against docker-registry, with skopeo, zstd and zlib as
# the oracles; layers broken in every way a decompressing push meets. The fixture of stevedore_clitest.
stevedore_add_test(NAME tst_push_compression SOURCES tst_push_compression.cpp
                   LIBS stevedore_clitest stevedore_testsupport ZLIB::ZLIB PkgConfig::Zstd LABELS e2e TIMEOUT 240)
add_dependencies(tst_push_compression stevedore)
# Resumable uploads: docker-registry stopped (SIGTERM, SIGKILL) and restarted mid-blob during one push.
stevedore_add_test(NAME tst_resume SOURCES tst_resume.cpp
                   LIBS stevedore_clitest stevedore_testsupport LABELS e2e TIMEOUT 240)
add_dependencies(tst_resume stevedore)
