#!/usr/bin/env bash
# Push benchmark: stevedore vs skopeo, multi-arch image with uncompressed layers, to a local docker-registry.
#
#   sudo bench/push-vs-skopeo.sh            (run as root: skopeo's root cache lives in /var/lib/containers)
#
# Environment:
#   STEVEDORE        stevedore binary (default: build/app/stevedore next to this script's repository)
#   BENCH_RUNS       runs per tool and case (default 3, at least 1)
#   BENCH_LAYER_MIB  size of each layer in MiB (default 48: half random, half repetitive text)
#   BENCH_KEEP=1     keep the work folder (layout, registry storage, logs)
#   BENCH_TOOLS      which tools to run (default "stevedore skopeo"; e.g. "skopeo" alone)
#
# Case 1: push to a FRESH repository each run (blob-info caches wiped), so every layer is compressed and uploaded.
# Case 2: push again to the SAME repository (every blob is there), with the caches case 1 left.
# The tools alternate, so that neither benefits from a warmer page cache.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$here/.." && pwd)
STEVEDORE=${STEVEDORE:-$repo_root/build/app/stevedore}
RUNS=${BENCH_RUNS:-3}
LAYER_MIB=${BENCH_LAYER_MIB:-48}
PLATFORMS=(linux/amd64 linux/arm64 linux/arm/v7 linux/ppc64le)
LAYERS_PER_PLATFORM=3
TOOLS=${BENCH_TOOLS:-stevedore skopeo}
has_tool() { [[ " $TOOLS " == *" $1 "* ]]; }

die() { echo "push-vs-skopeo: $*" >&2; exit 1; }
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive integer"
[[ $LAYER_MIB =~ ^[1-9][0-9]*$ ]] || die "BENCH_LAYER_MIB must be a positive integer"
for tool in skopeo docker-registry sha256sum tar jq curl ss; do
    command -v "$tool" >/dev/null || die "$tool is required"
done
[[ -x /usr/bin/time ]] || die "/usr/bin/time is required (apt-get install time)"
if has_tool stevedore; then
    [[ -x $STEVEDORE ]] || die "no stevedore binary at $STEVEDORE (set STEVEDORE=...)"
fi
[[ $(id -u) -eq 0 ]] || echo "push-vs-skopeo: warning: not root; skopeo's cache is then ~/.local/share/containers/cache" >&2

work=$(mktemp -d /tmp/stevedore-bench.XXXXXX)
registry_pid=
cleanup() {
    if [[ -n $registry_pid ]]; then
        kill "$registry_pid" 2>/dev/null || true
        wait "$registry_pid" 2>/dev/null || true
    fi
    if [[ ${BENCH_KEEP:-0} == 1 ]]; then
        echo "work folder kept: $work"
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Stevedore's cache is isolated in the work folder (wiped before each case-1 run); skopeo's is the system one.
export XDG_CACHE_HOME=$work/xdg-cache
stevedore_cache=$XDG_CACHE_HOME/stevedore
skopeo_caches=(/var/lib/containers/cache "$HOME/.local/share/containers/cache")
wipe_stevedore_cache() { rm -rf "$stevedore_cache"; }
wipe_skopeo_cache() {
    local d
    for d in "${skopeo_caches[@]}"; do rm -f "$d"/blob-info-cache-v1.boltdb "$d"/blob-info-cache-v1.sqlite; done
}

# ---------------------------------------------------------------------------------------------------------------
# The OCI layout, written with plain shell tools.
layout=$work/layout
mkdir -p "$layout/blobs/sha256"
printf '{"imageLayoutVersion":"1.0.0"}' > "$layout/oci-layout"

# put_blob FILE -> prints "sha256:HEX SIZE" and moves FILE into the blob store
put_blob() {
    local hex size
    hex=$(sha256sum "$1" | cut -d' ' -f1)
    size=$(stat -c %s "$1")
    mv "$1" "$layout/blobs/sha256/$hex"
    echo "sha256:$hex $size"
}

echo "building the layout: ${#PLATFORMS[@]} platforms x $LAYERS_PER_PLATFORM uncompressed layers of $LAYER_MIB MiB..."
half=$((LAYER_MIB * 1024 * 1024 / 2))
index_entries=()
for platform in "${PLATFORMS[@]}"; do
    IFS=/ read -r os arch variant <<<"$platform"
    diff_ids=()
    layer_json=()
    for ((i = 1; i <= LAYERS_PER_PLATFORM; i++)); do
        src=$work/src
        rm -rf "$src"
        mkdir -p "$src/data"
        head -c "$half" /dev/urandom > "$src/data/random.bin"
        yes "layer $i of $platform: the quick brown fox jumps over the lazy dog, 0123456789 ABCDEFGHIJ" \
            | head -c "$half" > "$src/data/text.txt" || true
        tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$src" -cf "$work/layer.tar" data
        read -r digest size < <(put_blob "$work/layer.tar")
        diff_ids+=("\"$digest\"")
        layer_json+=("{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\"$digest\",\"size\":$size}")
    done
    rm -rf "$work/src"
    variant_json=
    [[ -n ${variant:-} ]] && variant_json=",\"variant\":\"$variant\""
    (IFS=,; printf '{"architecture":"%s","os":"%s"%s,"created":"1970-01-01T00:00:00Z","config":{"Cmd":["/bin/sh"]},"rootfs":{"type":"layers","diff_ids":[%s]},"history":[]}' \
        "$arch" "$os" "$variant_json" "${diff_ids[*]}") > "$work/config.json"
    read -r cdigest csize < <(put_blob "$work/config.json")
    (IFS=,; printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":%s},"layers":[%s]}' \
        "$cdigest" "$csize" "${layer_json[*]}") > "$work/manifest.json"
    read -r mdigest msize < <(put_blob "$work/manifest.json")
    index_entries+=("{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"$mdigest\",\"size\":$msize,\"platform\":{\"architecture\":\"$arch\",\"os\":\"$os\"$variant_json}}")
done
(IFS=,; printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[%s]}' \
    "${index_entries[*]}") > "$work/index.json"
read -r idigest isize < <(put_blob "$work/index.json")
printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.index.v1+json","digest":"%s","size":%s,"annotations":{"org.opencontainers.image.ref.name":"latest"}}]}' \
    "$idigest" "$isize" > "$layout/index.json"
source_mib=$(du -sm "$layout" | cut -f1)
echo "layout: $layout ($source_mib MiB, index $idigest)"

# ---------------------------------------------------------------------------------------------------------------
# The registry: plain http on a free port of 127.0.0.1, storage in the work folder.
port=
for _ in $(seq 1 50); do
    candidate=$((20000 + RANDOM % 30000))
    if ! ss -ltnH "sport = :$candidate" | grep -q .; then port=$candidate; break; fi
done
[[ -n $port ]] || die "no free port found"
mkdir -p "$work/registry"
cat > "$work/registry.yml" <<EOF
version: 0.1
log:
  level: error
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $work/registry
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
EOF
docker-registry serve "$work/registry.yml" > "$work/registry.log" 2>&1 &
registry_pid=$!
for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$port/v2/" >/dev/null 2>&1 && break
    kill -0 "$registry_pid" 2>/dev/null || die "the registry did not start: $(cat "$work/registry.log")"
    sleep 0.1
done
curl -fsS "http://127.0.0.1:$port/v2/" >/dev/null || die "the registry does not answer on 127.0.0.1:$port"
host=127.0.0.1:$port
echo "registry: http://$host (pid $registry_pid)"

# ---------------------------------------------------------------------------------------------------------------
# Measurement. Each run appends "wall user sys maxrss_kib" to $work/<case>-<tool>.times.
run_timed() { # case tool log cmd...
    local case=$1 tool=$2 log=$3
    shift 3
    if ! /usr/bin/time -f '%e %U %S %M' -o "$work/last.time" "$@" > "$log" 2>&1; then
        echo "--- $tool failed; its output:" >&2
        cat "$log" >&2
        die "$tool failed (case $case)"
    fi
    cat "$work/last.time" >> "$work/$case-$tool.times"
    read -r wall user sys rss < "$work/last.time"
    printf '  %-9s wall %6.2f s  cpu %6.2f s  peak rss %6.1f MiB\n' "$tool" "$wall" \
        "$(awk "BEGIN{print $user + $sys}")" "$(awk "BEGIN{print $rss/1024}")"
}

push_stevedore() { # case repo
    run_timed "$1" stevedore "$work/stevedore-$1-$2.log" \
        "$STEVEDORE" push --all --tls-verify=false "oci:$layout:latest" "docker://$host/bench/$2:latest"
}
push_skopeo() { # case repo
    run_timed "$1" skopeo "$work/skopeo-$1-$2.log" \
        skopeo copy --all --dest-tls-verify=false "oci:$layout:latest" "docker://$host/bench/$2:latest"
}

# Sum of the config and layer sizes of every manifest under the pushed index, in bytes.
pushed_bytes() { # repo
    local ref=docker://$host/bench/$1 total=0 d s
    local index
    index=$(skopeo inspect --raw --tls-verify=false "$ref:latest")
    for d in $(jq -r '.manifests[].digest' <<<"$index"); do
        s=$(skopeo inspect --raw --tls-verify=false "$ref@$d" | jq '[.layers[].size] | add + 0')
        total=$((total + s))
    done
    echo "$total"
}

median() { sort -g | awk '{v[NR]=$1} END {if (NR == 0) {print "nan"} else if (NR % 2) {print v[(NR+1)/2]} else {print (v[NR/2]+v[NR/2+1])/2}}'; }
col_median() { # file column-expression (awk, e.g. '$1' or '$2+$3')
    awk "{print $2}" "$1" | median
}

stats() { # case tool repo -> "wall cpu rssMiB pushedBytes" or "- - - -"
    local f=$work/$1-$2.times
    if [[ ! -s $f ]]; then echo "- - - -"; return; fi
    echo "$(col_median "$f" '$1') $(col_median "$f" '$2+$3') $(col_median "$f" '$4/1024') $(pushed_bytes "$3")"
}

report() { # case title stevedore-repo skopeo-repo
    local case=$1 title=$2 sw sc sr sb kw kc kr kb
    read -r sw sc sr sb < <(stats "$case" stevedore "$3")
    read -r kw kc kr kb < <(stats "$case" skopeo "$4")
    echo
    echo "== $title ($RUNS runs each, medians) =="
    printf '%-10s %10s %10s %14s %14s\n' tool "wall s" "cpu s" "peak RSS MiB" "pushed MiB"
    [[ $sw != - ]] && printf '%-10s %10.2f %10.2f %14.1f %14.2f\n' stevedore "$sw" "$sc" "$sr" "$(awk "BEGIN{print $sb/1048576}")"
    [[ $kw != - ]] && printf '%-10s %10.2f %10.2f %14.1f %14.2f\n' skopeo "$kw" "$kc" "$kr" "$(awk "BEGIN{print $kb/1048576}")"
    if [[ $sw != - && $kw != - ]]; then
        printf '%-10s %10.2f %10.2f %14.2f %14.3f\n' "ratio s/k" "$(awk "BEGIN{print $sw/$kw}")" \
            "$(awk "BEGIN{print $sc/$kc}")" "$(awk "BEGIN{print $sr/$kr}")" "$(awk "BEGIN{print $sb/$kb}")"
    fi
    return 0
}

echo
echo "case 1: push to a fresh repository, caches wiped"
for ((run = 1; run <= RUNS; run++)); do
    if has_tool stevedore; then wipe_stevedore_cache; sync; push_stevedore case1 "s-$run"; fi
    if has_tool skopeo; then wipe_skopeo_cache; sync; push_skopeo case1 "k-$run"; fi
done

echo
echo "case 2: push again to the same repository (every blob is there)"
for ((run = 1; run <= RUNS; run++)); do
    if has_tool stevedore; then push_stevedore case2 "s-$RUNS"; fi
    if has_tool skopeo; then push_skopeo case2 "k-$RUNS"; fi
done

report case1 "case 1: fresh repository" "s-1" "k-1"
report case2 "case 2: same repository again" "s-$RUNS" "k-$RUNS"
