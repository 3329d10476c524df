#pragma once

#include "manifestlist.h"
#include "reference/imagereference.h"

#include <QList>

namespace stevedore {

// A stored list: its name, the list, and the digest of its bytes.
struct StoredList {
    ImageReference name; // normalised, with a tag ("docker.io/library/app:latest", "localhost:5000/team/app:v1")
    ManifestList list;
    Digest digest;
    QByteArray bytes; // the list exactly as stored (what inspect prints and a push sends)
};

// The local manifest lists: an OCI image layout at <storage root>/manifest-lists, next to the local image store.
// Each list is an index blob, named in index.json by org.opencontainers.image.ref.name; the entries' sources are an
// annotation of that index.json entry ("io.stevedore.list.sources", a JSON object digest → reference), so the blob
// holds exactly the list that is pushed. Writes are atomic and locked (OciLayout::updateIndex); a list that does not
// parse is reported with its name and never silently replaced.
class ListStore final
{
public:
    explicit ListStore(const QString &storageRoot);
    QString root() const { return m_root; }

    Result<QList<StoredList>> lists() const;
    // ErrorCode::NotFound "no manifest list named NAME" when absent.
    Result<StoredList> load(const ImageReference &name) const;
    // True also when the store exists but its index.json cannot be read: load() then reports the damage, so that a
    // name is never silently looked up elsewhere (a registry, the image store) while its list may be here.
    bool contains(const ImageReference &name) const;

    enum class SaveMode { Create, Replace };
    // Create fails with ErrorCode::AlreadyExists when the name exists ("... use --amend to add to it").
    Result<Digest> save(const ImageReference &name, const ManifestList &list, SaveMode mode);
    // Removes the list (its images are not touched: they were never copied in).
    Status remove(const ImageReference &name);

private:
    QString m_storageRoot;
    QString m_root;
};

// A list name from the user's text: a Docker reference with a tag (":latest" added when missing), no digest.
Result<ImageReference> parseListName(const QString &text);

} // namespace stevedore
