#!/usr/bin/env bash
# Installs what Stevedore needs on Debian 12 (run as root).
#   scripts/install-deps.sh          build and run dependencies
#   scripts/install-deps.sh --test   ... plus the real peers the test suite and benchmarks start
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

build_deps=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  qt6-qpa-plugins libqt6svg6 libgl-dev
  libssl-dev libarchive-dev libzstd-dev zlib1g-dev libdeflate-dev libisal-dev libyaml-cpp-dev
  fonts-wqy-microhei ca-certificates
  docker-registry
)
test_deps=(
  skopeo umoci openssl apache2-utils zstd
  time jq xvfb xauth
  golang-docker-credential-helpers pass gnupg
)

pkgs=("${build_deps[@]}")
if [[ "${1:-}" == "--test" ]]; then
  pkgs+=("${test_deps[@]}")
fi

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  apt-get update
  apt-get install -y --no-install-recommends "${missing[@]}"
else
  echo "install-deps: all ${#pkgs[@]} packages already installed"
fi
