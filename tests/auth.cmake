# auth: credentials (issue 7). Auth files and their search order, credential helpers (docker-credential-pass and
# scripted helpers), login/logout/auth against a real docker-registry, Kubernetes pull secrets.
# Kubernetes pull secrets: `stevedore secret create/import` as a process, parsePullSecrets/renderPullSecret as units.
stevedore_add_test(NAME tst_pullsecret SOURCES tst_pullsecret.cpp
                   LIBS stevedore_testsupport stevedore_engine PkgConfig::YamlCpp LABELS auth TIMEOUT 120)
add_dependencies(tst_pullsecret stevedore)
# Auth files (read, write, shadowing, resolution reasons) and scripted credential helpers (store, timeouts, failures).
stevedore_add_test(NAME tst_authfiles SOURCES tst_authfiles.cpp LIBS stevedore_engine stevedore_testsupport Qt6::Concurrent LABELS auth TIMEOUT 120)
# login/logout/auth through the real CLI against docker-registry (htpasswd with two users, a token server), and
# Debian's docker-credential-pass with pass and a GPG key made in the test.
stevedore_add_test(NAME tst_login SOURCES tst_login.cpp LIBS stevedore_testsupport Qt6::Network LABELS auth TIMEOUT 240)
add_dependencies(tst_login stevedore)
# SIGKILL in the middle of saving an auth file, many times: the old or the new file, whole, 0600.
stevedore_add_test(NAME tst_authsafety SOURCES tst_authsafety.cpp LIBS stevedore_testsupport LABELS auth TIMEOUT 300)
add_dependencies(tst_authsafety stevedore)
