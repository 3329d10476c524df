#pragma once
// The sandbox: a registry of one's own for a first push with no set-up. Debian's docker-registry, started by
// Stevedore on a loopback port, its storage under Stevedore's data folder (kept between runs, so what was pushed is
// still there next time), stopped when its owner goes; and a small sample image in the local store to push to it.

#include "core/cancel.h"
#include "core/error.h"
#include "transport/systemcontext.h"

#include <QString>

#include <chrono>
#include <memory>

class QProcess;

namespace stevedore {

class SandboxRegistry final
{
public:
    // `dataDir`: where the registry keeps its config, log and storage (defaultDataDir() when empty).
    explicit SandboxRegistry(QString dataDir = {});
    ~SandboxRegistry(); // stop()
    SandboxRegistry(const SandboxRegistry &) = delete;
    SandboxRegistry &operator=(const SandboxRegistry &) = delete;

    // $XDG_DATA_HOME/stevedore/sandbox-registry (STEVEDORE_SANDBOX_DIR when set).
    static QString defaultDataDir();
    // The docker-registry program: STEVEDORE_REGISTRY_PROGRAM, else docker-registry on PATH, else
    // /usr/bin/docker-registry. Empty when none is found.
    static QString findProgram();

    // Starts the registry and waits until it answers /v2/ (blocking: call it off the GUI thread, from a thread that
    // lives as long as the registry should and that calls stop(); the registry gets SIGTERM when that thread ends,
    // even when the process is killed). The port used last time is taken again when it is free, else another free one.
    Status start(const CancelToken &cancel, std::chrono::milliseconds timeout = std::chrono::seconds(20));
    // Terminates the registry (SIGTERM, then SIGKILL after 3 s). Idempotent.
    void stop();
    bool isRunning() const;

    QString dataDir() const { return m_dataDir; }
    QString storageDir() const;
    quint16 port() const { return m_port; }
    // "127.0.0.1:PORT"
    QString host() const;
    // What a copy to the sandbox needs: plain http to this host (the registry has no TLS on loopback).
    SystemContext context(SystemContext base = {}) const;

private:
    QString m_dataDir;
    quint16 m_port = 0;
    std::unique_ptr<QProcess> m_process;
};

// The sample image's name in the local store.
QString sampleImageName(); // "localhost/stevedore/sample:latest"

// Puts the sample image into the local store of `ctx` unless an image of that name is there. It is made here, the
// same bytes every time: one uncompressed layer (a ustar archive of a few text files written with libarchive) and a
// config for this machine's platform. Returns whether it was created now.
Result<bool> ensureSampleImage(const SystemContext &ctx, const CancelToken &cancel);

} // namespace stevedore
