#include "copyjob.h"

#include "copyrun.h"
#include "core/atomicfile.h"
#include "core/logging.h"

#include <QFileInfo>

namespace stevedore {

struct CopyJob::Result {
    QMutex mutex;
    Digest digest;
};

CopyJob::CopyJob(TransportReference source, TransportReference destination, SystemContext context,
                 CopyOptions options, QObject *parent)
    : Job(parent), m_source(std::move(source)), m_destination(std::move(destination)), m_context(std::move(context)),
      m_options(std::move(options)), m_result(std::make_shared<Result>())
{
    setTitle(tr("Copy %1 to %2").arg(m_source.toString(), m_destination.toString()));
}

CopyJob::~CopyJob() = default;

Digest CopyJob::resultDigest() const
{
    QMutexLocker lock(&m_result->mutex);
    return m_result->digest;
}

Job::Work CopyJob::prepare()
{
    // Copies of everything: the work may still be finishing after this object is gone.
    return [source = m_source, destination = m_destination, context = m_context, options = m_options,
            result = m_result](const CancelToken &cancel, ProgressReporter &progress) -> Status {
        if (!options.digestFile.isEmpty()) {
            // Checked before anything is copied: a push must not succeed only to fail on its digest file.
            const QFileInfo dir(QFileInfo(options.digestFile).absolutePath());
            if (!dir.isDir())
                return fail(ErrorCode::InvalidArgument,
                            EngineText::tr("cannot write the digest file %1: the folder %2 does not exist")
                                .arg(options.digestFile, dir.filePath()));
            if (QFileInfo(options.digestFile).isDir())
                return fail(ErrorCode::InvalidArgument,
                            EngineText::tr("cannot write the digest file %1: it is a folder").arg(options.digestFile));
            if (!dir.isWritable())
                return fail(ErrorCode::InvalidArgument,
                            EngineText::tr("cannot write the digest file %1: the folder %2 is not writable")
                                .arg(options.digestFile, dir.filePath()));
        }
        auto top = [&]() {
            CopyRun copy(source, destination, context, options, cancel, progress);
            return copy.execute();
        }();
        if (!top)
            return fail(top.error());
        {
            QMutexLocker lock(&result->mutex);
            result->digest = *top;
        }
        if (!options.digestFile.isEmpty()) {
            if (auto written = writeFileAtomically(options.digestFile, top->toString().toUtf8()); !written)
                return fail(written.error().withContext(EngineText::tr("writing the digest file")));
        }
        qCInfo(lcCopy) << "copied" << source.toString() << "to" << destination.toString() << "as" << top->toString();
        return {};
    };
}

} // namespace stevedore
