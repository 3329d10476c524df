#!/usr/bin/env bash
# Runs Stevedore from the build tree: the GUI when a display is available, else the CLI's overview
# (`stevedore` without a command: version, local store, images, credential files) followed by its help.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
  exec build/app/stevedore-gui "$@"
fi
echo "No display found: showing the command-line twin (start build/app/stevedore-gui on a desktop)."
build/app/stevedore
echo
exec build/app/stevedore --help
