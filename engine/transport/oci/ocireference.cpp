// oci:PATH[:REF] — an OCI image layout folder and, optionally, the ref.name of one of its images.
#include "ocireference.h"

#include "transport/transportreference.h"

namespace stevedore {

bool isValidOciRefName(const QString &ref)
{
    if (ref.isEmpty() || ref.size() > 255)
        return false;
    for (QChar c : ref) {
        const bool ok = c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('.') || c == QLatin1Char('_')
            || c == QLatin1Char(':') || c == QLatin1Char('@') || c == QLatin1Char('/') || c == QLatin1Char('+');
        if (!ok || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

Status parseOciReference(TransportReference &r)
{
    splitPathAndRef(r.details, r.path, r.pathRef);
    if (r.path.isEmpty())
        return invalidLocation(r.toString(), EngineText::tr("the path is empty"));
    if (!r.pathRef.isEmpty() && !isValidOciRefName(r.pathRef))
        return invalidLocation(r.toString(),
                               EngineText::tr("\"%1\" is not a valid image layout reference name").arg(r.pathRef.left(140)));
    return {};
}

} // namespace stevedore
