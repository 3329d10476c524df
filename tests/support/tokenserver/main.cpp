// stevedore-test-tokenserver: a tiny Docker registry token server for tests (docker distribution token auth).
// GET /token?service=S&scope=repository:NAME:pull,push with Basic auth, or POST /token (grant_type=password or
// refresh_token, form encoded) → {"token","access_token","expires_in","issued_at"[,"refresh_token"]}.
// Tokens are RS256 JWTs whose header carries the signing certificate in "x5c"; docker-registry verifies that
// chain against its rootcertbundle. Wrong or missing credentials → 401. Secrets are never printed.
#include <QByteArray>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

struct Settings {
    QString user, password, issuer, service;
    QByteArray signCertDer;
    EVP_PKEY *signKey = nullptr;
    bool tls = false;
    QSslCertificate cert;
    QSslKey key;
};

QByteArray b64url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (int i = 0; i < bytes; ++i)
        raw[i] = char(QRandomGenerator::system()->bounded(256));
    return raw.toHex();
}

QByteArray sign(EVP_PKEY *key, const QByteArray &input)
{
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) != 1)
        return {};
    size_t len = 0;
    if (EVP_DigestSign(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char *>(input.constData()),
                       size_t(input.size())) != 1)
        return {};
    QByteArray sig(qsizetype(len), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(sig.data()), &len,
                       reinterpret_cast<const unsigned char *>(input.constData()), size_t(input.size())) != 1)
        return {};
    sig.resize(qsizetype(len));
    return sig;
}

QJsonArray accessFor(const QStringList &scopes)
{
    // scope = type:name:actions (name may contain ':' only in theory; type is before the first, actions after the last)
    QJsonArray access;
    for (const QString &scope : scopes) {
        const qsizetype first = scope.indexOf(u':');
        const qsizetype last = scope.lastIndexOf(u':');
        if (first < 0 || last <= first)
            continue;
        QJsonArray actions;
        for (const QString &a : scope.mid(last + 1).split(u',', Qt::SkipEmptyParts))
            actions.append(a);
        access.append(QJsonObject{{u"type"_s, scope.left(first)},
                                  {u"name"_s, scope.mid(first + 1, last - first - 1)},
                                  {u"actions"_s, actions}});
    }
    return access;
}

QByteArray makeJwt(const Settings &s, const QString &subject, const QString &audience, const QStringList &scopes,
                   qint64 now)
{
    const QJsonObject header{{u"typ"_s, u"JWT"_s},
                             {u"alg"_s, u"RS256"_s},
                             {u"x5c"_s, QJsonArray{QString::fromLatin1(s.signCertDer.toBase64())}}};
    const QJsonObject claims{{u"iss"_s, s.issuer},
                             {u"sub"_s, subject},
                             {u"aud"_s, audience},
                             {u"exp"_s, now + 300},
                             {u"nbf"_s, now - 10},
                             {u"iat"_s, now},
                             {u"jti"_s, QString::fromLatin1(randomHex(16))},
                             {u"access"_s, accessFor(scopes)}};
    const QByteArray input = b64url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
                             + b64url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    const QByteArray sig = sign(s.signKey, input);
    if (sig.isEmpty())
        return {};
    return input + '.' + b64url(sig);
}

class Server final : public QTcpServer
{
public:
    explicit Server(Settings s) : m_s(std::move(s)) {}

protected:
    void incomingConnection(qintptr fd) override
    {
        QTcpSocket *socket = nullptr;
        if (m_s.tls) {
            auto *ssl = new QSslSocket(this);
            if (!ssl->setSocketDescriptor(fd)) {
                delete ssl;
                return;
            }
            QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
            conf.setLocalCertificate(m_s.cert);
            conf.setPrivateKey(m_s.key);
            conf.setPeerVerifyMode(QSslSocket::VerifyNone);
            ssl->setSslConfiguration(conf);
            connect(ssl, &QSslSocket::sslErrors, ssl, [ssl](const QList<QSslError> &) { ssl->ignoreSslErrors(); });
            ssl->startServerEncryption();
            socket = ssl;
        } else {
            socket = new QTcpSocket(this);
            if (!socket->setSocketDescriptor(fd)) {
                delete socket;
                return;
            }
        }
        auto *buffer = new QByteArray;
        connect(socket, &QObject::destroyed, this, [buffer] { delete buffer; });
        connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QIODevice::readyRead, this, [this, socket, buffer] {
            *buffer += socket->readAll();
            if (buffer->size() > 1024 * 1024) {
                socket->abort();
                socket->deleteLater();
                return;
            }
            const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
            QHash<QByteArray, QByteArray> headers;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0)
                    headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
            }
            const qint64 contentLength = headers.value("content-length").toLongLong();
            if (buffer->size() - headerEnd - 4 < contentLength)
                return;
            const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
            const QByteArray body = buffer->mid(headerEnd + 4, contentLength);
            buffer->clear();
            respond(socket, requestLine.value(0), requestLine.value(1), headers, body);
        });
        QTimer::singleShot(30000, socket, [socket] { socket->abort(); socket->deleteLater(); });
    }

private:
    void send(QTcpSocket *socket, int status, const QByteArray &reason, const QByteArray &body,
              const QByteArray &extraHeaders = {})
    {
        QByteArray answer = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n"
                            "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
                            + "\r\nConnection: close\r\n" + extraHeaders + "\r\n" + body;
        socket->write(answer);
        socket->disconnectFromHost();
    }

    void unauthorized(QTcpSocket *socket, const QByteArray &why)
    {
        std::fprintf(stderr, "token server: 401 (%s)\n", why.constData());
        send(socket, 401, "Unauthorized",
             R"({"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]})",
             "WWW-Authenticate: Basic realm=\"stevedore-test-token\"\r\n");
    }

    void respond(QTcpSocket *socket, const QByteArray &method, const QByteArray &target,
                 const QHash<QByteArray, QByteArray> &headers, const QByteArray &body)
    {
        const QUrl url(QString::fromLatin1(target));
        if (url.path() != u"/token"_s) {
            send(socket, 404, "Not Found", R"({"errors":[{"code":"NOT_FOUND","message":"not found"}]})");
            return;
        }
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QString subject;
        QString service;
        QStringList scopes;
        bool offline = false;
        if (method == "GET") {
            const QUrlQuery q(url);
            service = q.queryItemValue(u"service"_s, QUrl::FullyDecoded);
            for (const QString &sc : q.allQueryItemValues(u"scope"_s, QUrl::FullyDecoded))
                scopes += sc.split(u' ', Qt::SkipEmptyParts);
            offline = q.queryItemValue(u"offline_token"_s) == u"true"_s;
            const QByteArray auth = headers.value("authorization");
            if (!auth.startsWith("Basic ")) {
                unauthorized(socket, "no credentials");
                return;
            }
            const QByteArray decoded = QByteArray::fromBase64(auth.mid(6));
            const qsizetype colon = decoded.indexOf(':');
            const QString user = QString::fromUtf8(decoded.left(colon));
            const QString password = QString::fromUtf8(decoded.mid(colon + 1));
            if (colon < 0 || user != m_s.user || password != m_s.password) {
                unauthorized(socket, "wrong user or password");
                return;
            }
            subject = user;
        } else if (method == "POST") {
            QString form = QString::fromUtf8(body);
            form.replace(u'+', u' ');
            const QUrlQuery q(form);
            service = q.queryItemValue(u"service"_s, QUrl::FullyDecoded);
            for (const QString &sc : q.allQueryItemValues(u"scope"_s, QUrl::FullyDecoded))
                scopes += sc.split(u' ', Qt::SkipEmptyParts);
            offline = q.queryItemValue(u"access_type"_s) == u"offline"_s;
            const QString grant = q.queryItemValue(u"grant_type"_s, QUrl::FullyDecoded);
            if (grant == u"password"_s) {
                const QString user = q.queryItemValue(u"username"_s, QUrl::FullyDecoded);
                if (user != m_s.user || q.queryItemValue(u"password"_s, QUrl::FullyDecoded) != m_s.password) {
                    unauthorized(socket, "wrong user or password");
                    return;
                }
                subject = user;
            } else if (grant == u"refresh_token"_s) {
                const QString rt = q.queryItemValue(u"refresh_token"_s, QUrl::FullyDecoded);
                if (!m_refreshTokens.contains(rt)) {
                    unauthorized(socket, "unknown refresh token");
                    return;
                }
                subject = m_refreshTokens.value(rt);
            } else {
                send(socket, 400, "Bad Request",
                     R"({"errors":[{"code":"UNSUPPORTED","message":"unsupported grant_type"}]})");
                return;
            }
        } else {
            send(socket, 405, "Method Not Allowed", "{}");
            return;
        }
        if (!service.isEmpty() && service != m_s.service) {
            send(socket, 400, "Bad Request", R"({"errors":[{"code":"DENIED","message":"unknown service"}]})");
            return;
        }
        const QByteArray jwt = makeJwt(m_s, subject, m_s.service, scopes, now);
        if (jwt.isEmpty()) {
            send(socket, 500, "Internal Server Error", "{}");
            return;
        }
        QJsonObject answer{{u"token"_s, QString::fromLatin1(jwt)},
                           {u"access_token"_s, QString::fromLatin1(jwt)},
                           {u"expires_in"_s, 300},
                           {u"issued_at"_s, QDateTime::fromSecsSinceEpoch(now, Qt::UTC).toString(Qt::ISODate)}};
        if (offline) {
            const QString rt = QString::fromLatin1(randomHex(24));
            m_refreshTokens.insert(rt, subject);
            answer.insert(u"refresh_token"_s, rt);
        }
        std::fprintf(stderr, "token server: 200 %s %s for %s\n", method.constData(),
                     scopes.join(u' ').toUtf8().constData(), subject.toUtf8().constData());
        send(socket, 200, "OK", QJsonDocument(answer).toJson(QJsonDocument::Compact));
    }

    Settings m_s;
    QHash<QString, QString> m_refreshTokens;
};

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Docker registry token server for Stevedore's tests"_s);
    parser.addHelpOption();
    const QCommandLineOption port(u"port"_s, u"Port on 127.0.0.1 (0: any free port)"_s, u"port"_s, u"0"_s);
    const QCommandLineOption cert(u"cert"_s, u"TLS certificate (PEM); plain http without it"_s, u"file"_s);
    const QCommandLineOption key(u"key"_s, u"TLS private key (PEM)"_s, u"file"_s);
    const QCommandLineOption signKey(u"sign-key"_s, u"RSA key that signs the tokens (PEM)"_s, u"file"_s);
    const QCommandLineOption signCert(u"sign-cert"_s, u"certificate of the signing key (PEM)"_s, u"file"_s);
    const QCommandLineOption user(u"user"_s, u"accepted user"_s, u"name"_s, u"alice"_s);
    const QCommandLineOption password(u"password"_s,
                                      u"accepted password (default: $STEVEDORE_TOKENSERVER_PASSWORD)"_s, u"pw"_s);
    const QCommandLineOption issuer(u"issuer"_s, u"token issuer"_s, u"name"_s, u"stevedore-test-issuer"_s);
    const QCommandLineOption service(u"service"_s, u"service (token audience)"_s, u"name"_s,
                                     u"stevedore-test-registry"_s);
    parser.addOptions({port, cert, key, signKey, signCert, user, password, issuer, service});
    parser.process(app);

    Settings s;
    s.user = parser.value(user);
    s.password = parser.isSet(password) ? parser.value(password) : qEnvironmentVariable("STEVEDORE_TOKENSERVER_PASSWORD");
    s.issuer = parser.value(issuer);
    s.service = parser.value(service);
    if (s.password.isEmpty()) {
        std::fprintf(stderr, "token server: no password given (--password or STEVEDORE_TOKENSERVER_PASSWORD)\n");
        return 2;
    }
    const QList<QSslCertificate> signCerts = QSslCertificate::fromPath(parser.value(signCert));
    if (signCerts.isEmpty()) {
        std::fprintf(stderr, "token server: cannot read --sign-cert\n");
        return 2;
    }
    s.signCertDer = signCerts.first().toDer();
    const QByteArray pem = readAll(parser.value(signKey));
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())), BIO_free);
    s.signKey = bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr;
    if (!s.signKey) {
        std::fprintf(stderr, "token server: cannot read --sign-key\n");
        return 2;
    }
    if (parser.isSet(cert)) {
        s.tls = true;
        const auto certs = QSslCertificate::fromPath(parser.value(cert));
        s.key = QSslKey(readAll(parser.value(key)), QSsl::Rsa, QSsl::Pem);
        if (certs.isEmpty() || s.key.isNull()) {
            std::fprintf(stderr, "token server: cannot read --cert/--key\n");
            return 2;
        }
        s.cert = certs.first();
    }
    Server server(std::move(s));
    if (!server.listen(QHostAddress::LocalHost, parser.value(port).toUShort())) {
        std::fprintf(stderr, "token server: cannot listen: %s\n", server.errorString().toUtf8().constData());
        return 1;
    }
    std::fprintf(stdout, "listening on %u\n", unsigned(server.serverPort()));
    std::fflush(stdout);
    return app.exec();
}
