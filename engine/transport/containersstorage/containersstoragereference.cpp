// containers-storage:[[DRIVER@ROOT+RUNROOT:OPTIONS]]NAME — podman's and buildah's local storage.
#include "transport/transportreference.h"

namespace stevedore {

Status parseContainersStorageReference(TransportReference &r)
{
    QString name = r.details;
    if (name.startsWith(QLatin1Char('['))) {
        const qsizetype close = name.indexOf(QLatin1Char(']'));
        if (close < 0)
            return invalidLocation(r.toString(), EngineText::tr("unterminated storage specifier"));
        r.path = name.mid(1, close - 1);
        name = name.mid(close + 1);
    }
    auto image = ImageReference::parse(name);
    if (!image)
        return fail(image.error());
    r.image = *image;
    return {};
}

} // namespace stevedore
