# Shared test support: stevedore_testsupport (fixtures: processes, docker-registry, token server, OCI test layouts,
# loopback peers and the fake registry of tst_cancel/tst_retry)
# and the test token server used for bearer-token auth against docker-registry.
add_executable(stevedore-test-tokenserver ${CMAKE_CURRENT_SOURCE_DIR}/support/tokenserver/main.cpp)
target_link_libraries(stevedore-test-tokenserver PRIVATE Qt6::Core Qt6::Network OpenSSL::Crypto stevedore_build_flags)

add_library(stevedore_testsupport STATIC
  ${CMAKE_CURRENT_SOURCE_DIR}/support/testsupport.h
  ${CMAKE_CURRENT_SOURCE_DIR}/support/testsupport_p.h
  ${CMAKE_CURRENT_SOURCE_DIR}/support/testsupport.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/support/registryfixture.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/support/testlayout.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/support/e2e.h
  ${CMAKE_CURRENT_SOURCE_DIR}/support/e2e.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/support/loopbackserver.h
  ${CMAKE_CURRENT_SOURCE_DIR}/support/loopbackserver.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/support/fakeregistry.h
  ${CMAKE_CURRENT_SOURCE_DIR}/support/fakeregistry.cpp)
target_include_directories(stevedore_testsupport PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(stevedore_testsupport PUBLIC Qt6::Core Qt6::Network PRIVATE ZLIB::ZLIB stevedore_build_flags)
target_compile_definitions(stevedore_testsupport PRIVATE
  STEVEDORE_TOKENSERVER_PATH="$<TARGET_FILE:stevedore-test-tokenserver>")
add_dependencies(stevedore_testsupport stevedore-test-tokenserver)

# Helpers of the RegistryClient suites (tst_registryclient, tst_registryblobs): they use the engine, which
# stevedore_testsupport does not link.
add_library(stevedore_registrytest STATIC
  ${CMAKE_CURRENT_SOURCE_DIR}/support/registrytest.h
  ${CMAKE_CURRENT_SOURCE_DIR}/support/registrytest.cpp)
target_link_libraries(stevedore_registrytest PUBLIC stevedore_engine stevedore_testsupport PRIVATE stevedore_build_flags)

# The fixture of the suites that run the CLI against local layouts (tst_datasafety, tst_badfiles). It uses the
# engine (platforms) and names the built CLI, as the suites do.
add_library(stevedore_clitest STATIC
  ${CMAKE_CURRENT_SOURCE_DIR}/support/clitest.h
  ${CMAKE_CURRENT_SOURCE_DIR}/support/clitest.cpp)
target_link_libraries(stevedore_clitest PUBLIC stevedore_engine stevedore_testsupport PRIVATE stevedore_build_flags)
target_compile_definitions(stevedore_clitest PRIVATE STEVEDORE_CLI_PATH="$<TARGET_FILE:stevedore>")

# What the security suites share (tst_urlpolicy, tst_urlpolicy_tokens, tst_secrets): trap credentials, their PKI, the
# loopback trap registry, measured CLI runs and their fixture. It uses the engine (RegistryConfig) and the log capture
# of stevedore_registrytest, and names the built CLI, as the suites do.
add_library(stevedore_securitytest STATIC
  ${CMAKE_CURRENT_SOURCE_DIR}/support/securitytest.h
  ${CMAKE_CURRENT_SOURCE_DIR}/support/securitytest.cpp)
target_link_libraries(stevedore_securitytest PUBLIC stevedore_registrytest stevedore_engine stevedore_testsupport Qt6::Test
                      PRIVATE stevedore_build_flags)
target_compile_definitions(stevedore_securitytest PRIVATE STEVEDORE_CLI_PATH="$<TARGET_FILE:stevedore>")
