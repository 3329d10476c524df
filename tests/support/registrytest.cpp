// Helpers of the RegistryClient suites (see registrytest.h).
#include "support/registrytest.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>

using namespace Qt::StringLiterals;

namespace stevedore::test {

QStringList g_logLines;
QMutex g_logMutex; // worker threads log too
QtMessageHandler g_previousHandler = nullptr;

void captureLog(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    if (ctx.category && QByteArray(ctx.category).startsWith("stevedore.")) {
        QMutexLocker lock(&g_logMutex);
        g_logLines << msg;
    }
    else if (g_previousHandler)
        g_previousHandler(type, ctx, msg);
}

// A CA (ca.crt/ca.key), a server certificate for 127.0.0.1 (server.crt/key) and a client pair (client.cert/key).
bool makePki(const QString &d, QString *error)
{
    const QString openssl = stevedore::test::findTool(u"openssl"_s);
    QFile ext(d + u"/ext.cnf"_s);
    if (!ext.open(QIODevice::WriteOnly))
        return false;
    ext.write("[srv]\nsubjectAltName=IP:127.0.0.1\n[cli]\nextendedKeyUsage=clientAuth\n");
    ext.close();
    const QList<QStringList> steps = {
        {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, d + u"/ca.key"_s, u"-out"_s,
         d + u"/ca.crt"_s, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=stevedore-test-ca"_s},
        {u"req"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, d + u"/server.key"_s, u"-out"_s,
         d + u"/server.csr"_s, u"-subj"_s, u"/CN=127.0.0.1"_s},
        {u"x509"_s, u"-req"_s, u"-in"_s, d + u"/server.csr"_s, u"-CA"_s, d + u"/ca.crt"_s, u"-CAkey"_s, d + u"/ca.key"_s,
         u"-CAcreateserial"_s, u"-out"_s, d + u"/server.crt"_s, u"-days"_s, u"2"_s, u"-extfile"_s, d + u"/ext.cnf"_s,
         u"-extensions"_s, u"srv"_s},
        {u"req"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, d + u"/client.key"_s, u"-out"_s,
         d + u"/client.csr"_s, u"-subj"_s, u"/CN=stevedore-client"_s},
        {u"x509"_s, u"-req"_s, u"-in"_s, d + u"/client.csr"_s, u"-CA"_s, d + u"/ca.crt"_s, u"-CAkey"_s, d + u"/ca.key"_s,
         u"-CAcreateserial"_s, u"-out"_s, d + u"/client.cert"_s, u"-days"_s, u"2"_s, u"-extfile"_s, d + u"/ext.cnf"_s,
         u"-extensions"_s, u"cli"_s},
    };
    for (const QStringList &args : steps) {
        const auto r = stevedore::test::runProcess(openssl, args, 60000);
        if (!r.ok()) {
            *error = QString::fromLocal8Bit(r.err);
            return false;
        }
    }
    return true;
}

std::unique_ptr<RegistryFixture> startRegistry(stevedore::test::RegistryOptions o, QString *error)
{
    auto f = std::make_unique<RegistryFixture>(o);
    if (!f->start(error))
        return nullptr;
    return f;
}

RegistryConfig configFor(const RegistryFixture &f, bool withCreds)
{
    RegistryConfig c;
    c.host = f.hostPort();
    c.certDir = f.certDir();
    c.insecure = !f.options().tls;
    c.pushAccess = true;
    c.idleTimeout = std::chrono::milliseconds(20000);
    if (withCreds && f.options().auth != RegistryAuth::None)
        c.credentials = Credentials{f.options().user, f.options().password, {}};
    return c;
}

// Uploads `data` as a blob in chunks of `chunk` bytes; returns its digest.
Result<Digest> upload(RegistryClient &client, const QString &repo, const QByteArray &data, qint64 chunk)
{
    CancelToken cancel;
    auto writer = client.beginUpload(repo, {}, chunk, cancel);
    if (!writer)
        return fail(writer.error());
    for (qsizetype off = 0; off < data.size(); off += chunk)
        if (auto w = (*writer)->write(data.mid(off, chunk), cancel); !w)
            return fail(w.error());
    const Digest d = Digest::sha256Of(data);
    if (auto c = (*writer)->commit(d, data.size(), cancel); !c)
        return fail(c.error());
    return d;
}

qint64 rssKiB()
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

QByteArray readAll(BlobReader &reader)
{
    QByteArray out;
    QByteArray buf(100000, Qt::Uninitialized);
    for (;;) {
        auto n = reader.read(buf.data(), buf.size());
        if (!n || *n == 0)
            break;
        out.append(buf.constData(), *n);
    }
    return out;
}

// An OCI manifest for a config and one layer, with deliberately unusual formatting (bytes must survive as they are).
QByteArray manifestFor(const Digest &config, qint64 configSize, const Digest &layer, qint64 layerSize)
{
    return QByteArray("{\n   \"schemaVersion\": 2,\n   \"mediaType\": \"application/vnd.oci.image.manifest.v1+json\",\n"
                      "   \"config\": {\"mediaType\": \"application/vnd.oci.image.config.v1+json\", \"digest\": \"")
        + config.toString().toLatin1() + "\", \"size\": " + QByteArray::number(configSize)
        + "},\n   \"layers\": [ {\"mediaType\": \"application/vnd.oci.image.layer.v1.tar\", \"digest\": \""
        + layer.toString().toLatin1() + "\", \"size\": " + QByteArray::number(layerSize) + "} ]\n}\n";
}

// A full push of a small image through the client: two blobs and a manifest tagged `tag`.
Result<RawManifest> pushSmallImage(RegistryClient &client, const QString &repo, const QString &tag, quint32 seed)
{
    const QByteArray config = QJsonDocument(QJsonObject{{u"architecture"_s, u"amd64"_s}, {u"os"_s, u"linux"_s},
                                                        {u"seed"_s, int(seed)}})
                                  .toJson(QJsonDocument::Compact);
    const QByteArray layer = randomBytes(150 * 1024, seed);
    auto c = upload(client, repo, config, 1 << 20);
    if (!c)
        return fail(c.error());
    auto l = upload(client, repo, layer, 64 * 1024);
    if (!l)
        return fail(l.error());
    RawManifest m{manifestFor(*c, config.size(), *l, layer.size()), QString(mediatype::OciManifest)};
    auto put = client.putManifest(repo, tag, m, CancelToken());
    if (!put)
        return fail(put.error());
    return m;
}

} // namespace stevedore::test
