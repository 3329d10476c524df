// ostree:NAME[@/ABSOLUTE/REPO] — an image in an OSTree repository.
#include "transport/transportreference.h"

namespace stevedore {

Status parseOstreeReference(TransportReference &r)
{
    QString name = r.details;
    const qsizetype atSlash = name.indexOf(QStringLiteral("@/"));
    if (atSlash >= 0) {
        r.path = name.mid(atSlash + 1);
        name = name.left(atSlash);
    }
    auto image = ImageReference::parse(name);
    if (!image)
        return fail(image.error());
    r.image = *image;
    return {};
}

} // namespace stevedore
