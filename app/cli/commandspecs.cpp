#include "commandspecs.h"

using namespace Qt::StringLiterals;

namespace stevedore::cli {

using K = OptionSpec::Kind;

QList<OptionSpec> registryOptions()
{
    return {
        {u"authfile"_s, {}, K::Value, u"FILE"_s,
         u"Registry credentials file (default: $REGISTRY_AUTH_FILE, else the containers/docker auth files)"_s},
        {u"cert-dir"_s, {}, K::Value, u"DIR"_s,
         u"Folder of TLS certificates: *.crt CAs, *.cert/*.key client pairs (like /etc/containers/certs.d/HOST)"_s},
        {u"creds"_s, {}, K::Value, u"USER[:PASSWORD]"_s,
         u"Registry credentials; without a password it is asked on the terminal"_s},
        {u"tls-verify"_s, {}, K::Flag, {}, u"Require HTTPS and verify certificates (default true)"_s},
    };
}

QList<OptionSpec> copyOptions(bool forPush)
{
    QList<OptionSpec> o{
        {u"all"_s, {}, K::Flag, {}, u"Copy every platform of an image index (default: this machine's platform only)"_s},
        {u"platform"_s, {}, K::Value, u"OS/ARCH[/VARIANT]"_s, u"Platform to copy from an index, instead of this machine's"_s},
    };
    o += registryOptions();
    o += QList<OptionSpec>{
        {u"digestfile"_s, {}, K::Value, u"FILE"_s, u"Write the digest of the written manifest to FILE"_s},
        {u"quiet"_s, u'q', K::Flag, {}, u"Print no progress"_s},
        {u"retry"_s, {}, K::Value, u"N"_s, u"Retries on temporary errors (connection errors, 408, 429, 5xx; default 3)"_s},
        {u"retry-delay"_s, {}, K::Value, u"DURATION"_s,
         u"Delay between retries, e.g. 2s, 500ms, 1m (default 2s; a Retry-After answer wins)"_s},
        {u"idle-timeout"_s, {}, K::Value, u"DURATION"_s,
         u"Give up on a request when no byte moves for DURATION (default 30s)"_s},
        {u"progress"_s, {}, K::Value, u"MODE"_s,
         u"Progress output: auto (tty on a terminal, else plain), tty, plain or json"_s},
    };
    if (forPush) {
        o += QList<OptionSpec>{
            {u"compression-format"_s, {}, K::Value, u"FORMAT"_s,
             u"Compression of the layers: gzip or zstd (layers in another format are recompressed)"_s},
            {u"compression-level"_s, {}, K::Value, u"LEVEL"_s, u"Compression level: gzip 1-9, zstd 1-19 (and beyond)"_s},
            {u"cr-option"_s, {}, K::Value, u"OPTION"_s, u"Container registry option (sealos)"_s, true},
            {u"disable-compression"_s, u'D', K::Flag, {}, u"Write layers uncompressed (compressed ones are decompressed)"_s},
            {u"encrypt-layer"_s, {}, K::Value, u"INDEXES"_s, u"Layers to encrypt (0-indexed; default all)"_s, true},
            {u"encryption-key"_s, {}, K::Value, u"KEY"_s, u"Key for layer encryption (jwe:..., pgp:..., pkcs7:...)"_s, true},
            {u"format"_s, u'f', K::Value, u"FORMAT"_s, u"Manifest type to write: oci or v2s2 (v2s1 is not supported)"_s},
            {u"remove-signatures"_s, {}, K::Flag, {}, u"Do not copy signatures"_s},
            {u"rm"_s, {}, K::Flag, {}, u"Remove the local manifest list IMAGE after a successful push (as manifest push --purge)"_s},
            {u"sign-by"_s, {}, K::Value, u"FINGERPRINT"_s, u"Sign the image with this GPG key"_s, true},
        };
    }
    return o;
}

CommandSpec pushSpec()
{
    CommandSpec s;
    s.name = u"push"_s;
    s.usage = u"push [OPTIONS] IMAGE [DESTINATION]"_s;
    s.summary = u"Push an image to a registry or any other location"_s;
    s.description =
        u"Copies IMAGE to DESTINATION. IMAGE is a local store name (myapp:v1) or any TRANSPORT:DETAILS location\n"
        "(oci:PATH[:REF], dir:PATH, docker://HOST/REPO:TAG). DESTINATION defaults to IMAGE (as sealos push does):\n"
        "a local store name without a transport is pushed to the registry it names (docker://NAME)."_s;
    s.options = copyOptions(true);
    s.minArgs = 1;
    s.maxArgs = 2;
    s.examples =
        u"  stevedore push localhost:5000/team/app:v1\n"
        "  stevedore push --all --creds alice:secret --cert-dir ./certs --digestfile out.txt \\\n"
        "      oci:./layouts/app:v1 docker://registry.example:5000/team/app:v1"_s;
    return s;
}

CommandSpec pullSpec()
{
    CommandSpec s;
    s.name = u"pull"_s;
    s.usage = u"pull [OPTIONS] SOURCE [NAME]"_s;
    s.summary = u"Copy an image into the local store"_s;
    s.description =
        u"Copies SOURCE into the local store as NAME. SOURCE without a transport is a registry image\n"
        "(busybox = docker://docker.io/library/busybox:latest). NAME defaults to SOURCE's image name; for path\n"
        "transports (oci:PATH:REF, dir:PATH) it is localhost/BASENAME-OF-PATH:REF."_s;
    s.options = copyOptions(false);
    s.minArgs = 1;
    s.maxArgs = 2;
    s.examples = u"  stevedore pull oci:./layouts/app:v1\n  stevedore pull docker://localhost:5000/team/app:v1 app:v1"_s;
    return s;
}

CommandSpec copySpec()
{
    CommandSpec s;
    s.name = u"copy"_s;
    s.usage = u"copy [OPTIONS] SOURCE DESTINATION"_s;
    s.summary = u"Copy an image between any two locations"_s;
    s.description = u"Copies SOURCE to DESTINATION; both are TRANSPORT:DETAILS locations or local store names."_s;
    s.options = copyOptions(true);
    s.minArgs = 2;
    s.maxArgs = 2;
    s.examples = u"  stevedore copy --all oci:./layouts/app:v1 dir:/tmp/app\n"
                 "  stevedore copy docker://localhost:5000/team/app:v1 oci:/tmp/app-layout:v1"_s;
    return s;
}

CommandSpec imagesSpec()
{
    CommandSpec s;
    s.name = u"images"_s;
    s.usage = u"images [OPTIONS]"_s;
    s.summary = u"List the images of the local store"_s;
    s.options = {
        {u"format"_s, {}, K::Value, u"FORMAT"_s, u"Output format: table (default) or json"_s},
        {u"noheading"_s, u'n', K::Flag, {}, u"Do not print the table heading"_s},
    };
    s.examples = u"  stevedore images\n  stevedore images --format json"_s;
    return s;
}

CommandSpec tagSpec()
{
    CommandSpec s;
    s.name = u"tag"_s;
    s.usage = u"tag SOURCE TARGET"_s;
    s.summary = u"Give a local image another name"_s;
    s.minArgs = 2;
    s.maxArgs = 2;
    s.examples = u"  stevedore tag localhost/app:v1 localhost:5000/team/app:v1"_s;
    return s;
}

CommandSpec rmiSpec()
{
    CommandSpec s;
    s.name = u"rmi"_s;
    s.usage = u"rmi NAME..."_s;
    s.summary = u"Remove names from the local store (and blobs no name uses any more)"_s;
    s.minArgs = 1;
    s.maxArgs = -1;
    s.examples = u"  stevedore rmi localhost/app:v1"_s;
    return s;
}

CommandSpec inspectSpec()
{
    CommandSpec s;
    s.name = u"inspect"_s;
    s.usage = u"inspect [OPTIONS] IMAGE"_s;
    s.summary = u"Show an image's details, manifest or config"_s;
    s.description = u"IMAGE is a local store name or any TRANSPORT:DETAILS location. Prints JSON on stdout;\n"
                    "--raw prints the manifest bytes exactly as stored."_s;
    s.options = {
        {u"raw"_s, {}, K::Flag, {}, u"Print the manifest (or index) exactly as stored"_s},
        {u"config"_s, {}, K::Flag, {}, u"Print the image config"_s},
    };
    s.options += registryOptions();
    s.minArgs = 1;
    s.maxArgs = 1;
    s.examples = u"  stevedore inspect localhost/app:v1\n  stevedore inspect --raw docker://localhost:5000/team/app:v1"_s;
    return s;
}

CommandSpec loginSpec()
{
    CommandSpec s;
    s.name = u"login"_s;
    s.usage = u"login [OPTIONS] REGISTRY[/NAMESPACE[/REPO]]"_s;
    s.summary = u"Check credentials against a registry and store them"_s;
    s.description = u"The credentials are verified first (Basic, or a Bearer token round trip; an identity token the token\n"
                    "server hands back is kept instead of the password), then stored in the credential helper the auth\n"
                    "file names for the registry (credHelpers, credsStore), else in the auth file itself: --authfile,\n"
                    "$REGISTRY_AUTH_FILE, else $XDG_RUNTIME_DIR/containers/auth.json as podman login does.\n"
                    "A key with a namespace (quay.io/team) is used for the images under it only.\n"
                    "Missing user or password are asked on the terminal."_s;
    s.options = {
        {u"authfile"_s, {}, K::Value, u"FILE"_s, u"Auth file to write (default: $REGISTRY_AUTH_FILE, else podman's runtime file)"_s},
        {u"username"_s, u'u', K::Value, u"USER"_s, u"User name"_s},
        {u"password"_s, u'p', K::Value, u"PASSWORD"_s, u"Password (visible to other users in the process list: prefer --password-stdin)"_s},
        {u"password-stdin"_s, {}, K::Flag, {}, u"Read the password from standard input"_s},
        {u"tls-verify"_s, {}, K::Flag, {}, u"Require HTTPS and verify certificates (default true)"_s},
        {u"cert-dir"_s, {}, K::Value, u"DIR"_s, u"Folder of TLS certificates: *.crt CAs, *.cert/*.key client pairs"_s},
        {u"get-login"_s, {}, K::Flag, {}, u"Print the user name stored for the key, and check nothing"_s},
    };
    s.minArgs = 1;
    s.maxArgs = 1;
    s.examples = u"  stevedore login -u alice quay.io\n"
                 "  echo \"$TOKEN\" | stevedore login -u bot --password-stdin registry.example.com/team-a\n"
                 "  stevedore login --get-login quay.io"_s;
    return s;
}

CommandSpec logoutSpec()
{
    CommandSpec s;
    s.name = u"logout"_s;
    s.usage = u"logout [OPTIONS] (--all | REGISTRY[/NAMESPACE[/REPO]])"_s;
    s.summary = u"Remove stored credentials"_s;
    s.description = u"Removes the key from the auth file (default: $REGISTRY_AUTH_FILE, else podman's runtime file) and from\n"
                    "the credential helper it names. Other keys, helpers and settings in the file are kept."_s;
    s.options = {
        {u"authfile"_s, {}, K::Value, u"FILE"_s, u"Auth file to edit"_s},
        {u"all"_s, {}, K::Flag, {}, u"Remove every credential of the auth file"_s},
    };
    s.maxArgs = 1;
    s.examples = u"  stevedore logout quay.io\n  stevedore logout --all"_s;
    return s;
}

CommandSpec authSpec()
{
    CommandSpec s;
    s.name = u"auth"_s;
    s.usage = u"auth list [--format table|json] | auth resolve IMAGE"_s;
    s.summary = u"List stored credentials; say which one an image uses, and why"_s;
    s.description = u"list: every credential in the auth files and their credential helpers, in search order: key, user,\n"
                    "source, and the entry that shadows it when it can never be used. No secret is printed.\n"
                    "resolve: which entry a push or pull of IMAGE would use, from where, and why each other entry lost."_s;
    s.options = {
        {u"authfile"_s, {}, K::Value, u"FILE"_s, u"Use only this auth file (default: $REGISTRY_AUTH_FILE, else the search order)"_s},
        {u"format"_s, {}, K::Value, u"FORMAT"_s, u"list: table (default) or json"_s},
    };
    s.minArgs = 1;
    s.maxArgs = 2;
    s.examples = u"  stevedore auth list\n  stevedore auth resolve quay.io/team-a/app:v1"_s;
    return s;
}

CommandSpec secretSpec()
{
    CommandSpec s;
    s.name = u"secret"_s;
    s.usage = u"secret create NAME (--from-authfile F | --registry R -u USER --password-stdin) [--namespace NS] [-o yaml|json]\n"
              "       secret import FILE [--authfile F]"_s;
    s.summary = u"Make and import Kubernetes image pull secrets"_s;
    s.description = u"create: prints a kubernetes.io/dockerconfigjson Secret for kubectl apply.\n"
                    "import: merges the .dockerconfigjson (or legacy .dockercfg) of a Secret, a List of them, YAML or JSON,\n"
                    "into an auth file (default: $REGISTRY_AUTH_FILE, else podman's runtime file), reporting the keys\n"
                    "added and replaced."_s;
    s.options = {
        {u"from-authfile"_s, {}, K::Value, u"FILE"_s, u"create: every credential of this auth file (its helpers' too)"_s},
        {u"registry"_s, {}, K::Value, u"REGISTRY"_s, u"create: the registry key of a single credential"_s},
        {u"username"_s, u'u', K::Value, u"USER"_s, u"create: user name (with --registry)"_s},
        {u"password-stdin"_s, {}, K::Flag, {}, u"create: read the password from standard input (with --registry)"_s},
        {u"namespace"_s, u'n', K::Value, u"NS"_s, u"create: the Secret's namespace"_s},
        {u"output"_s, u'o', K::Value, u"FORMAT"_s, u"create: yaml (default) or json"_s},
        {u"authfile"_s, {}, K::Value, u"FILE"_s, u"import: auth file to merge into (import FILE - reads the Secret from stdin)"_s},
    };
    s.minArgs = 2;
    s.maxArgs = 2;
    s.examples = u"  stevedore secret create regcred --from-authfile ~/.docker/config.json -n apps | kubectl apply -f -\n"
                 "  stevedore secret import regcred.yaml"_s;
    return s;
}

CommandSpec helpSpec()
{
    CommandSpec s;
    s.name = u"help"_s;
    s.usage = u"help [COMMAND]"_s;
    s.summary = u"Show help for a command"_s;
    s.maxArgs = 1;
    return s;
}

QList<CommandSpec> allCommands()
{
    return {pushSpec(), pullSpec(), copySpec(), imagesSpec(), tagSpec(), rmiSpec(), inspectSpec(), loginSpec(),
            logoutSpec(), authSpec(), secretSpec(), manifestSpec(), importImageSpec(), sandboxSpec(), helpSpec()};
}

CommandSpec topSpec()
{
    CommandSpec s;
    s.usage = u"[GLOBAL OPTIONS] COMMAND [OPTIONS] [ARGS]"_s;
    QString d = u"Push, pull and copy container images. Without a command: an overview of the store and auth files.\n\n"
                "Commands:\n"_s;
    for (const CommandSpec &c : allCommands())
        d += u"  %1  %2\n"_s.arg(c.name.leftJustified(12), c.summary);
    d += u"\nRun 'stevedore COMMAND --help' for a command's options."_s;
    s.description = d;
    return s;
}

} // namespace stevedore::cli
