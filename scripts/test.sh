#!/usr/bin/env bash
# Installs everything, builds, and runs the whole test suite (what .ci/run calls): first the normal build, then a
# second build of everything with AddressSanitizer and UndefinedBehaviorSanitizer running the whole suite again.
#   scripts/test.sh             both
#   STEVEDORE_SANITIZE=0 scripts/test.sh    the normal build only
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
jobs=$(nproc)

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j2 --timeout 600

if [[ "${STEVEDORE_SANITIZE:-1}" != 0 ]]; then
  echo "== the same suite under AddressSanitizer and UndefinedBehaviorSanitizer =="
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSTEVEDORE_SANITIZE=ON
  cmake --build build-asan -j"$jobs"
  export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:fast_unwind_on_malloc=0:malloc_context_size=30"
  export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$PWD/tests/sanitizers/ubsan.supp"
  ctest --test-dir build-asan --output-on-failure -j2 --timeout 900
fi
