#include "registrybrowse.h"

#include "content/blobio.h"
#include "core/threadpools.h"
#include "transport/docker/dockertransport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>
#include <QtConcurrent/QtConcurrentRun>
#include <QtConcurrent/qtconcurrenttask.h>

using namespace Qt::StringLiterals;

namespace stevedore {

qint64 RemoteManifest::totalSize() const
{
    if (isIndex)
        return -1;
    qint64 total = 0;
    if (config && config->size > 0)
        total += config->size;
    for (const Descriptor &d : layers)
        total += qMax<qint64>(0, d.size);
    return total;
}

RegistrySession::RegistrySession(QString host, SystemContext context)
    : m_host(std::move(host)), m_context(std::move(context))
{
    m_context.cancel = m_cancel;
}

RegistrySession::~RegistrySession() = default;

Result<std::shared_ptr<RegistryClient>> RegistrySession::client(const QString &repository)
{
    {
        QMutexLocker lock(&m_mutex);
        if (auto it = m_clients.constFind(repository); it != m_clients.constEnd())
            return *it;
    }
    // Outside the lock: the credential lookup may run a helper. Two racing lookups make two equal clients.
    auto made = makeRegistryClient(m_host, repository, m_context, false);
    if (!made)
        return fail(made.error());
    QMutexLocker lock(&m_mutex);
    auto it = m_clients.constFind(repository);
    if (it != m_clients.constEnd())
        return *it;
    m_clients.insert(repository, *made);
    return *made;
}

Result<RegistryClient::ListPage> browseCatalogPage(RegistrySession &session, int pageSize, const QUrl &next)
{
    auto client = session.client({});
    if (!client)
        return fail(client.error());
    auto page = (*client)->catalogPage(pageSize, next, session.cancelToken());
    if (page || !next.isEmpty())
        return page;
    // The first page refused: most hosted registries offer no catalog (404), or not to this user (401, 403). Tell
    // that apart from credentials the registry rejects, which fail everything else too.
    const Error &e = page.error();
    const bool refused = e.httpStatus == 404 || e.httpStatus == 401 || e.httpStatus == 403 || e.httpStatus == 405
                         || e.code == ErrorCode::Unauthorized || e.code == ErrorCode::Denied;
    if (!refused)
        return page;
    if (e.code == ErrorCode::Unauthorized && (*client)->config().credentials) {
        if (auto login = (*client)->verifyLogin(session.cancelToken()); !login)
            return fail(login.error());
    }
    Error unsupported = e;
    unsupported.code = ErrorCode::Unsupported;
    unsupported.temporary = false;
    unsupported.message = EngineText::tr("%1 does not list its repositories (%2)").arg(session.host(), e.message);
    return fail(unsupported);
}

Result<RegistryClient::ListPage> browseTagsPage(RegistrySession &session, const QString &repository, int pageSize,
                                                const QUrl &next)
{
    auto client = session.client(repository);
    if (!client)
        return fail(client.error());
    return (*client)->tagsPage(repository, pageSize, next, session.cancelToken());
}

Result<RemoteManifest> browseManifest(RegistrySession &session, const QString &repository, const QString &reference)
{
    auto client = session.client(repository);
    if (!client)
        return fail(client.error());
    auto raw = (*client)->getManifest(repository, reference, session.cancelToken());
    if (!raw)
        return fail(raw.error());
    return describeManifest(*raw);
}

Result<RemoteManifest> describeManifest(const RawManifest &raw)
{
    RemoteManifest out;
    out.raw = raw;
    out.digest = raw.digest();
    out.isIndex = raw.isIndex();
    if (out.isIndex) {
        auto index = ImageIndex::parse(raw);
        if (!index)
            return fail(index.error());
        out.platforms = index->manifests;
    } else if (mediatype::isImageManifest(raw.mediaType)) {
        auto manifest = ImageManifest::parse(raw);
        if (!manifest)
            return fail(manifest.error());
        out.config = manifest->config;
        out.layers = manifest->layers;
    }
    return out;
}

namespace {

QStringList stringsOf(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &s : v.toArray())
        out << s.toString();
    return out;
}

} // namespace

Result<RemoteConfig> parseRemoteConfig(const QByteArray &bytes)
{
    auto parsed = ImageConfig::parse(bytes);
    if (!parsed)
        return fail(parsed.error());
    RemoteConfig c;
    c.raw = bytes;
    c.os = parsed->os;
    c.architecture = parsed->architecture;
    c.variant = parsed->variant;
    c.created = parsed->created;
    const QJsonObject inner = parsed->json.value(u"config"_s).toObject();
    c.env = stringsOf(inner.value(u"Env"_s));
    c.entrypoint = stringsOf(inner.value(u"Entrypoint"_s));
    c.cmd = stringsOf(inner.value(u"Cmd"_s));
    c.workingDir = inner.value(u"WorkingDir"_s).toString();
    c.user = inner.value(u"User"_s).toString();
    const QJsonObject labels = inner.value(u"Labels"_s).toObject();
    for (auto it = labels.constBegin(); it != labels.constEnd(); ++it)
        c.labels.insert(it.key(), it.value().toString());
    for (const QJsonValue &h : parsed->json.value(u"history"_s).toArray()) {
        const QJsonObject o = h.toObject();
        c.history.append({o.value(u"created"_s).toString(), o.value(u"created_by"_s).toString(),
                          o.value(u"comment"_s).toString(), o.value(u"empty_layer"_s).toBool()});
    }
    return c;
}

Result<RemoteConfig> browseConfig(RegistrySession &session, const QString &repository, const Descriptor &config)
{
    auto client = session.client(repository);
    if (!client)
        return fail(client.error());
    const QString what = EngineText::tr("reading the config %1").arg(config.digest.toString());
    if (config.size > kMaxManifestSize)
        return fail(ErrorCode::TooLarge, formatText(EngineText::tr("the config %1 is %2 bytes, more than the limit of %3"),
                                                    config.digest.toString(), config.size, kMaxManifestSize));
    auto reader = (*client)->openBlob(repository, config.digest, session.cancelToken());
    if (!reader)
        return fail(reader.error().withContext(what));
    auto data = readAllLimited(**reader, kMaxManifestSize, session.cancelToken());
    if (!data)
        return fail(data.error().withContext(what));
    Digester hash(config.digest.algorithm());
    hash.addData(*data);
    if (hash.result() != config.digest)
        return fail(ErrorCode::DigestMismatch, EngineText::tr("the config %1 does not match its digest (got %2)")
                                                   .arg(config.digest.toString(), hash.result().toString()));
    return parseRemoteConfig(*data);
}

Result<Digest> browseDelete(RegistrySession &session, const QString &repository, const QString &reference)
{
    auto client = session.client(repository);
    if (!client)
        return fail(client.error());
    Digest digest;
    if (reference.contains(u':')) {
        auto d = Digest::parse(reference);
        if (!d)
            return fail(d.error());
        digest = *d;
    } else {
        auto raw = (*client)->getManifest(repository, reference, session.cancelToken());
        if (!raw)
            return fail(raw.error());
        digest = raw->digest();
    }
    if (auto deleted = (*client)->deleteManifest(repository, digest, session.cancelToken()); !deleted)
        return fail(deleted.error());
    return digest;
}

QFuture<Result<RegistryClient::ListPage>> catalogPageAsync(SessionPtr session, int pageSize, QUrl next)
{
    return QtConcurrent::run(pools::io(), [session, pageSize, next]() { return browseCatalogPage(*session, pageSize, next); });
}

QFuture<Result<RegistryClient::ListPage>> tagsPageAsync(SessionPtr session, QString repository, int pageSize, QUrl next)
{
    return QtConcurrent::run(pools::io(), [session, repository, pageSize, next]() {
        return browseTagsPage(*session, repository, pageSize, next);
    });
}

QFuture<Result<RemoteManifest>> manifestAsync(SessionPtr session, QString repository, QString reference, int priority)
{
    return QtConcurrent::task([session, repository, reference]() { return browseManifest(*session, repository, reference); })
        .onThreadPool(*pools::io())
        .withPriority(priority)
        .spawn();
}

QFuture<Result<RemoteConfig>> configAsync(SessionPtr session, QString repository, Descriptor config, int priority)
{
    return QtConcurrent::task([session, repository, config]() { return browseConfig(*session, repository, config); })
        .onThreadPool(*pools::io())
        .withPriority(priority)
        .spawn();
}

QFuture<Result<Digest>> deleteManifestAsync(SessionPtr session, QString repository, QString reference)
{
    return QtConcurrent::run(pools::io(), [session, repository, reference]() {
        return browseDelete(*session, repository, reference);
    });
}

} // namespace stevedore
