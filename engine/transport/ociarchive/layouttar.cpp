#include "layouttar.h"

#include "core/atomicfile.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <archive.h>
#include <archive_entry.h>

#include <memory>

namespace stevedore {

namespace {

constexpr qint64 kPiece = 1024 * 1024;

struct ReadArchive {
    struct archive *a = archive_read_new();
    ~ReadArchive() { archive_read_free(a); }
};

struct WriteArchive {
    struct archive *a = archive_write_new();
    ~WriteArchive() { archive_write_free(a); }
};

QString archiveError(struct archive *a)
{
    const char *why = archive_error_string(a);
    return why ? QString::fromUtf8(why) : EngineText::tr("unknown error");
}

Error cancelledError()
{
    return Error(ErrorCode::Cancelled, EngineText::tr("cancelled"));
}

Error malformed(const QString &archivePath, const QString &what)
{
    return Error(ErrorCode::MalformedContent, EngineText::tr("%1: %2").arg(archivePath, what));
}

// The libarchive write callback: into a StreamingFileWriter.
struct Sink {
    StreamingFileWriter *file = nullptr;
    std::optional<Error> error;
};

la_ssize_t writeToSink(struct archive *, void *client, const void *data, size_t size)
{
    auto *sink = static_cast<Sink *>(client);
    if (auto w = sink->file->write(static_cast<const char *>(data), qint64(size)); !w) {
        sink->error = w.error();
        return -1;
    }
    return la_ssize_t(size);
}

} // namespace

Status unpackLayoutTar(const QString &archivePath, const QString &folder, const CancelToken &cancel)
{
    if (auto c = checkRegularFile(archivePath); !c)
        return c;
    ReadArchive in;
    archive_read_support_format_tar(in.a);
    archive_read_support_filter_all(in.a);
    if (archive_read_open_filename(in.a, QFile::encodeName(archivePath).constData(), size_t(kPiece)) != ARCHIVE_OK)
        return fail(malformed(archivePath, EngineText::tr("not a tar archive (%1)").arg(archiveError(in.a))));
    QByteArray buffer(kPiece, Qt::Uninitialized);
    for (;;) {
        if (cancel.isCancelled())
            return fail(cancelledError());
        struct archive_entry *entry = nullptr;
        const int r = archive_read_next_header(in.a, &entry);
        if (r == ARCHIVE_EOF)
            return {};
        if (r < ARCHIVE_WARN)
            return fail(malformed(archivePath, EngineText::tr("a damaged tar archive (%1)").arg(archiveError(in.a))));
        const char *utf8 = archive_entry_pathname_utf8(entry);
        const QString name = utf8 ? QString::fromUtf8(utf8) : QFile::decodeName(archive_entry_pathname(entry));
        const QString clean = QDir::cleanPath(name);
        if (clean.isEmpty() || clean == QStringLiteral("."))
            continue;
        if (QDir::isAbsolutePath(clean) || clean == QStringLiteral("..") || clean.startsWith(QStringLiteral("../")))
            return fail(malformed(archivePath, EngineText::tr("the entry %1 is outside the layout").arg(name.left(200))));
        const QString target = folder + u'/' + clean;
        const auto type = archive_entry_filetype(entry);
        if (type == AE_IFDIR) {
            if (!QDir().mkpath(target))
                return fail(ErrorCode::IoError, EngineText::tr("cannot create %1").arg(target));
            continue;
        }
        if (type != AE_IFREG || archive_entry_hardlink(entry))
            return fail(malformed(archivePath, EngineText::tr("the entry %1 is not a file or a folder (a link or a "
                                                              "device), which an OCI layout does not hold")
                                                   .arg(name.left(200))));
        if (QFileInfo::exists(target))
            return fail(malformed(archivePath, EngineText::tr("the entry %1 is there twice").arg(name.left(200))));
        if (!QDir().mkpath(QFileInfo(target).absolutePath()))
            return fail(ErrorCode::IoError, EngineText::tr("cannot create the folder of %1").arg(target));
        QFile out(target);
        if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            return fail(ErrorCode::IoError, EngineText::tr("cannot write %1: %2").arg(target, out.errorString()));
        for (;;) {
            if (cancel.isCancelled())
                return fail(cancelledError());
            const la_ssize_t n = archive_read_data(in.a, buffer.data(), size_t(buffer.size()));
            if (n < 0)
                return fail(malformed(archivePath, EngineText::tr("the entry %1 is damaged or cut short (%2)")
                                                       .arg(name.left(200), archiveError(in.a))));
            if (n == 0)
                break;
            if (out.write(buffer.constData(), n) != n)
                return fail(ErrorCode::IoError, EngineText::tr("cannot write %1: %2").arg(target, out.errorString()));
        }
        out.close();
        if (out.error() != QFileDevice::NoError)
            return fail(ErrorCode::IoError, EngineText::tr("cannot write %1: %2").arg(target, out.errorString()));
    }
}

Status packLayoutTar(const QString &folder, const QString &archivePath, const CancelToken &cancel)
{
    QStringList names;
    QDirIterator it(folder, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        names.append(QDir(folder).relativeFilePath(it.next()));
    names.sort();

    auto file = StreamingFileWriter::create(QFileInfo(archivePath).absolutePath());
    if (!file)
        return fail(file.error());
    Sink sink{file->get(), std::nullopt};
    WriteArchive out;
    archive_write_set_format_pax_restricted(out.a);
    archive_write_set_bytes_per_block(out.a, 10240);
    if (archive_write_open(out.a, &sink, nullptr, writeToSink, nullptr) != ARCHIVE_OK)
        return fail(ErrorCode::IoError, EngineText::tr("cannot write %1: %2").arg(archivePath, archiveError(out.a)));
    auto writeError = [&]() {
        return sink.error ? *sink.error
                          : Error(ErrorCode::IoError, EngineText::tr("cannot write %1: %2").arg(archivePath, archiveError(out.a)));
    };
    QByteArray buffer(kPiece, Qt::Uninitialized);
    for (const QString &name : std::as_const(names)) {
        if (cancel.isCancelled())
            return fail(cancelledError());
        const QFileInfo info(folder + u'/' + name);
        std::unique_ptr<struct archive_entry, void (*)(struct archive_entry *)> entry(archive_entry_new(),
                                                                                     archive_entry_free);
        const QByteArray path = name.toUtf8();
        archive_entry_set_pathname_utf8(entry.get(), path.constData());
        archive_entry_set_filetype(entry.get(), info.isDir() ? AE_IFDIR : AE_IFREG);
        archive_entry_set_perm(entry.get(), info.isDir() ? 0755 : 0644);
        archive_entry_set_size(entry.get(), info.isDir() ? 0 : info.size());
        archive_entry_set_mtime(entry.get(), info.lastModified().toSecsSinceEpoch(), 0);
        archive_entry_set_uid(entry.get(), 0);
        archive_entry_set_gid(entry.get(), 0);
        archive_entry_set_uname(entry.get(), "root");
        archive_entry_set_gname(entry.get(), "root");
        if (archive_write_header(out.a, entry.get()) != ARCHIVE_OK)
            return fail(writeError());
        if (info.isDir())
            continue;
        QFile in(info.filePath());
        if (!in.open(QIODevice::ReadOnly))
            return fail(ErrorCode::IoError, EngineText::tr("cannot read %1: %2").arg(info.filePath(), in.errorString()));
        qint64 left = info.size();
        while (left > 0) {
            if (cancel.isCancelled())
                return fail(cancelledError());
            const qint64 n = in.read(buffer.data(), qMin(left, qint64(buffer.size())));
            if (n <= 0)
                return fail(ErrorCode::IoError, EngineText::tr("cannot read %1: %2").arg(info.filePath(), in.errorString()));
            if (archive_write_data(out.a, buffer.constData(), size_t(n)) != n)
                return fail(writeError());
            left -= n;
        }
    }
    if (archive_write_close(out.a) != ARCHIVE_OK)
        return fail(writeError());
    return (*file)->commit(archivePath);
}

} // namespace stevedore
