// The fake registry of tst_cancel and tst_retry (see fakeregistry.h).
#include "support/fakeregistry.h"

#include "support/e2e.h"
#include "support/testsupport.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace stevedore::test {

QByteArray pathOnly(const QByteArray &path)
{
    const qsizetype q = path.indexOf('?');
    return q < 0 ? path : path.left(q);
}

Kind kindOf(const SeenRequest &r)
{
    const QByteArray p = pathOnly(r.path);
    if (r.method == "GET" && p == "/v2/")
        return Kind::Ping;
    if (p.contains("/blobs/uploads/")) {
        if (r.method == "POST" && p.endsWith("/blobs/uploads/"))
            return Kind::UploadStart;
        if (r.method == "PATCH")
            return Kind::Patch;
        if (r.method == "PUT")
            return Kind::UploadPut;
        if (r.method == "DELETE")
            return Kind::Delete;
        return Kind::Other;
    }
    if (r.method == "HEAD" && p.contains("/blobs/"))
        return Kind::BlobHead;
    if (p.contains("/manifests/"))
        return r.method == "GET" ? Kind::ManifestGet : r.method == "PUT" ? Kind::ManifestPut : Kind::Other;
    return Kind::Other;
}

namespace {

QByteArray lastSegment(const QByteArray &path)
{
    const QByteArray p = pathOnly(path);
    return QByteArray::fromPercentEncoding(p.mid(p.lastIndexOf('/') + 1));
}

} // namespace

QByteArray sha256Of(const QByteArray &data)
{
    return "sha256:" + QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

namespace {

// The request a phase hangs on.
bool hangsAt(Phase phase, const SeenRequest &r)
{
    const Kind k = kindOf(r);
    switch (phase) {
    case Phase::None:
    case Phase::Token:
        return false;
    case Phase::Ping: return k == Kind::Ping;
    case Phase::ManifestRead: return k == Kind::ManifestGet;
    case Phase::BlobCheck: return k == Kind::BlobHead;
    case Phase::UploadStart: return k == Kind::UploadStart;
    case Phase::Chunk: return k == Kind::Patch;
    case Phase::Completion: return k == Kind::UploadPut;
    case Phase::ManifestWrite: return k == Kind::ManifestPut;
    case Phase::IndexWrite: return k == Kind::ManifestPut && !lastSegment(r.path).startsWith("sha256:");
    case Phase::Cleanup: return k == Kind::Patch || k == Kind::Delete;
    }
    return false;
}

} // namespace

bool FakeRegistry::listen()
{
    if (!m_registry.listen() || !m_token.listen())
        return false;
    m_token.hangForever();
    m_registry.setHandler([this](const SeenRequest &r) { return answer(r); });
    return true;
}

void FakeRegistry::setOverride(Override o)
{
    QMutexLocker lock(&m_mutex);
    m_override = std::move(o);
}

QList<Logged> FakeRegistry::log() const
{
    QMutexLocker lock(&m_mutex);
    return m_log;
}

QList<Logged> FakeRegistry::log(Kind kind) const
{
    QList<Logged> out;
    for (const Logged &l : log())
        if (kindOf(l.request) == kind)
            out << l;
    return out;
}

bool FakeRegistry::tagged() const
{
    QMutexLocker lock(&m_mutex);
    return m_tagged;
}

bool FakeRegistry::phaseReached() const
{
    if (m_phase == Phase::Token)
        return m_token.requestCount() > 0;
    for (const Logged &l : log())
        if (hangsAt(m_phase, l.request))
            return true;
    return false;
}

int FakeRegistry::patchesOf(const QString &digest) const
{
    int n = 0;
    for (const Logged &l : log(Kind::Patch))
        if (sha256Of(l.request.body) == digest.toLatin1())
            ++n;
    return n;
}

QString FakeRegistry::describeLog() const
{
    QStringList lines;
    for (const Logged &l : log())
        lines << u"%1 ms %2 %3"_s.arg(l.atMs).arg(QString::fromLatin1(l.request.method),
                                                   QString::fromLatin1(l.request.path.left(160)));
    lines << u"token server: %1 requests"_s.arg(m_token.requestCount());
    return lines.join(u'\n');
}

Answer FakeRegistry::answer(const SeenRequest &r)
{
    Override o;
    QList<Logged> before;
    {
        QMutexLocker lock(&m_mutex);
        before = m_log;
        m_log << Logged{r, m_clock.elapsed()};
        o = m_override;
    }
    if (o) {
        if (auto a = o(r, before))
            return *a;
    }
    if (hangsAt(m_phase, r))
        return Answer{{}, true, false};
    const Kind k = kindOf(r);
    const QByteArray path = pathOnly(r.path);
    if (m_phase == Phase::Token && !r.headers.value("authorization").startsWith("Bearer ")) {
        const QByteArray realm = m_token.origin() + "/token";
        return Answer{httpAnswer(401, "WWW-Authenticate: Bearer realm=\"" + realm + "\",service=\"x\"\r\n"
                                      "Content-Type: application/json\r\n",
                                 R"({"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]})"),
                      false, false};
    }
    switch (k) {
    case Kind::Ping:
        return ok(httpAnswer(200, "Docker-Distribution-API-Version: registry/2.0\r\n"
                                  "Content-Type: application/json\r\n", "{}"));
    case Kind::BlobHead:
        return ok(httpAnswer(404));
    case Kind::UploadStart: {
        QByteArray id;
        {
            QMutexLocker lock(&m_mutex);
            id = "session-" + QByteArray::number(++m_sessions);
        }
        return ok(httpAnswer(202, "Location: " + path + id + "\r\nRange: 0-0\r\nDocker-Upload-UUID: " + id + "\r\n"));
    }
    case Kind::Patch:
        return ok(httpAnswer(202, "Location: " + path + "\r\nRange: 0-" + QByteArray::number(r.body.size() - 1)
                                      + "\r\n"));
    case Kind::UploadPut: {
        const QByteArray digest = QByteArray::fromPercentEncoding(
            QUrl(QString::fromLatin1(r.path)).query(QUrl::FullyEncoded).toLatin1().split('=').value(1));
        const QByteArray repoPath = path.left(path.indexOf("/blobs/uploads/"));
        return ok(httpAnswer(201, "Location: " + repoPath + "/blobs/" + digest + "\r\nDocker-Content-Digest: "
                                      + digest + "\r\n"));
    }
    case Kind::Delete:
        return ok(httpAnswer(204));
    case Kind::ManifestGet:
        return ok(httpAnswer(404, "Content-Type: application/json\r\n",
                             R"({"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]})"));
    case Kind::ManifestPut: {
        const QByteArray ref = lastSegment(r.path);
        const QByteArray digest = sha256Of(r.body);
        if (!ref.startsWith("sha256:")) {
            QMutexLocker lock(&m_mutex);
            m_tagged = true;
        }
        return ok(httpAnswer(201, "Location: " + path.left(path.lastIndexOf('/') + 1) + digest
                                      + "\r\nDocker-Content-Digest: " + digest + "\r\n"));
    }
    case Kind::Other:
        break;
    }
    return ok(httpAnswer(404));
}

LayoutImage writeLayout(const QString &dir, bool index)
{
    LayoutImage img;
    img.dir = dir;
    QString error;
    TestImageSpec spec;
    spec.platforms = index ? QStringList{u"linux/amd64"_s, u"linux/arm64"_s} : QStringList{u"linux/amd64"_s};
    spec.layersPerPlatform = 1;
    spec.layerSize = 64 * 1024;
    spec.gzipLayers = true; // pushed as they are: a PATCH body is the blob itself
    spec.asIndex = index;
    spec.seed = 7;
    img.digest = writeTestLayout(dir, u"v1"_s, spec, &error);
    if (img.digest.isEmpty()) {
        qWarning("writeTestLayout: %s", qPrintable(error));
        return img;
    }
    if (!index) {
        const QJsonObject m = QJsonDocument::fromJson(readFileBytes(layoutBlobPath(dir, img.digest))).object();
        img.config = m.value(u"config"_s).toObject().value(u"digest"_s).toString();
        for (const QJsonValue &l : m.value(u"layers"_s).toArray())
            img.layers << l.toObject().value(u"digest"_s).toString();
    }
    return img;
}

} // namespace stevedore::test
