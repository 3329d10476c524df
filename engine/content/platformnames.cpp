#include "platformnames.h"

namespace stevedore {

const QStringList &knownOperatingSystems()
{
    // GOOS values (go tool dist list), as the OCI image spec says `os` takes.
    static const QStringList list{
        QStringLiteral("aix"),     QStringLiteral("android"), QStringLiteral("darwin"),  QStringLiteral("dragonfly"),
        QStringLiteral("freebsd"), QStringLiteral("hurd"),    QStringLiteral("illumos"), QStringLiteral("ios"),
        QStringLiteral("js"),      QStringLiteral("linux"),   QStringLiteral("nacl"),    QStringLiteral("netbsd"),
        QStringLiteral("openbsd"), QStringLiteral("plan9"),   QStringLiteral("solaris"), QStringLiteral("wasip1"),
        QStringLiteral("windows"), QStringLiteral("zos"),
    };
    return list;
}

const QStringList &knownArchitectures()
{
    // GOARCH values, as the OCI image spec says `architecture` takes.
    static const QStringList list{
        QStringLiteral("386"),      QStringLiteral("amd64"),     QStringLiteral("amd64p32"), QStringLiteral("arm"),
        QStringLiteral("arm64"),    QStringLiteral("arm64be"),   QStringLiteral("armbe"),    QStringLiteral("loong64"),
        QStringLiteral("mips"),     QStringLiteral("mips64"),    QStringLiteral("mips64le"), QStringLiteral("mips64p32"),
        QStringLiteral("mips64p32le"), QStringLiteral("mipsle"), QStringLiteral("ppc"),      QStringLiteral("ppc64"),
        QStringLiteral("ppc64le"),  QStringLiteral("riscv"),     QStringLiteral("riscv64"),  QStringLiteral("s390"),
        QStringLiteral("s390x"),    QStringLiteral("sparc"),     QStringLiteral("sparc64"),  QStringLiteral("wasm"),
    };
    return list;
}

QStringList knownVariants(const QString &architecture)
{
    if (architecture == QLatin1String("arm"))
        return {QStringLiteral("v5"), QStringLiteral("v6"), QStringLiteral("v7"), QStringLiteral("v8")};
    if (architecture == QLatin1String("arm64")) {
        QStringList v{QStringLiteral("v8")};
        for (int minor = 0; minor <= 9; ++minor)
            v << QStringLiteral("v8.%1").arg(minor);
        v << QStringLiteral("v9");
        for (int minor = 0; minor <= 5; ++minor)
            v << QStringLiteral("v9.%1").arg(minor);
        return v;
    }
    if (architecture == QLatin1String("amd64"))
        return {QStringLiteral("v1"), QStringLiteral("v2"), QStringLiteral("v3"), QStringLiteral("v4")};
    return {};
}

Status checkPlatform(const Platform &p)
{
    auto listed = [](const QStringList &values) { return values.join(QStringLiteral(", ")); };
    if (!p.os.isEmpty() && !knownOperatingSystems().contains(p.os))
        return fail(ErrorCode::InvalidArgument, EngineText::tr("unknown operating system \"%1\": valid values are %2")
                                                    .arg(p.os.left(100), listed(knownOperatingSystems())));
    if (!p.architecture.isEmpty() && !knownArchitectures().contains(p.architecture))
        return fail(ErrorCode::InvalidArgument, EngineText::tr("unknown architecture \"%1\": valid values are %2")
                                                    .arg(p.architecture.left(100), listed(knownArchitectures())));
    if (!p.variant.isEmpty()) {
        const QStringList variants = knownVariants(p.architecture);
        if (variants.isEmpty())
            return fail(ErrorCode::InvalidArgument,
                        EngineText::tr("variant \"%1\" given for architecture \"%2\", which has no variants "
                                       "(variants exist for arm, arm64 and amd64)")
                            .arg(p.variant.left(100), p.architecture.left(100)));
        if (!variants.contains(p.variant))
            return fail(ErrorCode::InvalidArgument, EngineText::tr("unknown variant \"%1\" for architecture \"%2\": valid values are %3")
                                                        .arg(p.variant.left(100), p.architecture, listed(variants)));
    }
    for (const QString &f : p.osFeatures)
        if (f.isEmpty() || f.size() > 200 || f.contains(QLatin1Char(',')))
            return fail(ErrorCode::InvalidArgument, EngineText::tr("invalid os.features value \"%1\"").arg(f.left(100)));
    return {};
}

} // namespace stevedore
