// RegistryClient: manifests — GET (bounded, verified by digest) and PUT (the registry's digest checked).
#include "registryclient.h"

#include "reference/imagereference.h"

using namespace Qt::StringLiterals;

namespace stevedore {

namespace {

QString contentTypeOf(const QByteArray &header)
{
    return QString::fromLatin1(header.split(';').constFirst().trimmed());
}

} // namespace

Result<RawManifest> RegistryClient::getManifest(const QString &repo, const QString &reference, const CancelToken &cancel)
{
    std::optional<Digest> expected;
    if (reference.contains(u':')) {
        auto d = Digest::parse(reference);
        if (!d)
            return fail(d.error());
        expected = *d;
    } else if (!ImageReference::isValidTag(reference)) {
        return fail(ErrorCode::InvalidReference, EngineText::tr("invalid tag %1").arg(reference));
    }
    const QString what = describe(EngineText::tr("manifest %1 of").arg(reference), repo);
    Request r;
    r.url = QUrl(u"/v2/"_s + repo + u"/manifests/"_s + reference);
    r.headers = {{"Accept", QByteArray(mediatype::OciManifest.data()) + ", " + mediatype::OciIndex.data() + ", "
                                + mediatype::DockerManifest.data() + ", " + mediatype::DockerManifestList.data()}};
    r.scopes = {repositoryScope(repo, m_config.pushAccess)};
    r.maxBody = kMaxManifestSize;
    r.what = EngineText::tr("getting %1").arg(what);
    auto resp = send(r, cancel);
    if (!resp)
        return fail(resp.error());
    if (resp->status != 200) {
        Error e = registryAnswerError(*resp, r.what);
        if (resp->status == 404 && e.code == ErrorCode::NotFound)
            e.code = ErrorCode::ManifestUnknown;
        return fail(e);
    }
    if (expected) {
        Digester d(expected->algorithm());
        d.addData(resp->body);
        const Digest actual = d.result();
        if (actual != *expected)
            return fail(ErrorCode::DigestMismatch, EngineText::tr("%1: the registry sent bytes with digest %2, expected %3")
                                                       .arg(what, actual.toString(), expected->toString()));
    }
    return makeRawManifest(resp->body, contentTypeOf(resp->header("content-type")));
}

Result<Digest> RegistryClient::putManifest(const QString &repo, const QString &reference, const RawManifest &manifest,
                                           const CancelToken &cancel)
{
    if (manifest.bytes.size() > kMaxManifestSize)
        return fail(ErrorCode::TooLarge, EngineText::tr("the manifest is larger than 4 MiB; refused"));
    Request r;
    r.method = "PUT";
    r.url = QUrl(u"/v2/"_s + repo + u"/manifests/"_s + reference);
    r.headers = {{"Content-Type", manifest.mediaType.toLatin1()}};
    r.body = manifest.bytes;
    r.scopes = {repositoryScope(repo, true)};
    r.what = describe(EngineText::tr("putting manifest %1 to").arg(reference), repo);
    r.maxBody = 64 * 1024;
    auto resp = send(r, cancel);
    if (!resp)
        return fail(resp.error());
    if (resp->status != 201 && resp->status != 200 && resp->status != 202)
        return fail(registryAnswerError(*resp, r.what));
    const Digest digest = manifest.digest();
    const QByteArray confirmed = resp->header("docker-content-digest").trimmed();
    if (!confirmed.isEmpty() && QString::fromLatin1(confirmed) != digest.toString())
        return fail(ErrorCode::DigestMismatch,
                    EngineText::tr("%1: the registry says it stored %2, but the manifest sent has digest %3")
                        .arg(r.what, QString::fromLatin1(confirmed.left(200)), digest.toString()));
    return digest;
}

} // namespace stevedore
