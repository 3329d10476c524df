#include "mimereferences.h"

#include <QDir>
#include <QFileInfo>
#include <QMimeData>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace stevedore::models {

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
                else if (info.isFile()) // an archive: the one archive transport there is (what it holds is read later)
                    refs.append(u"oci-archive:"_s + path);
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
