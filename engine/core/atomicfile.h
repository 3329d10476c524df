#pragma once

#include "error.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>

#include <optional>
#include <sys/types.h>

namespace stevedore {

// The mode new files get: 0666 minus the process's umask (read once, without changing it); folders 0777 minus it.
mode_t defaultFileMode();
mode_t defaultFolderMode();

// Writes `data` to `path` safely: a temporary file in the same folder, written, given its mode (`mode`, else
// defaultFileMode(); 0600 for auth files), fsynced, renamed over `path`, and the folder fsynced. A symbolic link at
// `path` is followed: its target is replaced, the link stays. Nothing at `path` changes unless everything worked.
Status writeFileAtomically(const QString &path, const QByteArray &data, std::optional<mode_t> mode = std::nullopt);

// Reads a whole file, refusing what is not a regular file (a FIFO, a device, a folder: never opened for a blocking
// read) and anything larger than `maxSize` bytes — both checked before a byte is read into memory.
Result<QByteArray> readFileLimited(const QString &path, qint64 maxSize);

// A regular file that exists, or a clear error (missing, a folder, a FIFO or device).
Status checkRegularFile(const QString &path);

// A file streamed to a temporary name in a folder and moved into place on commit(): what blobs are written with.
// Destroyed without commit(), the temporary file is removed. Used from one thread at a time.
class StreamingFileWriter final
{
public:
    static Result<std::unique_ptr<StreamingFileWriter>> create(const QString &folder, std::optional<mode_t> mode = {});
    ~StreamingFileWriter();
    StreamingFileWriter(const StreamingFileWriter &) = delete;
    StreamingFileWriter &operator=(const StreamingFileWriter &) = delete;

    Status write(const char *data, qint64 size);
    qint64 size() const { return m_size; }
    const QString &temporaryPath() const { return m_tmpPath; }
    // Re-reads the written bytes from the start (for a second digest algorithm); `sink` gets each piece.
    Status readBack(const std::function<void(const char *, qint64)> &sink);
    // Gives the file its mode, fsyncs it, renames it to `finalPath` (replacing a file there) and fsyncs the folder.
    Status commit(const QString &finalPath);

private:
    StreamingFileWriter(int fd, QString tmpPath, mode_t mode);
    int m_fd = -1;
    QString m_tmpPath;
    mode_t m_mode;
    qint64 m_size = 0;
    bool m_committed = false;
};

// fsyncs a folder (after a rename into it); errors are ignored where the file system cannot do it.
void syncFolder(const QString &folder);

} // namespace stevedore
