#include "mimereferences.h"

#include "transport/tar/imagetar.h"

#include <QDir>
#include <QFileInfo>
#include <QMimeData>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace stevedore::models {

QString archiveTransportOf(const QString &path)
{
    // An OCI layout archive starts with oci-layout, index.json or blobs/ (skopeo, umoci, docker save since 25, whose
    // archive is a layout too); docker save before 25 and skopeo's docker-archive with <id>/, <hex>.tar or .json.
    // What cannot be read stays an OCI archive: opening it says what is wrong.
    const auto first = firstTarMember(path);
    if (!first)
        return u"oci-archive"_s;
    const bool oci = *first == u"oci-layout"_s || *first == u"index.json"_s || *first == u"blobs"_s
                     || first->startsWith(u"blobs/"_s);
    return oci ? u"oci-archive"_s : u"docker-archive"_s;
}

QStringList referencesFromMime(const QMimeData *mime)
{
    QStringList refs;
    if (!mime)
        return refs;
    if (mime->hasUrls()) {
        const QList<QUrl> urls = mime->urls();
        for (const QUrl &url : urls) {
            if (url.isLocalFile()) {
                const QString path = QDir::cleanPath(url.toLocalFile());
                const QFileInfo info(path);
                if (info.isDir() && QFileInfo::exists(path + u"/oci-layout"_s))
                    refs.append(u"oci:"_s + path);
                else if (info.isDir() && QFileInfo::exists(path + u"/manifest.json"_s))
                    refs.append(u"dir:"_s + path);
                else if (info.isFile())
                    refs.append(archiveTransportOf(path) + u':' + path);
            } else if (url.isValid() && !url.scheme().isEmpty()) {
                refs.append(url.toString());
            }
        }
    } else if (mime->hasText()) {
        const QStringList lines = mime->text().split(u'\n');
        for (const QString &line : lines) {
            const QString t = line.trimmed();
            if (!t.isEmpty() && !t.contains(u' '))
                refs.append(t);
        }
    }
    return refs;
}

} // namespace stevedore::models
