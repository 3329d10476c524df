// A bare NAME[:TAG][@DIGEST]: an image in Stevedore's local store (docker.io/library/NAME:latest normalised).
#include "transport/transportreference.h"

namespace stevedore {

Status parseLocalStoreReference(TransportReference &r)
{
    const QString &text = r.details;
    auto image = ImageReference::parse(text);
    if (!image) {
        const qsizetype colon = text.indexOf(QLatin1Char(':'));
        const QString prefix = colon > 0 ? text.left(colon) : QString();
        if (colon > 0 && !prefix.contains(QLatin1Char('/')) && !prefix.contains(QLatin1Char('.'))
            && text.mid(colon + 1).startsWith(QLatin1Char('/')))
            return invalidLocation(text, EngineText::tr("unknown transport \"%1\"; known transports: %2")
                                             .arg(prefix.left(64), TransportReference::transportNames().join(QStringLiteral(", "))));
        return fail(image.error());
    }
    r.image = *image;
    return {};
}

} // namespace stevedore
