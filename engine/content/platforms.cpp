#include "platforms.h"

namespace stevedore {

Result<Descriptor> chooseInstance(const ImageIndex &index, const Platform &wanted, const QString &sourceDescription,
                                  const QString &hint)
{
    std::optional<Descriptor> best;
    for (const Descriptor &d : std::as_const(index.manifests)) {
        if (!d.platform || !mediatype::isImageManifest(d.mediaType) || !d.platform->satisfies(wanted))
            continue;
        if (!best || (!wanted.variant.isEmpty() && d.platform->variant == wanted.variant
                      && best->platform->variant != wanted.variant))
            best = d;
    }
    if (best)
        return *best;
    QStringList available;
    for (const Descriptor &d : std::as_const(index.manifests))
        if (d.platform)
            available.append(d.platform->toString());
    return fail(ErrorCode::NotFound,
                EngineText::tr("%1 has no image for platform %2 (available: %3); %4")
                    .arg(sourceDescription, wanted.toString(),
                         available.isEmpty() ? EngineText::tr("none") : available.join(QStringLiteral(", ")), hint));
}

} // namespace stevedore
