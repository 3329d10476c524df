#include "blobio.h"

#include <cstring>

namespace stevedore {

Result<qint64> MemoryBlobReader::read(char *data, qint64 maxSize)
{
    const qint64 n = qMin(maxSize, m_data.size() - m_pos);
    if (n <= 0)
        return 0;
    std::memcpy(data, m_data.constData() + m_pos, size_t(n));
    m_pos += n;
    return n;
}

Result<QByteArray> readAllLimited(BlobReader &reader, qint64 limit, const CancelToken &cancel)
{
    QByteArray data;
    QByteArray buf(64 * 1024, Qt::Uninitialized);
    for (;;) {
        if (cancel.isCancelled())
            return fail(ErrorCode::Cancelled, EngineText::tr("the operation was cancelled"));
        auto n = reader.read(buf.data(), buf.size());
        if (!n)
            return fail(n.error());
        if (*n == 0)
            return data;
        if (data.size() + *n > limit)
            return fail(ErrorCode::TooLarge, EngineText::tr("more than %1 bytes; refused").arg(limit));
        data.append(buf.constData(), qsizetype(*n));
    }
}

} // namespace stevedore
