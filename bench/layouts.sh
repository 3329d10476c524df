# Sourced by the push benchmarks: OCI layouts written with plain shell tools (tar, gzip, sha256sum).
#
#   real_layout DIR COMPRESSION SPEC...
#       One linux/amd64 image whose layers are tars of real trees of this machine, one layer per SPEC
#       ("name:/path /path ..."), tagged "latest". COMPRESSION: none (application/vnd.oci.image.layer.v1.tar) or gzip
#       (gzip -6, +gzip). The tars are deterministic (sorted names, mtime 0, owner 0): the same machine gives the
#       same digests.

# _put_blob LAYOUT FILE -> prints "sha256:HEX SIZE" and moves FILE into the blob store
_put_blob() {
    local hex size
    hex=$(sha256sum "$2" | cut -d' ' -f1)
    size=$(stat -c %s "$2")
    mv "$2" "$1/blobs/sha256/$hex"
    echo "sha256:$hex $size"
}

real_layout() {
    local dir=$1 compression=$2
    shift 2
    local spec name paths digest size diff_id layers=() diff_ids=() media=application/vnd.oci.image.layer.v1.tar
    [[ $compression == gzip ]] && media+="+gzip"
    rm -rf "$dir"
    mkdir -p "$dir/blobs/sha256"
    printf '{"imageLayoutVersion":"1.0.0"}' > "$dir/oci-layout"
    for spec in "$@"; do
        name=${spec%%:*}
        read -r -a paths <<<"${spec#*:}"
        # Files that vanish or cannot be read while tar runs are left out (tar exits 1 then): the layer is still a
        # valid tar of what was there.
        tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner --ignore-failed-read -cf "$dir/$name.tar" \
            "${paths[@]}" 2>/dev/null || [[ $? == 1 ]] || return 1
        diff_id=sha256:$(sha256sum "$dir/$name.tar" | cut -d' ' -f1)
        if [[ $compression == gzip ]]; then
            gzip -n -6 "$dir/$name.tar"
            read -r digest size < <(_put_blob "$dir" "$dir/$name.tar.gz")
        else
            read -r digest size < <(_put_blob "$dir" "$dir/$name.tar")
        fi
        diff_ids+=("\"$diff_id\"")
        layers+=("{\"mediaType\":\"$media\",\"digest\":\"$digest\",\"size\":$size}")
    done
    local cdigest csize mdigest msize
    (IFS=,; printf '{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z","config":{"Cmd":["/bin/sh"]},"rootfs":{"type":"layers","diff_ids":[%s]},"history":[]}' \
        "${diff_ids[*]}") > "$dir/config.json"
    read -r cdigest csize < <(_put_blob "$dir" "$dir/config.json")
    (IFS=,; printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":%s},"layers":[%s]}' \
        "$cdigest" "$csize" "${layers[*]}") > "$dir/manifest.json"
    read -r mdigest msize < <(_put_blob "$dir" "$dir/manifest.json")
    printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%s","size":%s,"annotations":{"org.opencontainers.image.ref.name":"latest"}}]}' \
        "$mdigest" "$msize" > "$dir/index.json"
}
