// Scheduled imports (import-image --scheduled=true): the file of <storage root>/scheduled-imports.json and one
// re-import pass over it (import-image --run-scheduled, the GUI's timer).
#include "importimage.h"

#include "core/atomicfile.h"
#include "core/logging.h"
#include "core/runtime.h"
#include "core/threadpools.h"
#include "transport/oci/ocilayout.h"
#include "transport/store/localstore.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>

namespace stevedore {

namespace {

const QString kFileName = QStringLiteral("scheduled-imports.json");
constexpr qint64 kMaxFileSize = 4 * 1024 * 1024;
constexpr int kFormatVersion = 1;

QJsonObject toJson(const ScheduledImport &e)
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), e.request.name.toString());
    o.insert(QStringLiteral("from"), e.request.from);
    o.insert(QStringLiteral("importMode"), importModeName(e.request.mode));
    if (e.request.platform)
        o.insert(QStringLiteral("platform"), e.request.platform->toString());
    if (e.insecure)
        o.insert(QStringLiteral("insecure"), true);
    if (e.lastSourceDigest.isValid())
        o.insert(QStringLiteral("lastSourceDigest"), e.lastSourceDigest.toString());
    if (e.lastRun.isValid())
        o.insert(QStringLiteral("lastRun"), e.lastRun.toUTC().toString(Qt::ISODateWithMs));
    return o;
}

Result<ScheduledImport> fromJson(const QJsonObject &o, const QString &where)
{
    const auto bad = [&](const QString &why) {
        return fail(ErrorCode::MalformedContent, EngineText::tr("%1: %2").arg(where, why));
    };
    ScheduledImport e;
    auto name = ImageReference::parse(o.value(QLatin1String("name")).toString());
    if (!name)
        return bad(EngineText::tr("invalid \"name\": %1").arg(name.error().message));
    e.request.name = *name;
    e.request.from = o.value(QLatin1String("from")).toString();
    if (e.request.from.isEmpty())
        return bad(EngineText::tr("\"from\" is missing"));
    auto mode = parseImportMode(o.value(QLatin1String("importMode")).toString(QStringLiteral("Legacy")));
    if (!mode)
        return bad(mode.error().message);
    e.request.mode = *mode;
    if (o.contains(QLatin1String("platform"))) {
        auto p = Platform::parse(o.value(QLatin1String("platform")).toString());
        if (!p)
            return bad(EngineText::tr("invalid \"platform\": %1").arg(p.error().message));
        e.request.platform = *p;
    }
    e.insecure = o.value(QLatin1String("insecure")).toBool(false);
    if (o.contains(QLatin1String("lastSourceDigest"))) {
        auto d = Digest::parse(o.value(QLatin1String("lastSourceDigest")).toString());
        if (!d)
            return bad(EngineText::tr("invalid \"lastSourceDigest\": %1").arg(d.error().message));
        e.lastSourceDigest = *d;
    }
    if (o.contains(QLatin1String("lastRun")))
        e.lastRun = QDateTime::fromString(o.value(QLatin1String("lastRun")).toString(), Qt::ISODateWithMs);
    return e;
}

Result<QList<ScheduledImport>> readFile(const QString &path)
{
    QList<ScheduledImport> out;
    if (!QFileInfo::exists(path))
        return out;
    auto bytes = readFileLimited(path, kMaxFileSize);
    if (!bytes)
        return fail(bytes.error().withContext(EngineText::tr("reading the scheduled imports %1").arg(path)));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return fail(ErrorCode::MalformedContent,
                    EngineText::tr("the scheduled imports %1 are not a JSON object (%2 at offset %3)")
                        .arg(path, pe.errorString()).arg(pe.offset));
    const QJsonArray entries = doc.object().value(QLatin1String("imports")).toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        auto e = fromJson(entries.at(i).toObject(), EngineText::tr("%1, entry %2").arg(path).arg(i + 1));
        if (!e)
            return fail(e.error());
        out.append(*e);
    }
    return out;
}

Status writeFile(const QString &path, const QList<ScheduledImport> &entries)
{
    QJsonArray arr;
    for (const ScheduledImport &e : entries)
        arr.append(toJson(e));
    QJsonObject doc;
    doc.insert(QStringLiteral("version"), kFormatVersion);
    doc.insert(QStringLiteral("imports"), arr);
    if (auto ok = writeFileAtomically(path, QJsonDocument(doc).toJson(QJsonDocument::Indented), mode_t(0600)); !ok)
        return fail(ok.error().withContext(EngineText::tr("writing the scheduled imports %1").arg(path)));
    return {};
}

// Read-modify-write under a lock file, so a CLI and a GUI updating the file at once lose nothing.
Status modify(const QString &root, const std::function<void(QList<ScheduledImport> &)> &change)
{
    // The file lives in the store's folder, which the store only writes into when it is its layout (or empty):
    // the layout is made first, as the first pull would make it.
    if (auto layout = OciLayout(root).ensureExists(true); !layout)
        return fail(layout.error().withContext(EngineText::tr("preparing the local store %1 for its scheduled imports").arg(root)));
    const QString path = QDir(root).filePath(kFileName);
    QLockFile lock(QDir(root).filePath(QStringLiteral(".") + kFileName + QStringLiteral(".lock")));
    lock.setStaleLockTime(30000);
    if (!lock.tryLock(10000))
        return fail(ErrorCode::IoError, EngineText::tr("cannot lock the scheduled imports %1 (another stevedore holds it)").arg(path),
                    true);
    auto entries = readFile(path);
    if (!entries)
        return fail(entries.error());
    change(*entries);
    return writeFile(path, *entries);
}

// What the local store holds at `name` (empty when nothing).
Result<Digest> storedDigest(const QString &root, const ImageReference &name)
{
    auto found = LocalStore(root).find(name);
    if (found)
        return found->descriptor.digest;
    if (found.error().code == ErrorCode::NotFound)
        return Digest();
    return fail(found.error());
}

} // namespace

ScheduledImports::ScheduledImports(const QString &storageRoot) : m_root(storageRoot) {}

QString ScheduledImports::path() const
{
    return QDir(m_root).filePath(kFileName);
}

Result<QList<ScheduledImport>> ScheduledImports::load() const
{
    return readFile(path());
}

Status ScheduledImports::upsert(const ScheduledImport &entry)
{
    return modify(m_root, [&](QList<ScheduledImport> &entries) {
        for (ScheduledImport &e : entries) {
            if (e.request.name == entry.request.name) {
                e = entry;
                return;
            }
        }
        entries.append(entry);
    });
}

Status ScheduledImports::remove(const ImageReference &name)
{
    return modify(m_root, [&](QList<ScheduledImport> &entries) {
        entries.removeIf([&](const ScheduledImport &e) { return e.request.name == name; });
    });
}

Result<QList<ScheduledChange>> runScheduledImports(const SystemContext &context, const CancelToken &cancel)
{
    const QString root = context.effectiveStorageRoot();
    ScheduledImports schedule(root);
    auto entries = schedule.load();
    if (!entries)
        return fail(entries.error());
    QList<ScheduledChange> changes;
    for (const ScheduledImport &entry : std::as_const(*entries)) {
        if (cancel.isCancelled())
            return fail(ErrorCode::Cancelled, EngineText::tr("the scheduled imports were cancelled"));
        ScheduledChange change;
        change.name = entry.request.name;
        SystemContext ctx = context;
        if (entry.insecure)
            ctx.tlsVerify = false;
        auto before = storedDigest(root, entry.request.name);
        if (!before) {
            change.error = before.error();
            changes.append(change);
            continue;
        }
        change.before = change.after = *before;
        auto plan = planImport(entry.request, ctx, cancel);
        std::optional<Digest> imported;
        if (!plan) {
            change.error = plan.error();
        } else if (plan->sourceDigest == entry.lastSourceDigest && plan->importedDigest == *before) {
            imported = plan->sourceDigest; // unchanged
        } else {
            auto done = importImage(entry.request, ctx, cancel);
            if (!done) {
                change.error = done.error();
            } else {
                imported = done->sourceDigest;
                change.after = done->importedDigest;
            }
        }
        if (change.error)
            qCInfo(lcCopy) << "scheduled import of" << change.name.toString() << "failed:" << change.error->message;
        // Recorded only while the entry is still scheduled (it may have been removed meanwhile).
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto recorded = modify(root, [&](QList<ScheduledImport> &list) {
            for (ScheduledImport &e : list) {
                if (e.request.name == entry.request.name) {
                    e.lastRun = now;
                    if (imported)
                        e.lastSourceDigest = *imported;
                }
            }
        });
        if (!recorded && !change.error)
            change.error = recorded.error();
        changes.append(change);
    }
    return changes;
}

QFuture<Result<QList<ScheduledChange>>> runScheduledImportsAsync(const SystemContext &context, const CancelToken &cancel)
{
    EngineRuntime *runtime = EngineRuntime::instance();
    // A coordinator like a CopyJob's work: on the job pool, waiting on io tasks; the runtime's shutdown cancels it.
    return QtConcurrent::run(pools::jobs(), [context, cancel, runtime]() {
        const CancelToken token = cancel.child();
        const quint64 id = runtime->registerJob(token);
        auto result = runScheduledImports(context, token);
        runtime->unregisterJob(id);
        return result;
    });
}

} // namespace stevedore
