#include "pullnames.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace stevedore {

Result<TransportReference> registryLocation(const QString &text)
{
    auto r = TransportReference::parse(text);
    if (!r)
        return r;
    if (r->kind != TransportReference::Kind::LocalStore)
        return r;
    return TransportReference::parse(u"docker://"_s + text);
}

Result<QString> defaultPullName(const TransportReference &src)
{
    if (src.image) {
        const ImageReference &ref = *src.image;
        return ref.hasTag() ? ref.withoutDigest().toString() : ref.toString();
    }
    const auto cannot = [&src] {
        return fail(ErrorCode::InvalidArgument,
                    EngineText::tr("cannot derive a local name from %1; give NAME").arg(src.toString()));
    };
    if (src.path.isEmpty())
        return cannot();
    if (!src.pathRef.isEmpty() && (src.pathRef.contains(u'/') || src.pathRef.contains(u':'))) {
        // oci:PATH:registry.example/team/app:v1 (a full name as the layout's ref)
        auto named = ImageReference::parse(src.pathRef);
        if (named)
            return named->toString();
    }
    QString base = QFileInfo(QDir::cleanPath(QDir::current().absoluteFilePath(src.path))).fileName().toLower();
    static const QRegularExpression bad(u"[^a-z0-9._-]+"_s);
    base.replace(bad, u"-"_s);
    static const QRegularExpression edges(u"^[^a-z0-9]+|[^a-z0-9]+$"_s);
    base.remove(edges);
    if (base.isEmpty())
        return cannot();
    const QString tag = ImageReference::isValidTag(src.pathRef) ? src.pathRef : u"latest"_s;
    return u"localhost/%1:%2"_s.arg(base, tag);
}

} // namespace stevedore
