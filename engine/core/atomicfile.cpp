#include "atomicfile.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace stevedore {

Status writeFileAtomically(const QString &path, const QByteArray &data,
                           std::optional<QFileDevice::Permissions> permissions)
{
    QSaveFile file(path); // writes to a temporary name in the same folder and renames on commit()
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorCode::IoError, EngineText::tr("cannot write %1: %2").arg(path, file.errorString()));
    if (permissions && !file.setPermissions(*permissions)) {
        file.cancelWriting();
        return fail(ErrorCode::IoError, EngineText::tr("cannot set permissions on %1").arg(path));
    }
    if (file.write(data) != data.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return fail(ErrorCode::IoError, EngineText::tr("cannot write %1: %2").arg(path, why));
    }
    if (!file.commit())
        return fail(ErrorCode::IoError, EngineText::tr("cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

Result<QByteArray> readFileLimited(const QString &path, qint64 maxSize)
{
    QFile file(path);
    if (!file.exists())
        return fail(ErrorCode::NotFound, EngineText::tr("%1 does not exist").arg(path));
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::IoError, EngineText::tr("cannot read %1: %2").arg(path, file.errorString()));
    if (file.size() > maxSize)
        return fail(ErrorCode::TooLarge,
                    EngineText::tr("%1 is %2 bytes, more than the limit of %3").arg(path).arg(file.size()).arg(maxSize));
    // Ask for what the file holds (plus one byte to see it did not grow), not for the limit: QIODevice::read
    // allocates what it is asked for.
    const qint64 want = file.size() > 0 ? qMin(file.size(), maxSize) + 1 : maxSize + 1;
    QByteArray data = file.read(want);
    while (data.size() <= maxSize && !file.atEnd()) { // it grew while being read
        const QByteArray more = file.read(maxSize + 1 - data.size());
        if (more.isEmpty())
            break;
        data.append(more);
    }
    if (data.size() > maxSize)
        return fail(ErrorCode::TooLarge, EngineText::tr("%1 is larger than the limit of %2 bytes").arg(path).arg(maxSize));
    return data;
}

} // namespace stevedore
