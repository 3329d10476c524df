#pragma once

#include "auth/credentials.h"
#include "core/cancel.h"

#include <QString>

#include <chrono>
#include <optional>

namespace stevedore {

struct RetryPolicy {
    int maxRetries = 3;                    // --retry: retries of a failed operation (as buildah/sealos push: 3)
    std::chrono::milliseconds delay{2000}; // --retry-delay; Retry-After wins when the server sends it
};

// Everything a transport needs to know about the user's environment and flags.
struct SystemContext {
    QString authFile;                       // --authfile; empty: REGISTRY_AUTH_FILE, then the default files
    std::optional<Credentials> credentials; // --creds: used for every registry of this operation
    QString certDir;                        // --cert-dir: *.crt CAs, *.cert/*.key client pairs
    std::optional<bool> tlsVerify;          // --tls-verify; nullopt = verify (https only)
    QString storageRoot;                    // local store; empty = defaultStorageRoot()
    RetryPolicy retry;
    std::chrono::milliseconds idleTimeout{30000}; // --idle-timeout: a request with no byte moving for this long fails
    int blobConcurrency = 4;                // blobs in flight at once, at most
    // What the blobs in flight may hold together (chunk buffers, compressor and decompressor state), in bytes: a
    // blob whose estimate does not fit waits for others to finish; one always runs, whatever its estimate.
    qint64 memoryBudget = 40ll * 1024 * 1024;
    QString blobInfoCachePath;              // empty = $XDG_CACHE_HOME/stevedore/blob-info-cache.json
    bool allowDuplicatePlatforms = false;   // --allow-duplicates: a local manifest list may list a platform twice
    CancelToken cancel;                     // the operation's: work done while an end is opened (credential helpers)
    // Only manifests and configs will be read (a summary, inspect): an archive transport then unpacks no member
    // over 4 MiB, and its source cannot open the layers.
    bool metadataOnly = false;

    // $STEVEDORE_ROOT, else $XDG_DATA_HOME/stevedore/storage (~/.local/share/stevedore/storage).
    static QString defaultStorageRoot();
    QString effectiveStorageRoot() const { return storageRoot.isEmpty() ? defaultStorageRoot() : storageRoot; }
};

} // namespace stevedore
