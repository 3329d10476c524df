// The `manifest` command and its subcommands (docker manifest compatible, with podman's additions).
#include "commandspecs.h"

using namespace Qt::StringLiterals;

namespace stevedore::cli {

using K = OptionSpec::Kind;

namespace {

OptionSpec insecureOption()
{
    return {u"insecure"_s, {}, K::Flag, {}, u"Allow plain http and unverified TLS for the registries involved"_s};
}

QList<OptionSpec> platformOptions()
{
    return {
        {u"os"_s, {}, K::Value, u"OS"_s, u"Operating system (GOOS: linux, windows, ...); \"\" removes it"_s},
        {u"arch"_s, {}, K::Value, u"ARCH"_s, u"Architecture (GOARCH: amd64, arm64, arm, ...); \"\" removes it"_s},
        {u"variant"_s, {}, K::Value, u"VARIANT"_s, u"Architecture variant (arm: v5-v8, arm64: v8, v8.x, v9...); \"\" removes it"_s},
        {u"os-version"_s, {}, K::Value, u"VERSION"_s, u"os.version (e.g. 10.0.17763.1879); \"\" removes it"_s},
        {u"os-features"_s, {}, K::Value, u"F,..."_s, u"os.features, comma separated; \"\" removes them"_s},
        {u"annotation"_s, {}, K::Value, u"KEY=VALUE"_s, u"Set an annotation of the entry (repeatable; KEY= removes it)"_s},
    };
}

} // namespace

CommandSpec manifestSpec()
{
    CommandSpec s;
    s.name = u"manifest"_s;
    s.usage = u"manifest SUBCOMMAND [OPTIONS] ..."_s;
    s.summary = u"Create, annotate, inspect and push manifest lists (multi-platform images)"_s;
    s.description = u"Subcommands:\n"
                    "  create    Create a local manifest list from images\n"
                    "  add       Add an image (or every image of a list) to a local list\n"
                    "  remove    Remove an image from a local list\n"
                    "  annotate  Set or clear the platform fields and annotations of an entry\n"
                    "  inspect   Print a list or manifest as stored (--verbose: with each image's manifest)\n"
                    "  push      Push a list, copying its images into the destination repository first\n"
                    "  rm        Remove local lists\n"
                    "  ls        List the local lists\n"
                    "Local lists live next to the local store (STORE/manifest-lists) until pushed with --purge or removed.\n"
                    "An IMAGE is TRANSPORT:DETAILS, a name in the local store, or else a registry image (as docker reads it)."_s;
    s.minArgs = 0;
    s.maxArgs = -1;
    s.examples = u"  stevedore manifest create localhost:5000/team/app:v1 localhost:5000/team/app:amd64 localhost:5000/team/app:arm64\n"
                 "  stevedore manifest annotate --variant v8 localhost:5000/team/app:v1 localhost:5000/team/app:arm64\n"
                 "  stevedore manifest push localhost:5000/team/app:v1"_s;
    return s;
}

QList<CommandSpec> manifestSubcommands()
{
    QList<CommandSpec> out;
    {
        CommandSpec s;
        s.name = u"manifest create"_s;
        s.usage = u"manifest create [--amend] [--insecure] [--all] LIST [IMAGE...]"_s;
        s.summary = u"Create a local manifest list"_s;
        s.description = u"Reads each IMAGE and records its manifest digest, size, media type and platform (from its config).\n"
                        "An IMAGE that is itself a list adds the image for this machine's platform, or all of them with --all."_s;
        s.options = {
            {u"amend"_s, u'a', K::Flag, {}, u"Add to LIST when it exists instead of failing"_s},
            {u"all"_s, {}, K::Flag, {}, u"An IMAGE that is a list adds every image of it"_s},
            insecureOption(),
        };
        s.options += registryOptions();
        s.minArgs = 1;
        s.maxArgs = -1;
        out.append(s);
    }
    {
        CommandSpec s;
        s.name = u"manifest add"_s;
        s.usage = u"manifest add [--all] [--os OS] [--arch ARCH] [--variant V] [--annotation K=V] LIST IMAGE"_s;
        s.summary = u"Add an image to a local list"_s;
        s.options = {{u"all"_s, {}, K::Flag, {}, u"An IMAGE that is a list adds every image of it"_s}, insecureOption()};
        s.options += platformOptions();
        s.options += registryOptions();
        s.minArgs = 2;
        s.maxArgs = 2;
        out.append(s);
    }
    {
        CommandSpec s;
        s.name = u"manifest remove"_s;
        s.usage = u"manifest remove LIST DIGEST"_s;
        s.summary = u"Remove an image from a local list"_s;
        s.options = {insecureOption()};
        s.options += registryOptions();
        s.minArgs = 2;
        s.maxArgs = 2;
        out.append(s);
    }
    {
        CommandSpec s;
        s.name = u"manifest annotate"_s;
        s.usage = u"manifest annotate [--os OS] [--arch ARCH] [--variant V] [--os-version V] [--os-features F,...] "
                  "[--annotation K=V] LIST IMAGE|DIGEST"_s;
        s.summary = u"Set or clear the platform of an entry"_s;
        s.description = u"IMAGE is a reference the entry was added from, or its digest. An empty value (--variant \"\")\n"
                        "removes the field. Values are checked against the GOOS/GOARCH names and the arm/arm64 variants."_s;
        s.options = platformOptions();
        s.options += insecureOption();
        s.options += registryOptions();
        s.minArgs = 2;
        s.maxArgs = 2;
        out.append(s);
    }
    {
        CommandSpec s;
        s.name = u"manifest inspect"_s;
        s.usage = u"manifest inspect [--verbose] [--insecure] [LIST] MANIFEST"_s;
        s.summary = u"Print a manifest list or manifest as stored"_s;
        s.description = u"MANIFEST is a local list, else an image (TRANSPORT:DETAILS, local store name, or registry image);\n"
                        "its bytes are printed unchanged. With LIST, MANIFEST is an entry of it (a reference or digest).\n"
                        "--verbose prints, for each image, its Ref, Descriptor and manifest, as docker manifest inspect -v."_s;
        s.options = {{u"verbose"_s, u'v', K::Flag, {}, u"Each image's Ref, Descriptor and manifest"_s}, insecureOption()};
        s.options += registryOptions();
        s.minArgs = 1;
        s.maxArgs = 2;
        out.append(s);
    }
    {
        CommandSpec s;
        s.name = u"manifest push"_s;
        s.usage = u"manifest push [--purge] [--insecure] [--all] [--format oci|v2s2] [--digestfile F] LIST [DESTINATION]"_s;
        s.summary = u"Push a local list and its images"_s;
        s.description = u"The list's images are copied into the destination repository first (mounted when they live on the\n"
                        "same registry, copied otherwise), then the list is written. DESTINATION defaults to LIST's name.\n"
                        "A list that names a platform twice is refused unless --allow-duplicates."_s;
        s.options = {
            {u"purge"_s, u'p', K::Flag, {}, u"Remove the local list after a successful push"_s},
            {u"all"_s, {}, K::Flag, {}, u"Copy the listed images with the list (default true)"_s},
            {u"allow-duplicates"_s, {}, K::Flag, {}, u"Push a list that names a platform more than once"_s},
            insecureOption(),
        };
        for (const OptionSpec &o : copyOptions(true))
            if (o.longName != u"all"_s && o.longName != u"platform"_s && o.longName != u"rm"_s)
                s.options.append(o);
        s.minArgs = 1;
        s.maxArgs = 2;
        out.append(s);
    }
    {
        CommandSpec s;
        s.name = u"manifest rm"_s;
        s.usage = u"manifest rm LIST..."_s;
        s.summary = u"Remove local lists"_s;
        s.minArgs = 1;
        s.maxArgs = -1;
        out.append(s);
    }
    {
        CommandSpec s;
        s.name = u"manifest ls"_s;
        s.usage = u"manifest ls"_s;
        s.summary = u"List the local manifest lists"_s;
        s.options = {{u"format"_s, {}, K::Value, u"FORMAT"_s, u"table (default) or json"_s}};
        out.append(s);
    }
    return out;
}

} // namespace stevedore::cli
