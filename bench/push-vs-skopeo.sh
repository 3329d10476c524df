#!/usr/bin/env bash
# Push benchmark: stevedore vs skopeo, side by side in one run, to a local docker-registry on the same machine.
#
#   sudo bench/push-vs-skopeo.sh            (run as root: skopeo's root cache lives in /var/lib/containers)
#
# Environment:
#   STEVEDORE        stevedore binary (default: build/app/stevedore next to this script's repository)
#   BENCH_CASES      which groups to run (default "synthetic real big")
#   BENCH_REAL       which cases of the real group (default "zstd upload gzip again there"; again and there need gzip)
#   BENCH_RUNS       runs per tool and case (default 3, at least 1; the big case runs once)
#   BENCH_LAYER_MIB  synthetic: size of each layer in MiB (default 48: half random, half repetitive text)
#   BENCH_KEEP=1     keep the work folder (layouts, registry storage, logs)
#   BENCH_TOOLS      which tools to run (default "stevedore skopeo"; e.g. "skopeo" alone)
#
# synthetic: a 4-platform index, 3 uncompressed layers per platform (half random, half repetitive text).
#   case 1: push to a FRESH repository each run (blob-info caches wiped): every layer is compressed and uploaded.
#   case 2: push again to the SAME repository (every blob is there), with the caches case 1 left.
# real: one image whose three uncompressed layers are tars of real trees of this machine: /usr/bin (binaries);
#   /usr/lib/gcc (compilers, libraries, objects); /usr/include, /usr/share/perl*, /usr/lib/python3* (text).
#   gzip:    pushed to a fresh repository, caches wiped, compressed to gzip (each tool's default);
#   zstd:    the same with --compression-format zstd / --dest-compress-format zstd;
#   upload:  the same trees stored as gzip (gzip -6) pushed as they are: hashing and upload only;
#   again:   the uncompressed source to a NEW repository of the same registry, each tool's cache kept from gzip;
#   there:   the uncompressed source to the repository of the last gzip run (every blob is there).
# big: one layer of at least 2 GiB of real trees (/usr/lib/x86_64-linux-gnu, /usr/lib/jvm, /usr/share)
#   pushed once per tool to gzip, for peak memory.
# The tools alternate, so that neither benefits from a warmer page cache. Each line prints wall time, CPU seconds
# (user + system) and peak RSS; each case ends with medians and the stevedore/skopeo ratios.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$here/.." && pwd)
STEVEDORE=${STEVEDORE:-$repo_root/build/app/stevedore}
RUNS=${BENCH_RUNS:-3}
LAYER_MIB=${BENCH_LAYER_MIB:-48}
PLATFORMS=(linux/amd64 linux/arm64 linux/arm/v7 linux/ppc64le)
LAYERS_PER_PLATFORM=3
TOOLS=${BENCH_TOOLS:-stevedore skopeo}
CASES=${BENCH_CASES:-synthetic real big}
REAL_CASES=${BENCH_REAL:-zstd upload gzip again there}
has_real() { [[ " $REAL_CASES " == *" $1 "* ]]; }
has_tool() { [[ " $TOOLS " == *" $1 "* ]]; }
has_case() { [[ " $CASES " == *" $1 "* ]]; }
# shellcheck source=bench/layouts.sh
source "$here/layouts.sh"

die() { echo "push-vs-skopeo: $*" >&2; exit 1; }
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive integer"
[[ $LAYER_MIB =~ ^[1-9][0-9]*$ ]] || die "BENCH_LAYER_MIB must be a positive integer"
for tool in skopeo docker-registry sha256sum tar gzip jq curl ss; do
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
# The synthetic OCI layout, written with plain shell tools.
build_synthetic_layout() {
layout=$work/layout
mkdir -p "$layout/blobs/sha256"
printf '{"imageLayoutVersion":"1.0.0"}' > "$layout/oci-layout"

# put_blob FILE -> prints "sha256:HEX SIZE" and moves FILE into the blob store (bench/layouts.sh)
put_blob() { _put_blob "$layout" "$1"; }

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
}

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

# push_stevedore CASE REPO [LAYOUT [OPTIONS...]] (default: the synthetic layout, --all)
push_stevedore() {
    local case=$1 repo=$2 from=${3:-$layout}
    shift $(($# < 3 ? $# : 3))
    run_timed "$case" stevedore "$work/stevedore-$case-$repo.log" \
        "$STEVEDORE" push --all --tls-verify=false "$@" "oci:$from:latest" "docker://$host/bench/$repo:latest"
}
push_skopeo() {
    local case=$1 repo=$2 from=${3:-$layout}
    shift $(($# < 3 ? $# : 3))
    run_timed "$case" skopeo "$work/skopeo-$case-$repo.log" \
        skopeo copy --all --dest-tls-verify=false "$@" "oci:$from:latest" "docker://$host/bench/$repo:latest"
}

# Sum of the layer sizes of every manifest pushed (under the index, or the one manifest), in bytes.
pushed_bytes() { # repo
    local ref=docker://$host/bench/$1 total=0 d s top
    top=$(skopeo inspect --raw --tls-verify=false "$ref:latest")
    if jq -e '.manifests' <<<"$top" >/dev/null; then
        for d in $(jq -r '.manifests[].digest' <<<"$top"); do
            s=$(skopeo inspect --raw --tls-verify=false "$ref@$d" | jq '[.layers[].size] | add + 0')
            total=$((total + s))
        done
    else
        total=$(jq '[.layers[].size] | add + 0' <<<"$top")
    fi
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

summary=()
if has_case synthetic; then
    build_synthetic_layout
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
    summary+=("case1|synthetic: fresh repository|s-1|k-1" "case2|synthetic: same repository again|s-$RUNS|k-$RUNS")
fi

if has_case real; then
    real_trees=("bin:/usr/bin" "gcc:/usr/lib/gcc"
                "text:/usr/include /usr/share/perl /usr/share/perl5 /usr/lib/python3 /usr/lib/python3.11")
    echo
    echo "building the real-content layouts (tars of ${real_trees[*]})..."
    real_layout "$work/real" none "${real_trees[@]}"
    real_layout "$work/real-gz" gzip "${real_trees[@]}"
    echo "real: $(du -sm "$work/real" | cut -f1) MiB uncompressed, $(du -sm "$work/real-gz" | cut -f1) MiB as gzip"
    # case KEY WHAT STEVEDORE-OPTIONS SKOPEO-OPTIONS LAYOUT: fresh repositories, caches wiped before each run
    fresh_case() {
        local key=$1 what=$2 s_opts=$3 k_opts=$4 from=$5 run
        echo
        echo "$key: $what"
        for ((run = 1; run <= RUNS; run++)); do
            # shellcheck disable=SC2086
            if has_tool stevedore; then wipe_stevedore_cache; sync; push_stevedore "$key" "$key-s-$run" "$from" $s_opts; fi
            # shellcheck disable=SC2086
            if has_tool skopeo; then wipe_skopeo_cache; sync; push_skopeo "$key" "$key-k-$run" "$from" $k_opts; fi
        done
        summary+=("$key|real: $what|$key-s-1|$key-k-1")
    }
    if has_real zstd; then
        fresh_case real-zstd "uncompressed -> zstd, fresh repository" "--compression-format zstd" \
            "--dest-compress-format zstd" "$work/real"
    fi
    if has_real upload; then
        fresh_case real-upload "gzip layers as they are, fresh repository" "" "" "$work/real-gz"
    fi
    if has_real gzip; then
        fresh_case real-gzip "uncompressed -> gzip, fresh repository" "" "" "$work/real"
    fi
    if has_real gzip && has_real again; then
        echo
        echo "real-again: the uncompressed source to a new repository, each tool's cache kept from real-gzip"
        for ((run = 1; run <= RUNS; run++)); do
            if has_tool stevedore; then push_stevedore real-again "real-again-s-$run" "$work/real"; fi
            if has_tool skopeo; then push_skopeo real-again "real-again-k-$run" "$work/real"; fi
        done
        summary+=("real-again|real: new repository, caches kept|real-again-s-1|real-again-k-1")
    fi
    if has_real gzip && has_real there; then
        echo
        echo "real-there: again to the repository of the last real-gzip run (every blob is there)"
        for ((run = 1; run <= RUNS; run++)); do
            if has_tool stevedore; then push_stevedore real-there "real-gzip-s-$RUNS" "$work/real"; fi
            if has_tool skopeo; then push_skopeo real-there "real-gzip-k-$RUNS" "$work/real"; fi
        done
        summary+=("real-there|real: every blob there|real-gzip-s-$RUNS|real-gzip-k-$RUNS")
    fi
    rm -rf "$work/real-gz"
fi

if has_case big; then
    big_trees=("big:/usr/lib/x86_64-linux-gnu /usr/lib/jvm /usr/share")
    echo
    echo "building the big layout (one tar of ${big_trees[*]#big:})..."
    real_layout "$work/big" none "${big_trees[@]}"
    big_mib=$(du -sm "$work/big" | cut -f1)
    echo "big: $big_mib MiB in one layer"
    (( big_mib >= 2048 )) || echo "push-vs-skopeo: warning: the big layer is under 2 GiB on this machine" >&2
    if has_tool stevedore; then wipe_stevedore_cache; sync; push_stevedore big big-s "$work/big"; fi
    if has_tool skopeo; then wipe_skopeo_cache; sync; push_skopeo big big-k "$work/big"; fi
    summary+=("big|big: one layer of $big_mib MiB -> gzip (one run)|big-s|big-k")
    rm -rf "$work/big"
fi

for entry in "${summary[@]}"; do
    IFS='|' read -r key title s_repo k_repo <<<"$entry"
    report "$key" "$title" "$s_repo" "$k_repo"
done
