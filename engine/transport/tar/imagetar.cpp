#include "imagetar.h"

#include "core/atomicfile.h"

#include <QDateTime>
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

// The member a link at `name` stands for: a hard link names it from the archive's root, a symbolic link relative to
// its own folder. nullopt when that leaves the archive (or is absolute).
std::optional<QString> linkTarget(const QString &name, const QString &hardTarget, const QString &symbolicTarget)
{
    QString to;
    if (!hardTarget.isEmpty()) {
        to = QDir::cleanPath(hardTarget);
    } else {
        if (symbolicTarget.isEmpty() || QDir::isAbsolutePath(symbolicTarget))
            return std::nullopt;
        const qsizetype slash = name.lastIndexOf(u'/');
        to = QDir::cleanPath(slash < 0 ? symbolicTarget : name.left(slash + 1) + symbolicTarget);
    }
    if (to.isEmpty() || to == QStringLiteral(".") || QDir::isAbsolutePath(to) || to == QStringLiteral("..")
        || to.startsWith(QStringLiteral("../")))
        return std::nullopt;
    return to;
}

// Follows chains of links to the file each ends at, which must be a file unpacked from the archive.
Status resolveLinks(const QString &archivePath, const QString &folder, TarLinks &links, const TarSkipped *skipped)
{
    for (auto it = links.begin(); it != links.end(); ++it) {
        QString to = it.value();
        for (int hops = 0; links.contains(to); ++hops) {
            if (hops > 16)
                return fail(malformed(archivePath, EngineText::tr("the link %1 is part of a loop").arg(it.key().left(200))));
            to = links.value(to);
        }
        if (!QFileInfo(folder + u'/' + to).isFile() && !(skipped && skipped->contains(to)))
            return fail(malformed(archivePath,
                                  EngineText::tr("the link %1 points to %2, which is no file of the archive")
                                      .arg(it.key().left(200), to.left(200))));
        it.value() = to;
    }
    return {};
}

} // namespace

Result<std::unique_ptr<QTemporaryDir>> archiveWorkFolder(const QString &transport)
{
    QString base = qEnvironmentVariable("TMPDIR");
    if (base.isEmpty())
        base = QStringLiteral("/var/tmp");
    auto dir = std::make_unique<QTemporaryDir>(base + QStringLiteral("/stevedore-") + transport + QStringLiteral("-XXXXXX"));
    if (!dir->isValid())
        return fail(ErrorCode::IoError,
                    EngineText::tr("cannot create a temporary folder in %1: %2").arg(base, dir->errorString()));
    return dir;
}

Result<QString> checkArchiveTarget(const QString &path)
{
    const QFileInfo target(path);
    if (target.isDir())
        return fail(ErrorCode::InvalidArgument, EngineText::tr("%1 is a folder, not an archive file").arg(path));
    if (target.exists() && !target.isFile())
        return fail(ErrorCode::InvalidArgument,
                    EngineText::tr("%1 is not a regular file (a pipe, socket or device); refused").arg(path));
    return target.absoluteFilePath();
}

Status unpackTar(const QString &archivePath, const QString &folder, const CancelToken &cancel,
                 const UnpackOptions &options)
{
    TarLinks *links = options.links;
    TarSkipped *skipped = options.skipped;
    auto seen = [&](const QString &clean, const QString &target) {
        return QFileInfo::exists(target) || (links && links->contains(clean)) || (skipped && skipped->contains(clean));
    };
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
            return links ? resolveLinks(archivePath, folder, *links, skipped) : Status{};
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
        const char *hardlink = archive_entry_hardlink(entry);
        if (links && (hardlink || type == AE_IFLNK)) {
            if (seen(clean, target))
                return fail(malformed(archivePath, EngineText::tr("the entry %1 is there twice").arg(name.left(200))));
            auto to = linkTarget(clean, hardlink ? QString::fromUtf8(hardlink) : QString(),
                                 hardlink ? QString() : QString::fromUtf8(archive_entry_symlink(entry)));
            if (!to)
                return fail(malformed(archivePath, EngineText::tr("the link %1 points outside the archive").arg(name.left(200))));
            links->insert(clean, *to);
            continue;
        }
        if (type == AE_IFDIR) {
            if (!QDir().mkpath(target))
                return fail(ErrorCode::IoError, EngineText::tr("cannot create %1").arg(target));
            continue;
        }
        if (type != AE_IFREG || hardlink)
            return fail(malformed(archivePath, EngineText::tr("the entry %1 is not a file or a folder (a link or a "
                                                              "device), which an OCI layout does not hold")
                                                   .arg(name.left(200))));
        if (seen(clean, target))
            return fail(malformed(archivePath, EngineText::tr("the entry %1 is there twice").arg(name.left(200))));
        if (options.largestMember >= 0 && archive_entry_size(entry) > options.largestMember) {
            if (skipped)
                skipped->insert(clean, archive_entry_size(entry));
            continue; // its data is skipped (a seek, in a plain tar)
        }
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

Status packTar(const QList<TarMember> &members, const QString &archivePath, const CancelToken &cancel)
{
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
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QByteArray buffer(kPiece, Qt::Uninitialized);
    for (const TarMember &member : members) {
        if (cancel.isCancelled())
            return fail(cancelledError());
        const bool fromFile = !member.folder && !member.file.isEmpty();
        const QFileInfo info(member.file);
        std::unique_ptr<struct archive_entry, void (*)(struct archive_entry *)> entry(archive_entry_new(),
                                                                                     archive_entry_free);
        const QByteArray path = member.name.toUtf8();
        archive_entry_set_pathname_utf8(entry.get(), path.constData());
        archive_entry_set_filetype(entry.get(), member.folder ? AE_IFDIR : AE_IFREG);
        archive_entry_set_perm(entry.get(), member.folder ? 0755 : 0644);
        archive_entry_set_size(entry.get(), member.folder ? 0 : fromFile ? info.size() : member.bytes.size());
        archive_entry_set_mtime(entry.get(), fromFile ? info.lastModified().toSecsSinceEpoch() : now, 0);
        archive_entry_set_uid(entry.get(), 0);
        archive_entry_set_gid(entry.get(), 0);
        archive_entry_set_uname(entry.get(), "root");
        archive_entry_set_gname(entry.get(), "root");
        if (archive_write_header(out.a, entry.get()) != ARCHIVE_OK)
            return fail(writeError());
        if (member.folder)
            continue;
        if (!fromFile) {
            if (!member.bytes.isEmpty()
                && archive_write_data(out.a, member.bytes.constData(), size_t(member.bytes.size())) != member.bytes.size())
                return fail(writeError());
            continue;
        }
        QFile in(member.file);
        if (!in.open(QIODevice::ReadOnly))
            return fail(ErrorCode::IoError, EngineText::tr("cannot read %1: %2").arg(member.file, in.errorString()));
        qint64 left = info.size();
        while (left > 0) {
            if (cancel.isCancelled())
                return fail(cancelledError());
            const qint64 n = in.read(buffer.data(), qMin(left, qint64(buffer.size())));
            if (n <= 0)
                return fail(ErrorCode::IoError, EngineText::tr("cannot read %1: %2").arg(member.file, in.errorString()));
            if (archive_write_data(out.a, buffer.constData(), size_t(n)) != n)
                return fail(writeError());
            left -= n;
        }
    }
    if (archive_write_close(out.a) != ARCHIVE_OK)
        return fail(writeError());
    return (*file)->commit(archivePath);
}

Status packFolderTar(const QString &folder, const QString &archivePath, const CancelToken &cancel)
{
    QStringList names;
    QDirIterator it(folder, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        names.append(QDir(folder).relativeFilePath(it.next()));
    names.sort();
    QList<TarMember> members;
    for (const QString &name : std::as_const(names)) {
        const QFileInfo info(folder + u'/' + name);
        members.append(TarMember{name, info.isDir() ? QString() : info.filePath(), {}, info.isDir()});
    }
    return packTar(members, archivePath, cancel);
}

Result<QString> firstTarMember(const QString &archivePath)
{
    if (auto c = checkRegularFile(archivePath); !c)
        return fail(c.error());
    ReadArchive in;
    archive_read_support_format_tar(in.a);
    archive_read_support_filter_all(in.a);
    if (archive_read_open_filename(in.a, QFile::encodeName(archivePath).constData(), 64 * 1024) != ARCHIVE_OK)
        return fail(malformed(archivePath, EngineText::tr("not a tar archive (%1)").arg(archiveError(in.a))));
    struct archive_entry *entry = nullptr;
    const int r = archive_read_next_header(in.a, &entry);
    if (r == ARCHIVE_EOF)
        return fail(malformed(archivePath, EngineText::tr("an empty tar archive")));
    if (r < ARCHIVE_WARN)
        return fail(malformed(archivePath, EngineText::tr("not a tar archive (%1)").arg(archiveError(in.a))));
    const char *utf8 = archive_entry_pathname_utf8(entry);
    return QDir::cleanPath(utf8 ? QString::fromUtf8(utf8) : QFile::decodeName(archive_entry_pathname(entry)));
}

} // namespace stevedore
