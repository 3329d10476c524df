#include "atomicfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace stevedore {

namespace {

QString errnoText(int err)
{
    return QString::fromLocal8Bit(std::strerror(err));
}

mode_t readUmask()
{
    // Linux 4.7+ reports it without changing it (umask(2) would change it for every thread for a moment).
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> lines = status.readAll().split('\n');
        for (const QByteArray &line : lines) {
            if (line.startsWith("Umask:")) {
                bool ok = false;
                const uint v = line.mid(6).trimmed().toUInt(&ok, 8);
                if (ok)
                    return mode_t(v);
            }
        }
    }
    const mode_t m = ::umask(022);
    ::umask(m);
    return m;
}

QString resolveSymlink(const QString &path)
{
    const QFileInfo fi(path);
    if (!fi.isSymLink())
        return path;
    const QString target = fi.canonicalFilePath();
    if (!target.isEmpty())
        return target;
    // A dangling link: write where it points.
    return fi.symLinkTarget().isEmpty() ? path : fi.symLinkTarget();
}

Status writeAll(int fd, const char *data, qint64 size, const QString &path)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size_t(qMin<qint64>(size, 1 << 30)));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return fail(ErrorCode::IoError, EngineText::tr("cannot write %1: %2").arg(path, errnoText(errno)));
        }
        data += n;
        size -= n;
    }
    return {};
}

Result<std::pair<int, QString>> openTemporary(const QString &folder, const QString &stem)
{
    QByteArray templ = QFile::encodeName(folder + QLatin1Char('/') + stem + QStringLiteral(".stevedore-tmp-XXXXXX"));
    const int fd = ::mkostemp(templ.data(), O_CLOEXEC);
    if (fd < 0)
        return fail(ErrorCode::IoError,
                    EngineText::tr("cannot create a temporary file in %1: %2").arg(folder, errnoText(errno)));
    return std::pair<int, QString>(fd, QFile::decodeName(templ));
}

Status finishFile(int fd, mode_t mode, const QString &tmpPath)
{
    if (::fchmod(fd, mode) != 0)
        return fail(ErrorCode::IoError, EngineText::tr("cannot set the mode of %1: %2").arg(tmpPath, errnoText(errno)));
    if (::fsync(fd) != 0)
        return fail(ErrorCode::IoError, EngineText::tr("cannot write %1 to disk: %2").arg(tmpPath, errnoText(errno)));
    return {};
}

Status renameInto(const QString &tmpPath, const QString &finalPath)
{
    if (::rename(QFile::encodeName(tmpPath).constData(), QFile::encodeName(finalPath).constData()) != 0)
        return fail(ErrorCode::IoError,
                    EngineText::tr("cannot move %1 into place as %2: %3").arg(tmpPath, finalPath, errnoText(errno)));
    syncFolder(QFileInfo(finalPath).absolutePath());
    return {};
}

} // namespace

mode_t defaultFileMode()
{
    static const mode_t mode = 0666 & ~readUmask();
    return mode;
}

mode_t defaultFolderMode()
{
    static const mode_t mode = 0777 & ~readUmask();
    return mode;
}

void syncFolder(const QString &folder)
{
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return;
    (void)::fsync(fd);
    ::close(fd);
}

Status writeFileAtomically(const QString &path, const QByteArray &data, std::optional<mode_t> mode)
{
    const QString target = resolveSymlink(path);
    const QFileInfo fi(target);
    auto tmp = openTemporary(fi.absolutePath(), QLatin1Char('.') + fi.fileName());
    if (!tmp)
        return fail(tmp.error());
    const auto [fd, tmpPath] = *tmp;
    Status s = writeAll(fd, data.constData(), data.size(), tmpPath);
    if (s)
        s = finishFile(fd, mode.value_or(defaultFileMode()), tmpPath);
    ::close(fd);
    if (s)
        s = renameInto(tmpPath, target);
    if (!s)
        ::unlink(QFile::encodeName(tmpPath).constData());
    return s;
}

Status checkRegularFile(const QString &path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            return fail(ErrorCode::NotFound, EngineText::tr("%1 does not exist").arg(path));
        return fail(ErrorCode::IoError, EngineText::tr("cannot read %1: %2").arg(path, errnoText(errno)));
    }
    if (S_ISDIR(st.st_mode))
        return fail(ErrorCode::InvalidArgument, EngineText::tr("%1 is a folder, not a file").arg(path));
    if (!S_ISREG(st.st_mode))
        return fail(ErrorCode::InvalidArgument,
                    EngineText::tr("%1 is not a regular file (a pipe, socket or device); refused").arg(path));
    return {};
}

Result<QByteArray> readFileLimited(const QString &path, qint64 maxSize)
{
    // O_NONBLOCK: opening a FIFO must not wait for a writer; the fstat below refuses it anyway.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            return fail(ErrorCode::NotFound, EngineText::tr("%1 does not exist").arg(path));
        return fail(ErrorCode::IoError, EngineText::tr("cannot read %1: %2").arg(path, errnoText(errno)));
    }
    auto closer = qScopeGuard([fd] { ::close(fd); });
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        return fail(ErrorCode::IoError, EngineText::tr("cannot read %1: %2").arg(path, errnoText(errno)));
    if (S_ISDIR(st.st_mode))
        return fail(ErrorCode::InvalidArgument, EngineText::tr("%1 is a folder, not a file").arg(path));
    if (!S_ISREG(st.st_mode))
        return fail(ErrorCode::InvalidArgument,
                    EngineText::tr("%1 is not a regular file (a pipe, socket or device); refused").arg(path));
    if (st.st_size > maxSize)
        return fail(ErrorCode::TooLarge,
                    formatText(EngineText::tr("%1 is %2 bytes, more than the limit of %3"), path, qint64(st.st_size), maxSize));
    // Back to blocking reads for a regular file (O_NONBLOCK does nothing there, but be explicit).
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    QByteArray data;
    data.resize(qsizetype(st.st_size) + 1); // one more byte shows whether it grew meanwhile
    qint64 got = 0;
    for (;;) {
        if (got == data.size()) {
            if (data.size() > maxSize)
                break;
            data.resize(qMin<qint64>(maxSize + 1, data.size() * 2 + 4096));
        }
        const ssize_t n = ::read(fd, data.data() + got, size_t(data.size() - got));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return fail(ErrorCode::IoError, EngineText::tr("cannot read %1: %2").arg(path, errnoText(errno)));
        }
        if (n == 0)
            break;
        got += n;
    }
    if (got > maxSize)
        return fail(ErrorCode::TooLarge, formatText(EngineText::tr("%1 is larger than the limit of %2 bytes"), path, maxSize));
    data.resize(qsizetype(got));
    return data;
}

// ---- StreamingFileWriter ----

StreamingFileWriter::StreamingFileWriter(int fd, QString tmpPath, mode_t mode)
    : m_fd(fd), m_tmpPath(std::move(tmpPath)), m_mode(mode)
{
}

Result<std::unique_ptr<StreamingFileWriter>> StreamingFileWriter::create(const QString &folder, std::optional<mode_t> mode)
{
    if (!QDir().mkpath(folder))
        return fail(ErrorCode::IoError, EngineText::tr("cannot create %1").arg(folder));
    auto tmp = openTemporary(folder, QString());
    if (!tmp)
        return fail(tmp.error());
    return std::unique_ptr<StreamingFileWriter>(
        new StreamingFileWriter(tmp->first, tmp->second, mode.value_or(defaultFileMode())));
}

StreamingFileWriter::~StreamingFileWriter()
{
    if (m_fd >= 0)
        ::close(m_fd);
    if (!m_committed && !m_tmpPath.isEmpty())
        ::unlink(QFile::encodeName(m_tmpPath).constData());
}

Status StreamingFileWriter::write(const char *data, qint64 size)
{
    if (m_fd < 0)
        return fail(ErrorCode::Internal, EngineText::tr("write after commit to %1").arg(m_tmpPath));
    if (auto w = writeAll(m_fd, data, size, m_tmpPath); !w)
        return w;
    m_size += size;
    return {};
}

Status StreamingFileWriter::readBack(const std::function<void(const char *, qint64)> &sink)
{
    if (::lseek(m_fd, 0, SEEK_SET) != 0)
        return fail(ErrorCode::IoError, EngineText::tr("cannot read back %1: %2").arg(m_tmpPath, errnoText(errno)));
    QByteArray buf(1 << 20, Qt::Uninitialized);
    for (;;) {
        const ssize_t n = ::read(m_fd, buf.data(), size_t(buf.size()));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return fail(ErrorCode::IoError, EngineText::tr("cannot read back %1: %2").arg(m_tmpPath, errnoText(errno)));
        }
        if (n == 0)
            break;
        sink(buf.constData(), n);
    }
    ::lseek(m_fd, 0, SEEK_END);
    return {};
}

Status StreamingFileWriter::commit(const QString &finalPath)
{
    if (m_fd < 0)
        return fail(ErrorCode::Internal, EngineText::tr("%1 was committed twice").arg(m_tmpPath));
    if (auto f = finishFile(m_fd, m_mode, m_tmpPath); !f)
        return f;
    ::close(m_fd);
    m_fd = -1;
    if (!QDir().mkpath(QFileInfo(finalPath).absolutePath()))
        return fail(ErrorCode::IoError, EngineText::tr("cannot create the folder of %1").arg(finalPath));
    if (auto r = renameInto(m_tmpPath, finalPath); !r)
        return r;
    m_committed = true;
    return {};
}

} // namespace stevedore
