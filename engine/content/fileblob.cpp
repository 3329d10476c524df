#include "fileblob.h"

#include "core/atomicfile.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace stevedore {

namespace {

Error cancelled()
{
    return Error(ErrorCode::Cancelled, EngineText::tr("the operation was cancelled"));
}

class FileBlobReader final : public BlobReader
{
public:
    FileBlobReader(int fd, QString path) : m_fd(fd), m_path(std::move(path)) {}
    ~FileBlobReader() override { ::close(m_fd); }
    Result<qint64> read(char *data, qint64 maxSize) override
    {
        for (;;) {
            const ssize_t n = ::read(m_fd, data, size_t(maxSize));
            if (n >= 0)
                return qint64(n);
            if (errno != EINTR)
                return fail(ErrorCode::IoError,
                            EngineText::tr("cannot read %1: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(errno))));
        }
    }

private:
    int m_fd;
    QString m_path;
};

class FileBlobWriter final : public BlobWriter
{
public:
    FileBlobWriter(std::unique_ptr<StreamingFileWriter> file, std::function<QString(const Digest &)> finalPathFor)
        : m_file(std::move(file)), m_finalPathFor(std::move(finalPathFor))
    {
    }

    Status write(const QByteArray &data, const CancelToken &cancel) override
    {
        if (cancel.isCancelled())
            return fail(cancelled());
        if (auto w = m_file->write(data.constData(), data.size()); !w)
            return w;
        m_hash.addData(data);
        return {};
    }

    Status commit(const Digest &digest, qint64 size, const CancelToken &cancel) override
    {
        if (cancel.isCancelled())
            return fail(cancelled());
        if (size >= 0 && size != m_file->size())
            return fail(ErrorCode::SizeMismatch, formatText(EngineText::tr("blob %1: %2 bytes were written, expected %3"), digest.toString(), m_file->size(), size));
        Digest actual;
        if (digest.algorithm() == QLatin1String("sha256")) {
            actual = m_hash.result();
        } else {
            Digester other(digest.algorithm());
            if (auto r = m_file->readBack([&other](const char *d, qint64 n) { other.addData(d, n); }); !r)
                return r;
            actual = other.result();
        }
        if (actual != digest)
            return fail(ErrorCode::DigestMismatch,
                        EngineText::tr("blob %1 does not match its digest: its content has digest %2")
                            .arg(digest.toString(), actual.toString()));
        return m_file->commit(m_finalPathFor(digest));
    }

private:
    std::unique_ptr<StreamingFileWriter> m_file;
    std::function<QString(const Digest &)> m_finalPathFor;
    Digester m_hash;
};

} // namespace

Result<std::unique_ptr<BlobReader>> openFileBlob(const QString &path, qint64 expectedSize, const QString &what)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            return fail(ErrorCode::BlobUnknown, EngineText::tr("%1 is missing").arg(what));
        return fail(ErrorCode::IoError,
                    EngineText::tr("cannot read %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return fail(ErrorCode::MalformedContent,
                    EngineText::tr("%1 (%2) is not a regular file; refused").arg(what, path));
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    if (expectedSize >= 0 && qint64(st.st_size) != expectedSize) {
        ::close(fd);
        return fail(ErrorCode::SizeMismatch,
                    formatText(EngineText::tr("%1 is %2 bytes, expected %3"), what, qint64(st.st_size), expectedSize));
    }
    return std::unique_ptr<BlobReader>(std::make_unique<FileBlobReader>(fd, path));
}

Result<std::unique_ptr<BlobWriter>> makeFileBlobWriter(const QString &folder,
                                                      std::function<QString(const Digest &)> finalPathFor)
{
    auto file = StreamingFileWriter::create(folder);
    if (!file)
        return fail(file.error());
    return std::unique_ptr<BlobWriter>(std::make_unique<FileBlobWriter>(std::move(*file), std::move(finalPathFor)));
}

} // namespace stevedore
