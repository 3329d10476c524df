# The sandbox: the real `stevedore sandbox` with Debian's docker-registry (skopeo reads the pushed sample back) and
# the engine's SandboxRegistry in process; faults through STEVEDORE_REGISTRY_PROGRAM.
stevedore_add_test(NAME tst_sandbox SOURCES tst_sandbox.cpp
                   LIBS stevedore_engine stevedore_testsupport LABELS e2e TIMEOUT 240)
add_dependencies(tst_sandbox stevedore)
