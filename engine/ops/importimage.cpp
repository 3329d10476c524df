// import-image: the plan (what the source holds, which sub-manifests are imported) and the import through the copy
// pipeline. The scheduled imports are in scheduledimports.cpp.
#include "importimage.h"

#include "content/blobio.h"
#include "content/manifest.h"
#include "content/platforms.h"
#include "copy/copyrun.h"
#include "inspect.h"
#include "core/logging.h"
#include "transport/transports.h"

namespace stevedore {

namespace {

const QString kModeLegacy = QStringLiteral("Legacy");
const QString kModePreserve = QStringLiteral("PreserveOriginal");

// The platform an image manifest's config names.
Result<Platform> platformOfImage(ImageSource &source, const RawManifest &raw, const CancelToken &cancel)
{
    if (!mediatype::isImageManifest(raw.mediaType))
        return fail(ErrorCode::NotSupportedYet, EngineText::tr("the manifest %1 of %2 is a %3, which cannot be imported yet")
                                                    .arg(raw.digest().toString(), source.description(), raw.mediaType));
    auto manifest = ImageManifest::parse(raw);
    if (!manifest)
        return fail(manifest.error().withContext(EngineText::tr("reading the manifest %1 of %2")
                                                     .arg(raw.digest().toString(), source.description())));
    auto bytes = readConfig(source, manifest->config, cancel);
    if (!bytes)
        return fail(bytes.error().withContext(source.description()));
    auto config = ImageConfig::parse(*bytes);
    if (!config)
        return fail(config.error().withContext(EngineText::tr("reading the config of %1").arg(source.description())));
    return config->platform();
}

// The index with every image entry's platform known: entries without one get it from their config.
Result<ImageIndex> withPlatforms(ImageSource &source, ImageIndex index, const CancelToken &cancel)
{
    for (Descriptor &d : index.manifests) {
        if (d.platform || !mediatype::isImageManifest(d.mediaType))
            continue;
        auto raw = source.manifest(d.digest, cancel);
        if (!raw)
            return fail(raw.error().withContext(EngineText::tr("reading the manifest %1 of %2")
                                                    .arg(d.digest.toString(), source.description())));
        auto p = platformOfImage(source, *raw, cancel);
        if (!p)
            return fail(p.error());
        d.platform = *p;
    }
    return index;
}

// Legacy without --platform: this machine's platform, else linux/amd64, else the first image manifest.
Result<Descriptor> defaultInstance(const ImageIndex &index, const QString &description)
{
    if (auto host = chooseInstance(index, Platform::host(), description, {}))
        return *host;
    Platform amd64;
    amd64.os = QStringLiteral("linux");
    amd64.architecture = QStringLiteral("amd64");
    if (auto pick = chooseInstance(index, amd64, description, {}))
        return *pick;
    for (const Descriptor &d : std::as_const(index.manifests))
        if (mediatype::isImageManifest(d.mediaType))
            return d;
    return fail(ErrorCode::NotFound, EngineText::tr("the manifest list of %1 holds no image manifest to import").arg(description));
}

bool canPin(const TransportReference &ref)
{
    return ref.kind == TransportReference::Kind::Docker && ref.image.has_value();
}

} // namespace

Result<ImportMode> parseImportMode(const QString &text)
{
    if (text == kModeLegacy)
        return ImportMode::Legacy;
    if (text == kModePreserve)
        return ImportMode::PreserveOriginal;
    return fail(ErrorCode::InvalidArgument, EngineText::tr("valid ImportMode values are Legacy or PreserveOriginal"));
}

QString importModeName(ImportMode mode)
{
    return mode == ImportMode::PreserveOriginal ? kModePreserve : kModeLegacy;
}

Result<TransportReference> importSourceReference(const QString &from)
{
    if (from.isEmpty())
        return fail(ErrorCode::InvalidArgument, EngineText::tr("the import source is empty (give --from=REF)"));
    auto ref = TransportReference::parse(from);
    if (!ref)
        return fail(ref.error());
    if (ref->kind != TransportReference::Kind::LocalStore)
        return ref;
    // A bare HOST/REPO:TAG is a registry reference, as `oc import-image --from` takes it.
    return TransportReference::parse(QStringLiteral("docker://") + from);
}

Result<ImportPlan> planImport(const ImportRequest &request, const SystemContext &context, const CancelToken &cancel)
{
    auto ref = importSourceReference(request.from);
    if (!ref)
        return fail(ref.error());
    SystemContext ctx = context;
    ctx.cancel = cancel;
    auto opened = openImageSource(*ref, ctx);
    if (!opened)
        return fail(opened.error());
    ImageSource &source = **opened;
    ImportPlan plan;
    plan.source = *ref;
    plan.sourceDescription = source.description();
    auto top = source.manifest(std::nullopt, cancel);
    if (!top)
        return fail(top.error().withContext(EngineText::tr("reading the manifest of %1").arg(plan.sourceDescription)));
    plan.sourceDigest = top->digest();
    plan.sourceIsList = top->isIndex();

    if (!plan.sourceIsList) {
        auto platform = platformOfImage(source, *top, cancel);
        if (!platform)
            return fail(platform.error());
        if (request.platform && !platform->satisfies(*request.platform))
            return fail(ErrorCode::NotFound,
                        EngineText::tr("%1 has no image for platform %2 (available: %3); it is a single image, not a manifest list")
                            .arg(plan.sourceDescription, request.platform->toString(), platform->toString()));
        plan.manifests.append({*platform, plan.sourceDigest});
        plan.importedDigest = plan.sourceDigest;
        return plan;
    }

    auto parsed = ImageIndex::parse(*top);
    if (!parsed)
        return fail(parsed.error().withContext(EngineText::tr("reading the manifest list of %1").arg(plan.sourceDescription)));
    auto index = withPlatforms(source, *parsed, cancel);
    if (!index)
        return fail(index.error());

    if (request.mode == ImportMode::PreserveOriginal) {
        for (const Descriptor &d : std::as_const(index->manifests))
            plan.manifests.append({d.platform.value_or(Platform()), d.digest});
        plan.importedDigest = plan.sourceDigest;
        return plan;
    }

    auto pick = request.platform
        ? chooseInstance(*index, *request.platform, plan.sourceDescription,
                         EngineText::tr("choose one of them with --platform, or import them all with --import-mode=PreserveOriginal"))
        : defaultInstance(*index, plan.sourceDescription);
    if (!pick)
        return fail(pick.error());
    if (!canPin(*ref)) {
        // The copy chooses by platform here: it must reach the same entry through the list as it is stored.
        auto same = pick->platform ? chooseInstance(*parsed, *pick->platform, plan.sourceDescription, {})
                                   : Result<Descriptor>(fail(ErrorCode::NotFound, {}));
        if (!same || same->digest != pick->digest)
            return fail(ErrorCode::NotSupportedYet,
                        EngineText::tr("the sub-manifest %1 of %2 cannot be imported alone: the list does not name its platform "
                                       "%3 unambiguously (import it from a registry, or use --import-mode=PreserveOriginal)")
                            .arg(pick->digest.toString(), plan.sourceDescription,
                                 pick->platform ? pick->platform->toString() : EngineText::tr("(none)")));
    }
    plan.manifests.append({pick->platform.value_or(Platform()), pick->digest});
    plan.importedDigest = pick->digest;
    return plan;
}

Result<ImportCopy> importCopyFor(const ImportRequest &request, const ImportPlan &plan)
{
    if (!request.name.isValid() || request.name.hasDigest() || !request.name.hasTag())
        return fail(ErrorCode::InvalidArgument, EngineText::tr("the local name of an import must be NAME[:TAG] (got %1)")
                                                    .arg(request.name.toString()));
    if (plan.manifests.isEmpty() || !plan.importedDigest.isValid())
        return fail(ErrorCode::Internal, EngineText::tr("importing %1: the plan is empty").arg(plan.sourceDescription));
    ImportCopy copy;
    copy.destination.kind = TransportReference::Kind::LocalStore;
    copy.destination.details = request.name.toString();
    copy.destination.image = request.name;
    copy.options.all = request.mode == ImportMode::PreserveOriginal;
    if (canPin(plan.source)) {
        // Pinned to what was planned: the list itself (PreserveOriginal), or the chosen sub-manifest alone.
        auto pinned = TransportReference::parse(QStringLiteral("docker://")
                                                + plan.source.image->withoutDigest().withDigest(plan.importedDigest).toString());
        if (!pinned)
            return fail(pinned.error());
        copy.source = *pinned;
    } else {
        copy.source = plan.source;
        if (plan.sourceIsList && !copy.options.all)
            copy.options.platform = plan.manifests.constFirst().platform;
    }
    return copy;
}

Status checkImported(const ImportPlan &plan, const Digest &written)
{
    if (written == plan.importedDigest)
        return {};
    return fail(ErrorCode::DigestMismatch,
                EngineText::tr("importing %1: the local store got %2, not the planned %3 (the source changed meanwhile?)")
                    .arg(plan.sourceDescription, written.toString(), plan.importedDigest.toString()));
}

Result<ImportPlan> importImage(const ImportRequest &request, const SystemContext &context, const CancelToken &cancel,
                               ProgressReporter *progress)
{
    auto plan = planImport(request, context, cancel);
    if (!plan)
        return plan;
    auto copy = importCopyFor(request, *plan);
    if (!copy)
        return fail(copy.error());
    ProgressReporter own;
    // The same pipeline a CopyJob runs, in this thread (CopyJob's work is this call on the job pool).
    CopyRun run(copy->source, copy->destination, context, copy->options, cancel, progress ? *progress : own);
    auto written = run.execute();
    if (!written)
        return fail(written.error().withContext(EngineText::tr("importing %1 as %2")
                                                    .arg(plan->sourceDescription, request.name.toString())));
    if (auto ok = checkImported(*plan, *written); !ok)
        return fail(ok.error());
    qCInfo(lcCopy) << "imported" << plan->sourceDescription << "as" << request.name.toString() << written->toString();
    return plan;
}

struct ImportJob::Outcome {
    QMutex mutex;
    std::optional<ImportPlan> plan;
};

ImportJob::ImportJob(ImportRequest request, SystemContext context, QObject *parent)
    : Job(parent), m_request(std::move(request)), m_context(std::move(context)), m_outcome(std::make_shared<Outcome>())
{
    setTitle(tr("Import %1 as %2").arg(m_request.from, m_request.name.toString()));
}

ImportJob::~ImportJob() = default;

std::optional<ImportPlan> ImportJob::result() const
{
    QMutexLocker lock(&m_outcome->mutex);
    return m_outcome->plan;
}

Job::Work ImportJob::prepare()
{
    return [request = m_request, context = m_context, outcome = m_outcome](const CancelToken &cancel,
                                                                          ProgressReporter &progress) -> Status {
        auto plan = importImage(request, context, cancel, &progress);
        if (!plan)
            return fail(plan.error());
        QMutexLocker lock(&outcome->mutex);
        outcome->plan = *plan;
        return {};
    };
}

} // namespace stevedore
