#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QString>

#include <memory>

namespace stevedore {

// A validated content digest, "algorithm:hex". Only sha256 and sha512 are accepted, with lowercase hex of
// the exact length, so a Digest is always safe to put into a URL or a path.
class Digest
{
public:
    Digest() = default;
    static Result<Digest> parse(const QString &text);
    static Digest sha256Of(const QByteArray &data);

    bool isValid() const { return !m_algorithm.isEmpty(); }
    const QString &algorithm() const { return m_algorithm; }
    const QString &hex() const { return m_hex; }
    QString toString() const { return m_algorithm + QLatin1Char(':') + m_hex; }
    QString shortHex(int n = 12) const { return m_hex.left(n); }

    friend bool operator==(const Digest &a, const Digest &b) = default;

private:
    Digest(QString algo, QString hex) : m_algorithm(std::move(algo)), m_hex(std::move(hex)) {}
    QString m_algorithm;
    QString m_hex;
    friend class Digester;
};

inline size_t qHash(const Digest &d, size_t seed = 0) { return qHash(d.toString(), seed); }

// Incremental hashing (sha256 by default) through OpenSSL; hash once, while streaming.
class Digester
{
public:
    explicit Digester(const QString &algorithm = QStringLiteral("sha256"));
    ~Digester();
    Digester(const Digester &) = delete;
    Digester &operator=(const Digester &) = delete;
    void addData(const char *data, qint64 size);
    void addData(const QByteArray &data) { addData(data.constData(), data.size()); }
    qint64 bytesHashed() const { return m_bytes; }
    Digest result(); // finalises; call once

private:
    struct Impl;
    std::unique_ptr<Impl> d;
    QString m_algorithm;
    qint64 m_bytes = 0;
};

} // namespace stevedore
