#!/bin/sh
# Makes the screenshots of docs/gui.md: the real stevedore-gui under Xvfb, in a throw-away HOME, against the sandbox
# registry (Debian's docker-registry on a loopback port, with the sample image pushed to it), in English and in
# Simplified Chinese. Usage: scripts/screenshots.sh [BUILD_DIR [OUT_DIR]] (defaults: build, docs/screenshots).
set -eu
BUILD=$(cd "${1:-build}" && pwd)
OUT=$(mkdir -p "${2:-docs/screenshots}" && cd "${2:-docs/screenshots}" && pwd)
CLI="$BUILD/app/stevedore"
GUI="$BUILD/app/stevedore-gui"
for tool in "$CLI" "$GUI"; do [ -x "$tool" ] || { echo "screenshots.sh: $tool is missing (build first)" >&2; exit 1; }; done
command -v xvfb-run >/dev/null || { echo "screenshots.sh: xvfb-run is missing (apt-get install xvfb xauth)" >&2; exit 1; }

WORK=$(mktemp -d)
SANDBOX_PID=
cleanup() {
    [ -n "$SANDBOX_PID" ] && kill "$SANDBOX_PID" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM
export HOME="$WORK/home" XDG_RUNTIME_DIR="$WORK/run"
unset XDG_DATA_HOME XDG_CONFIG_HOME XDG_CACHE_HOME DOCKER_CONFIG REGISTRY_AUTH_FILE STEVEDORE_ROOT
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

# The test registry: the sandbox, with the sample image in the local store and pushed to it.
"$CLI" sandbox --serve >"$WORK/sandbox.log" 2>&1 &
SANDBOX_PID=$!
i=0
until grep -q "keeps running until Ctrl-C" "$WORK/sandbox.log"; do
    i=$((i + 1))
    if [ $i -gt 300 ] || ! kill -0 "$SANDBOX_PID" 2>/dev/null; then
        echo "screenshots.sh: the sandbox did not start:" >&2; cat "$WORK/sandbox.log" >&2; exit 1
    fi
    sleep 0.1
done
HOST=$(sed -n 's|^Sandbox registry: http://\([^ ]*\).*|\1|p' "$WORK/sandbox.log" | head -n1)
SAMPLE=localhost/stevedore/sample:latest
# One credential, for the credential dialogs (a made-up user of a made-up registry).
mkdir -p "$HOME/.config/containers"
printf '{"auths":{"registry.example.com":{"auth":"%s"}}}\n' "$(printf 'demo:not-a-real-password' | base64)" \
    >"$HOME/.config/containers/auth.json"
chmod 600 "$HOME/.config/containers/auth.json"
QUEUE="$HOME/.local/share/stevedore/push-queue.json"

shot() { # LANG FILE ARGS...
    lang=$1 file=$2
    shift 2
    xvfb-run -a -s "-screen 0 1280x800x24" "$GUI" --lang "$lang" --screenshot "$OUT/$file" "$@"
    echo "wrote $OUT/$file"
}

for lang in en zh_CN; do
    suffix=$([ "$lang" = en ] && echo "" || echo "-$lang")
    rm -f "$QUEUE"
    # A push that went through, then (after a restart: the queue comes back) one that cannot reach its registry.
    shot "$lang" "main-window$suffix.png" --tls-verify=false "$SAMPLE" "docker://$HOST/team/sample:v1"
    shot "$lang" "push-queue$suffix.png" --tls-verify=false "$SAMPLE" "docker://127.0.0.1:1/team/sample:v1"
    shot "$lang" "push-dialog$suffix.png" --show push "$SAMPLE"
    shot "$lang" "preferences$suffix.png" --show preferences
    shot "$lang" "about$suffix.png" --show about
    shot "$lang" "pull-dialog$suffix.png" --show pull
    shot "$lang" "credentials$suffix.png" --show credentials
    shot "$lang" "manifest-editor$suffix.png" --show manifest-editor
    for dialog in add-credential export-pull-secret open-list add-registry tag inspect shortcuts; do
        shot "$lang" "$dialog$suffix.png" --show "$dialog"
    done
    # A store with nothing in it yet: what a new user sees first.
    rm -f "$QUEUE"
    mkdir -p "$WORK/empty-store"
    shot "$lang" "empty-store$suffix.png" --root "$WORK/empty-store"
done
