#pragma once
// import-image: a remote image (or its whole manifest list) into the local store, as `oc import-image` does for an
// image stream. Planning reads only the source's top manifest (and, where the index lacks platforms, the child
// manifests and configs); the import itself is the copy pipeline (CopyJob / CopyRun), never a second copy path.

#include "copy/copyoptions.h"
#include "core/cancel.h"
#include "core/job.h"
#include "transport/systemcontext.h"
#include "transport/transportreference.h"

#include <QDateTime>
#include <QFuture>
#include <QList>
#include <QMutex>

#include <memory>
#include <optional>

namespace stevedore {

class ProgressReporter;

enum class ImportMode {
    Legacy,           // the list is discarded: one sub-manifest is imported (--platform, else host, else linux/amd64, else the first)
    PreserveOriginal, // the list and all its sub-manifests
};

// "Legacy" or "PreserveOriginal" (exactly); else InvalidArgument "valid ImportMode values are Legacy or PreserveOriginal".
Result<ImportMode> parseImportMode(const QString &text);
QString importModeName(ImportMode mode);

struct ImportRequest {
    ImageReference name;  // the local store name (tag latest when missing)
    QString from;         // the source: docker://HOST/REPO:TAG, a bare HOST/REPO:TAG (= docker://), or any TRANSPORT:DETAILS
    ImportMode mode = ImportMode::Legacy;
    std::optional<Platform> platform; // Legacy: the sub-manifest to import
};

// The source location of a request: `from` parsed, a bare name meaning docker://.
Result<TransportReference> importSourceReference(const QString &from);

struct ImportedManifest {
    Platform platform;
    Digest digest;
};

struct ImportPlan {
    TransportReference source;        // importSourceReference(request.from)
    QString sourceDescription;        // as the source describes itself, for messages
    Digest sourceDigest;              // the source's top-level manifest (the list when it is one)
    bool sourceIsList = false;
    QList<ImportedManifest> manifests; // what will be imported, in the list's order (Legacy: the chosen one)
    Digest importedDigest;            // what the store will hold at NAME
};

// Reads the source and decides what the import writes. Blocking (a worker thread). A source that does not exist,
// a --platform the list does not have (the error lists what is there): errors, nothing written.
Result<ImportPlan> planImport(const ImportRequest &request, const SystemContext &context, const CancelToken &cancel);

// The copy that carries out `plan`: the source (pinned to the planned digest where the transport can name one,
// so a tag moved meanwhile cannot change what is imported), the store destination NAME, and the copy options
// (all = PreserveOriginal, platform = the chosen sub-manifest's). Run it with a CopyJob, or use importImage().
struct ImportCopy {
    TransportReference source;
    TransportReference destination;
    CopyOptions options;
};
Result<ImportCopy> importCopyFor(const ImportRequest &request, const ImportPlan &plan);

// Plans and imports in the calling thread (a worker thread that may wait on the io pool: not the io pool itself).
// `progress` may be null. The result is the plan actually imported; the store holds plan.importedDigest at NAME.
Result<ImportPlan> importImage(const ImportRequest &request, const SystemContext &context, const CancelToken &cancel,
                               ProgressReporter *progress = nullptr);
// After a CopyJob of importCopyFor() succeeded: an error when the written digest is not the planned one.
Status checkImported(const ImportPlan &plan, const Digest &written);

// An import as a Job (for the GUI): importImage() on the job pool, with the copy's progress; cancel() stops it
// (nothing is visible at NAME unless the copy committed).
class ImportJob final : public Job
{
    Q_OBJECT
public:
    ImportJob(ImportRequest request, SystemContext context, QObject *parent = nullptr);
    ~ImportJob() override;
    const ImportRequest &request() const { return m_request; }
    // After success: what was imported.
    std::optional<ImportPlan> result() const;

protected:
    Work prepare() override;

private:
    struct Outcome;
    ImportRequest m_request;
    SystemContext m_context;
    std::shared_ptr<Outcome> m_outcome; // shared with the work, which may outlive this object
};

// --- scheduled imports ------------------------------------------------------------------------------------------

struct ScheduledImport {
    ImportRequest request;
    bool insecure = false;    // --insecure when it was scheduled: TLS verification off for the source
    Digest lastSourceDigest;  // the source's top digest at the last import
    QDateTime lastRun;        // UTC; invalid when never run by a pass
};

// <storage root>/scheduled-imports.json, one entry per NAME, written atomically with mode 0600 under a lock file.
class ScheduledImports final
{
public:
    explicit ScheduledImports(const QString &storageRoot);
    QString path() const;
    // An empty list when the file does not exist; an error naming the file when it does not parse.
    Result<QList<ScheduledImport>> load() const;
    Status upsert(const ScheduledImport &entry);   // replaces the entry of the same NAME
    Status remove(const ImageReference &name);    // no error when NAME is not scheduled

private:
    QString m_root;
};

// One scheduled NAME after a pass. `before` / `after`: what the local store held at NAME before and after (empty
// when nothing). `error` set when that import failed (the store then still holds `before`).
struct ScheduledChange {
    ImageReference name;
    Digest before;
    Digest after;
    std::optional<Error> error;
    bool changed() const { return !error && before != after; }
};

// One pass over the scheduled imports of context.effectiveStorageRoot(): each is planned; when the source's digest
// changed since the last import, or the store no longer holds what it should at NAME, it is imported again; the
// file is updated. Blocking; errors of single imports are in the changes, the result fails only when the file
// cannot be read or written.
Result<QList<ScheduledChange>> runScheduledImports(const SystemContext &context, const CancelToken &cancel);
// The same on the engine's job pool (for the GUI's timer); `cancel` (and the runtime's shutdown) stops the pass.
QFuture<Result<QList<ScheduledChange>>> runScheduledImportsAsync(const SystemContext &context,
                                                                  const CancelToken &cancel = {});

} // namespace stevedore
