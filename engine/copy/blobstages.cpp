#include "blobstages.h"

namespace stevedore {

VerifyingReader::VerifyingReader(std::unique_ptr<BlobReader> inner, Digest expected, qint64 size, QString what)
    : m_inner(std::move(inner)), m_expected(std::move(expected)), m_size(size), m_what(std::move(what)),
      m_hash(m_expected.algorithm())
{
}

Result<qint64> VerifyingReader::read(char *data, qint64 maxSize)
{
    auto n = m_inner->read(data, maxSize);
    if (!n)
        return n;
    if (*n > 0) {
        m_hash.addData(data, *n);
        m_read += *n;
        if (m_size >= 0 && m_read > m_size)
            return fail(ErrorCode::DigestMismatch,
                        EngineText::tr("%1 does not match its descriptor: it is longer than the %2 bytes declared (expected "
                                       "digest %3)")
                            .arg(m_what)
                            .arg(m_size)
                            .arg(m_expected.toString()));
        return n;
    }
    if (!m_checked) {
        m_checked = true;
        const Digest actual = m_hash.result();
        if (actual != m_expected || (m_size >= 0 && m_read != m_size))
            return fail(ErrorCode::DigestMismatch,
                        formatText(EngineText::tr("%1 does not match its digest: read %2 bytes with digest %3, expected %4 (%5 bytes)"), m_what, m_read, actual.toString(), m_expected.toString(), m_size));
    }
    return qint64(0);
}

Result<qint64> DigestingReader::read(char *data, qint64 maxSize)
{
    auto n = m_inner.read(data, maxSize);
    if (n && *n > 0) {
        if (m_hashing)
            m_hash.addData(data, *n);
        m_size += *n;
    }
    return n;
}

Result<qint64> CountingReader::read(char *data, qint64 maxSize)
{
    auto n = m_inner->read(data, maxSize);
    if (n && *n > 0) {
        m_done += *n;
        m_report(m_done);
    }
    return n;
}

} // namespace stevedore
