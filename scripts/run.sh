#!/usr/bin/env bash
# Runs Stevedore from the build tree: the GUI when a display is available; else the headless first run —
# `stevedore sandbox` (the sandbox registry started on a loopback port, the sample image pushed to it with live
# progress, where it went) — followed by the CLI's overview (version, local store, images, credential files).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
  exec build/app/stevedore-gui "$@"
fi
echo "No display found: pushing the sample image to Stevedore's sandbox registry (start build/app/stevedore-gui on a desktop)."
build/app/stevedore sandbox "$@"
echo
exec build/app/stevedore
