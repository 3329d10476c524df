#pragma once
// Images as one tar file (the oci-archive: and docker-archive: transports), through libarchive.

#include "core/cancel.h"
#include "core/error.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace stevedore {

// A temporary folder for unpacking or assembling an archive of `transport` ("oci-archive"): under $TMPDIR, else
// /var/tmp (as containers/image does: /tmp is often a small tmpfs). Removed with the object.
Result<std::unique_ptr<QTemporaryDir>> archiveWorkFolder(const QString &transport);

// Where an archive is to be written: a regular file or nothing yet; a folder, pipe, socket or device is refused
// (InvalidArgument). Returns the absolute path.
Result<QString> checkArchiveTarget(const QString &path);

// The links of an unpacked archive: each link's name (relative, clean) -> the name of the member it stands for, with
// chains followed. Only for archives whose format has links (docker save writes <id>/layer.tar -> ../<hex>.tar).
using TarLinks = QHash<QString, QString>;

// Members of an archive left out of an unpacking (UnpackOptions::largestMember): name -> size.
using TarSkipped = QHash<QString, qint64>;

struct UnpackOptions {
    // Where links are recorded; null: a link is refused.
    TarLinks *links = nullptr;
    // >= 0: files larger than this are not written, only recorded in `skipped` (when not null) — for reading an
    // archive's manifests and configs without its layers.
    qint64 largestMember = -1;
    TarSkipped *skipped = nullptr;
};

// Unpacks the tar `archivePath` (plain, or compressed in any way libarchive reads) into the empty folder `folder`.
// Only files and folders are written: a path that leaves the folder (absolute, or through ".."), an entry written
// twice, a device, a damaged or truncated archive — each a MalformedContent error naming the archive. A link
// (symbolic or hard) is refused unless options.links is given; it is then recorded there, resolved inside the
// archive (a link that points outside it, or to nothing in it, is refused; a link to a folder is refused). Streamed;
// cancellable between pieces.
Status unpackTar(const QString &archivePath, const QString &folder, const CancelToken &cancel,
                 const UnpackOptions &options = {});

// One member of an archive being written: a folder, a file copied from `file`, or `bytes`.
struct TarMember {
    QString name;      // relative path in the archive
    QString file;      // a file to copy (streamed), or empty
    QByteArray bytes;  // the content when `file` is empty
    bool folder = false;
};

// Writes `members` in order into a tar at `archivePath` (POSIX pax, owner root, files 0644, folders 0755), through a
// temporary file in the same folder that is fsynced and renamed over `archivePath` at the end: nothing there
// changes unless the whole archive is written. Streamed; cancellable between pieces.
Status packTar(const QList<TarMember> &members, const QString &archivePath, const CancelToken &cancel);

// packTar of every file and folder under `folder`, names sorted (an OCI layout).
Status packFolderTar(const QString &folder, const QString &archivePath, const CancelToken &cancel);

// The name of the first member of the tar at `archivePath` (compressed or not), reading no further than its header:
// enough to tell an OCI layout archive (oci-layout, index.json, blobs/…) from a docker save one. An error when the
// file is no tar.
Result<QString> firstTarMember(const QString &archivePath);

} // namespace stevedore
