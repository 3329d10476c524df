#include "digest.h"

#include <openssl/evp.h>

namespace stevedore {

Result<Digest> Digest::parse(const QString &text)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return fail(ErrorCode::InvalidDigest, EngineText::tr("invalid digest \"%1\": expected algorithm:hex").arg(text.left(100)));
    const QString algo = text.left(colon);
    const QString hex = text.mid(colon + 1);
    int expected = 0;
    if (algo == QLatin1String("sha256"))
        expected = 64;
    else if (algo == QLatin1String("sha512"))
        expected = 128;
    else
        return fail(ErrorCode::InvalidDigest, EngineText::tr("unsupported digest algorithm \"%1\"").arg(algo.left(32)));
    if (hex.size() != expected)
        return fail(ErrorCode::InvalidDigest,
                    formatText(EngineText::tr("invalid digest \"%1\": %2 needs %3 hex characters"), text.left(140), algo, expected));
    for (QChar c : hex) {
        const bool ok = (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
        if (!ok)
            return fail(ErrorCode::InvalidDigest,
                        EngineText::tr("invalid digest \"%1\": only lowercase hex is allowed").arg(text.left(140)));
    }
    return Digest(algo, hex);
}

Digest Digest::sha256Of(const QByteArray &data)
{
    Digester d;
    d.addData(data);
    return d.result();
}

struct Digester::Impl {
    EVP_MD_CTX *ctx = nullptr;
};

Digester::Digester(const QString &algorithm)
    : d(std::make_unique<Impl>())
    , m_algorithm(algorithm)
{
    d->ctx = EVP_MD_CTX_new();
    const EVP_MD *md = algorithm == QLatin1String("sha512") ? EVP_sha512() : EVP_sha256();
    if (algorithm != QLatin1String("sha512"))
        m_algorithm = QStringLiteral("sha256");
    EVP_DigestInit_ex(d->ctx, md, nullptr);
}

Digester::~Digester()
{
    EVP_MD_CTX_free(d->ctx);
}

void Digester::addData(const char *data, qint64 size)
{
    if (size <= 0)
        return;
    EVP_DigestUpdate(d->ctx, data, static_cast<size_t>(size));
    m_bytes += size;
}

Digest Digester::result()
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_DigestFinal_ex(d->ctx, out, &len);
    return Digest(m_algorithm, QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(out), len).toHex()));
}

} // namespace stevedore
