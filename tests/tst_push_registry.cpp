// End to end: the real `stevedore push` against Debian's docker-registry, with skopeo as the oracle.
#include "support/e2e.h"
#include "support/testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QProcess>
#include <QTest>

#include <csignal>

#include <memory>

using namespace Qt::StringLiterals;
using namespace stevedore::test;

class TestPushRegistry : public QObject
{
    Q_OBJECT

private:
    // STEVEDORE_CLI overrides the binary under test (e.g. an installed build).
    QString m_cli = qEnvironmentVariableIsEmpty("STEVEDORE_CLI") ? QString::fromUtf8(STEVEDORE_CLI_PATH)
                                                                 : qEnvironmentVariable("STEVEDORE_CLI");
    QString m_skopeo;
    std::unique_ptr<QTemporaryDir> m_tmp;
    QProcessEnvironment m_env;

    QString path(const QString &name) const { return m_tmp->filePath(name); }

    ProcessResult stevedore(const QStringList &args, int timeoutMs = 120000)
    {
        return runProcess(m_cli, args, timeoutMs, m_env);
    }

    ProcessResult skopeo(const QStringList &args, int timeoutMs = 120000)
    {
        return runProcess(m_skopeo, QStringList{u"--insecure-policy"_s} + args, timeoutMs, m_env);
    }

    // Raw manifest at a docker reference ("HOST/repo:tag" or "HOST/repo@sha256:..."), read by skopeo.
    ProcessResult remoteRaw(const RegistryFixture &reg, const QString &ref)
    {
        QStringList args{u"inspect"_s, u"--raw"_s};
        if (reg.options().tls)
            args << u"--cert-dir"_s << reg.certDir();
        else
            args << u"--tls-verify=false"_s;
        return skopeo(args << u"docker://"_s + ref);
    }

    // The digest of the manifest skopeo reads at ref, or skopeo's error (which then fails the comparison).
    QString remoteDigest(const RegistryFixture &reg, const QString &ref)
    {
        const ProcessResult raw = remoteRaw(reg, ref);
        return raw.ok() ? sha256Digest(raw.out) : u"skopeo failed: "_s + describe(raw);
    }

    static QString describe(const ProcessResult &r)
    {
        return u"exit %1%2\nstdout: %3\nstderr: %4"_s.arg(r.exitCode).arg(r.timedOut ? u" (timed out)"_s : QString())
            .arg(QString::fromUtf8(r.out.left(4000)), QString::fromUtf8(r.err.left(4000)));
    }

    static QList<QJsonObject> jsonLines(const QByteArray &out, QString *problem)
    {
        QList<QJsonObject> objects;
        for (const QByteArray &line : out.split('\n')) {
            if (line.isEmpty())
                continue;
            QJsonParseError pe;
            const QJsonDocument doc = QJsonDocument::fromJson(line, &pe);
            if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
                *problem = u"not a JSON object: %1"_s.arg(QString::fromUtf8(line));
                return {};
            }
            objects.append(doc.object());
        }
        return objects;
    }

    void startRegistry(RegistryFixture &reg)
    {
        QString error;
        QVERIFY2(reg.start(&error), qPrintable(error));
    }

private slots:
    void initTestCase()
    {
        const QString missing = missingE2ePeers(m_cli, {u"skopeo"_s, u"docker-registry"_s});
        QVERIFY2(missing.isEmpty(), qPrintable(missing));
        m_skopeo = findTool(u"skopeo"_s);
    }

    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_env = isolatedEnvironment(path(u"home"_s));
    }

    void cleanup() { m_tmp.reset(); }

    // --all pushes the index and every platform byte for byte; --digestfile gets the index digest.
    void pushAllIsByteIdentical()
    {
        RegistryFixture reg;
        startRegistry(reg);
        const QString layout = path(u"layout"_s);
        QString error;
        const TestImageSpec spec{.platforms = {u"linux/amd64"_s, u"linux/arm64/v8"_s, u"linux/arm/v7"_s},
                                 .layersPerPlatform = 2, .layerSize = 300 * 1024, .gzipLayers = true, .seed = 11};
        const QString digest = writeTestLayout(layout, u"v1"_s, spec, &error);
        QVERIFY2(!digest.isEmpty(), qPrintable(error));

        const QString dest = reg.hostPort() + u"/team/app"_s;
        const QString digestFile = path(u"out.txt"_s);
        const ProcessResult r = stevedore({u"push"_s, u"--all"_s, u"--tls-verify=false"_s, u"--digestfile"_s, digestFile,
                                           u"oci:"_s + layout + u":v1"_s, u"docker://"_s + dest + u":v1"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(QString::fromUtf8(readFileBytes(digestFile)).trimmed(), digest);

        ProcessResult raw = remoteRaw(reg, dest + u":v1"_s);
        QVERIFY2(raw.ok(), qPrintable(describe(raw)));
        QCOMPARE(sha256Digest(raw.out), digest);
        QCOMPARE(raw.out, readFileBytes(layoutBlobPath(layout, digest)));

        const QJsonArray manifests = QJsonDocument::fromJson(raw.out).object().value(u"manifests"_s).toArray();
        QCOMPARE(manifests.size(), 3);
        for (const QJsonValue &m : manifests) {
            const QString md = m.toObject().value(u"digest"_s).toString();
            raw = remoteRaw(reg, dest + u'@' + md);
            QVERIFY2(raw.ok(), qPrintable(describe(raw)));
            QCOMPARE(sha256Digest(raw.out), md);
            // Config and (already compressed) layers arrive byte for byte.
            const QJsonObject manifest = QJsonDocument::fromJson(raw.out).object();
            QStringList blobs{manifest.value(u"config"_s).toObject().value(u"digest"_s).toString()};
            for (const QJsonValue &l : manifest.value(u"layers"_s).toArray())
                blobs << l.toObject().value(u"digest"_s).toString();
            for (const QString &b : std::as_const(blobs)) {
                const QByteArray stored = readFileBytes(registryBlobPath(reg, b));
                QVERIFY2(!stored.isEmpty(), qPrintable(u"blob %1 is not in the registry"_s.arg(b)));
                QCOMPARE(stored, readFileBytes(layoutBlobPath(layout, b)));
            }
        }
    }

    // Uncompressed layers are gzip-compressed on the way (so the manifest digests change, by design);
    // the uncompressed content is the same: copied back, every layer gunzips to the source's diff_id.
    void uncompressedLayersAreCompressed_data()
    {
        QTest::addColumn<qint64>("layerSize");
        QTest::newRow("200 KiB layers") << qint64(200 * 1024);
        QTest::newRow("24 MiB layers (chunked upload)") << qint64(24 * 1024 * 1024 + 123);
    }

    void uncompressedLayersAreCompressed()
    {
        QFETCH(qint64, layerSize);
        RegistryFixture reg;
        startRegistry(reg);
        const QString layout = path(u"layout"_s);
        QString error;
        const TestImageSpec spec{.platforms = {u"linux/amd64"_s, u"linux/arm64/v8"_s}, .layersPerPlatform = 2,
                                 .layerSize = layerSize, .gzipLayers = false, .seed = 12};
        const QString digest = writeTestLayout(layout, u"v1"_s, spec, &error);
        QVERIFY2(!digest.isEmpty(), qPrintable(error));

        const QString dest = reg.hostPort() + u"/team/plain"_s;
        const QString digestFile = path(u"out.txt"_s);
        const ProcessResult r = stevedore({u"push"_s, u"--all"_s, u"--tls-verify=false"_s, u"--digestfile"_s, digestFile,
                                           u"oci:"_s + layout + u":v1"_s, u"docker://"_s + dest + u":v1"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const ProcessResult raw = remoteRaw(reg, dest + u":v1"_s);
        QVERIFY2(raw.ok(), qPrintable(describe(raw)));
        QVERIFY2(sha256Digest(raw.out) != digest, "compressed layers must change the manifests");
        QCOMPARE(QString::fromUtf8(readFileBytes(digestFile)).trimmed(), sha256Digest(raw.out));

        // Source diff_ids per platform.
        QHash<QString, QJsonArray> sourceDiffIds;
        const QJsonArray srcEntries = readJsonObject(layoutBlobPath(layout, digest)).value(u"manifests"_s).toArray();
        for (const QJsonValue &e : srcEntries) {
            const QJsonObject m = readJsonObject(layoutBlobPath(layout, e.toObject().value(u"digest"_s).toString()));
            const QJsonObject c = readJsonObject(layoutBlobPath(layout, m.value(u"config"_s).toObject()
                                                                            .value(u"digest"_s).toString()));
            sourceDiffIds.insert(e.toObject().value(u"platform"_s).toObject().value(u"architecture"_s).toString(),
                                 c.value(u"rootfs"_s).toObject().value(u"diff_ids"_s).toArray());
        }
        QCOMPARE(sourceDiffIds.size(), 2);

        const QString back = path(u"back"_s);
        const ProcessResult copy = skopeo({u"copy"_s, u"--all"_s, u"--src-tls-verify=false"_s,
                                           u"docker://"_s + dest + u":v1"_s, u"oci:"_s + back + u":v1"_s});
        QVERIFY2(copy.ok(), qPrintable(describe(copy)));
        const QJsonArray entries = readJsonObject(back + u"/index.json"_s).value(u"manifests"_s).toArray();
        QCOMPARE(entries.size(), 1);
        const QJsonArray platforms = readJsonObject(layoutBlobPath(back, entries.at(0).toObject().value(u"digest"_s)
                                                                             .toString())).value(u"manifests"_s).toArray();
        QCOMPARE(platforms.size(), 2);
        for (const QJsonValue &p : platforms) {
            const QString arch = p.toObject().value(u"platform"_s).toObject().value(u"architecture"_s).toString();
            const QJsonObject m = readJsonObject(layoutBlobPath(back, p.toObject().value(u"digest"_s).toString()));
            const QJsonObject c = readJsonObject(layoutBlobPath(back, m.value(u"config"_s).toObject()
                                                                          .value(u"digest"_s).toString()));
            const QJsonArray diffIds = c.value(u"rootfs"_s).toObject().value(u"diff_ids"_s).toArray();
            QCOMPARE(diffIds, sourceDiffIds.value(arch));
            const QJsonArray layers = m.value(u"layers"_s).toArray();
            QCOMPARE(layers.size(), diffIds.size());
            for (qsizetype i = 0; i < layers.size(); ++i) {
                const QJsonObject l = layers.at(i).toObject();
                QVERIFY2(l.value(u"mediaType"_s).toString().contains(u"gzip"_s),
                         qPrintable(l.value(u"mediaType"_s).toString()));
                const QByteArray gz = readFileBytes(layoutBlobPath(back, l.value(u"digest"_s).toString()));
                QCOMPARE(gz.size(), l.value(u"size"_s).toInteger());
                const QByteArray tar = gunzipBytes(gz);
                QVERIFY2(!tar.isEmpty(), "a pushed layer does not gunzip");
                QCOMPARE(sha256Digest(tar), diffIds.at(i).toString());
            }
        }
    }

    // Without --all only this machine's platform is pushed, as a single manifest (like skopeo).
    void withoutAllPushesHostPlatform()
    {
        RegistryFixture reg;
        startRegistry(reg);
        const QString host = hostPlatformArchitecture();
        const QString other = host == u"arm64"_s ? u"amd64"_s : u"arm64"_s;
        const QString layout = path(u"layout"_s);
        QString error;
        const TestImageSpec spec{.platforms = {u"linux/"_s + other, u"linux/"_s + host}, .layersPerPlatform = 1,
                                 .layerSize = 10 * 1024, .gzipLayers = true, .seed = 13};
        const QString digest = writeTestLayout(layout, u"v1"_s, spec, &error);
        QVERIFY2(!digest.isEmpty(), qPrintable(error));
        const QJsonArray entries = readJsonObject(layoutBlobPath(layout, digest)).value(u"manifests"_s).toArray();
        const QString otherDigest = entries.at(0).toObject().value(u"digest"_s).toString();
        const QString hostDigest = entries.at(1).toObject().value(u"digest"_s).toString();

        const QString dest = reg.hostPort() + u"/team/one"_s;
        const ProcessResult r = stevedore({u"push"_s, u"--tls-verify=false"_s, u"oci:"_s + layout + u":v1"_s,
                                           u"docker://"_s + dest + u":v1"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(remoteDigest(reg, dest + u":v1"_s), hostDigest);
        QVERIFY2(!remoteRaw(reg, dest + u'@' + otherDigest).ok(), "the other platform must not be pushed");
    }

    // --progress=json: one JSON object per line (start, blob, image events, then done with the digest).
    // A second push of the same image skips every blob.
    void progressJsonAndSecondPushSkips()
    {
        RegistryFixture reg;
        startRegistry(reg);
        const QString layout = path(u"layout"_s);
        QString error;
        const TestImageSpec spec{.platforms = {u"linux/amd64"_s, u"linux/arm64/v8"_s}, .layersPerPlatform = 2,
                                 .layerSize = 100 * 1024, .gzipLayers = true, .seed = 14};
        const QString digest = writeTestLayout(layout, u"v1"_s, spec, &error);
        QVERIFY2(!digest.isEmpty(), qPrintable(error));
        const QStringList args{u"push"_s, u"--all"_s, u"--tls-verify=false"_s, u"--progress=json"_s,
                               u"oci:"_s + layout + u":v1"_s, u"docker://"_s + reg.hostPort() + u"/team/app:v1"_s};

        ProcessResult r = stevedore(args);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QString problem;
        QList<QJsonObject> events = jsonLines(r.out, &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(events.size() >= 3);
        QCOMPARE(events.last().value(u"event"_s).toString(), u"done"_s);
        QCOMPARE(events.last().value(u"digest"_s).toString(), digest);
        // 2 configs + 4 layers, each ends "done" (or "skipped" when two platforms share a blob).
        QHash<QString, QString> finalState;
        for (const QJsonObject &e : std::as_const(events))
            if (e.value(u"event"_s).toString() == u"blob"_s)
                finalState.insert(e.value(u"digest"_s).toString(), e.value(u"state"_s).toString());
        QCOMPARE(finalState.size(), 6);
        for (auto it = finalState.cbegin(); it != finalState.cend(); ++it)
            QVERIFY2(it.value() == u"done"_s || it.value() == u"skipped"_s, qPrintable(it.key() + u' ' + it.value()));

        r = stevedore(args);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        events = jsonLines(r.out, &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(events.last().value(u"digest"_s).toString(), digest);
        finalState.clear();
        for (const QJsonObject &e : std::as_const(events)) {
            if (e.value(u"event"_s).toString() != u"blob"_s)
                continue;
            QVERIFY2(e.value(u"state"_s).toString() != u"uploading"_s,
                     qPrintable(u"second push uploads %1"_s.arg(e.value(u"digest"_s).toString())));
            finalState.insert(e.value(u"digest"_s).toString(), e.value(u"state"_s).toString());
        }
        // Blobs the job reports at all must end "skipped" (an engine may also skip whole images it finds there).
        QVERIFY(finalState.size() <= 6);
        for (auto it = finalState.cbegin(); it != finalState.cend(); ++it)
            QVERIFY2(it.value() == u"skipped"_s, qPrintable(it.key() + u" ended " + it.value()));
    }

    // The same image pushed to a second repository of the same registry: blobs are mounted (or found), not uploaded.
    void secondRepositoryMountsBlobs()
    {
        RegistryFixture reg;
        startRegistry(reg);
        const QString layout = path(u"layout"_s);
        QString error;
        const QString digest = writeTestLayout(layout, u"v1"_s,
                                               TestImageSpec{.platforms = {u"linux/amd64"_s, u"linux/arm64/v8"_s},
                                                             .gzipLayers = true, .seed = 18},
                                               &error);
        QVERIFY2(!digest.isEmpty(), qPrintable(error));
        ProcessResult r = stevedore({u"push"_s, u"--all"_s, u"--tls-verify=false"_s, u"-q"_s, u"oci:"_s + layout + u":v1"_s,
                                     u"docker://"_s + reg.hostPort() + u"/team/first:v1"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        r = stevedore({u"push"_s, u"--all"_s, u"--tls-verify=false"_s, u"--progress=json"_s, u"oci:"_s + layout + u":v1"_s,
                       u"docker://"_s + reg.hostPort() + u"/other/second:v1"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QString problem;
        const QList<QJsonObject> events = jsonLines(r.out, &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QHash<QString, QString> finalState;
        for (const QJsonObject &e : events)
            if (e.value(u"event"_s).toString() == u"blob"_s)
                finalState.insert(e.value(u"digest"_s).toString(), e.value(u"state"_s).toString());
        QCOMPARE(finalState.size(), 6);
        int mounted = 0;
        for (auto it = finalState.cbegin(); it != finalState.cend(); ++it) {
            QVERIFY2(it.value() == u"mounted"_s || it.value() == u"skipped"_s,
                     qPrintable(it.key() + u" ended "_s + it.value()));
            mounted += it.value() == u"mounted"_s;
        }
        QVERIFY2(mounted > 0, "a new repository has none of the blobs: they must be mounted");
        QCOMPARE(remoteDigest(reg, reg.hostPort() + u"/other/second:v1"_s), digest);
    }

    // The sealos flow: pull into the local store under the registry's name, then `stevedore push NAME` (no
    // DESTINATION) pushes it to the registry it names, byte for byte.
    void pushFromLocalStoreWithoutDestination()
    {
        RegistryFixture reg;
        startRegistry(reg);
        const QString layout = path(u"layout"_s);
        QString error;
        const QString digest = writeTestLayout(layout, u"v1"_s,
                                               TestImageSpec{.platforms = {u"linux/amd64"_s, u"linux/arm64/v8"_s},
                                                             .gzipLayers = true, .seed = 19},
                                               &error);
        QVERIFY2(!digest.isEmpty(), qPrintable(error));
        const QString root = path(u"store"_s);
        const QString name = reg.hostPort() + u"/team/local:v1"_s;
        ProcessResult r = stevedore({u"--root"_s, root, u"pull"_s, u"--all"_s, u"-q"_s, u"oci:"_s + layout + u":v1"_s, name});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        r = stevedore({u"--root"_s, root, u"images"_s});
        QVERIFY2(r.ok() && r.out.contains("team/local"), qPrintable(describe(r)));
        r = stevedore({u"--root"_s, root, u"push"_s, u"--all"_s, u"--tls-verify=false"_s, u"--digestfile"_s,
                       path(u"out.txt"_s), name});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(QString::fromUtf8(readFileBytes(path(u"out.txt"_s))).trimmed(), digest);
        QCOMPARE(remoteDigest(reg, name), digest);
    }

    // Ctrl-C in the middle of an upload: exit 130, and the destination has no tag (nothing half-written).
    void interruptLeavesNoTag()
    {
        RegistryFixture reg;
        startRegistry(reg);
        const QString layout = path(u"layout"_s);
        QString error;
        const QString digest = writeTestLayout(layout, u"v1"_s,
                                               TestImageSpec{.layersPerPlatform = 2, .layerSize = 32 * 1024 * 1024,
                                                             .gzipLayers = false, .seed = 20},
                                               &error);
        QVERIFY2(!digest.isEmpty(), qPrintable(error));
        const QString interrupted = interruptWhileUploading(
            m_cli,
            {u"push"_s, u"--all"_s, u"--tls-verify=false"_s, u"--progress=json"_s, u"oci:"_s + layout + u":v1"_s,
             u"docker://"_s + reg.hostPort() + u"/team/interrupted:v1"_s},
            m_env);
        QVERIFY2(interrupted.isEmpty(), qPrintable(interrupted));
        QVERIFY(!remoteRaw(reg, reg.hostPort() + u"/team/interrupted:v1"_s).ok());
    }

    void quietPrintsNothing()
    {
        RegistryFixture reg;
        startRegistry(reg);
        const QString layout = path(u"layout"_s);
        QString error;
        const QString digest = writeTestLayout(layout, u"v1"_s, TestImageSpec{.gzipLayers = true, .seed = 15}, &error);
        QVERIFY2(!digest.isEmpty(), qPrintable(error));
        const ProcessResult r = stevedore({u"push"_s, u"-q"_s, u"--all"_s, u"--tls-verify=false"_s,
                                           u"oci:"_s + layout + u":v1"_s,
                                           u"docker://"_s + reg.hostPort() + u"/team/quiet:v1"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.out, QByteArray());
        QVERIFY2(r.err.trimmed().isEmpty(), r.err.constData()); // a success has nothing to warn about here
        QCOMPARE(remoteDigest(reg, reg.hostPort() + u"/team/quiet:v1"_s), digest);
    }

    // TLS with a self-signed CA: --cert-dir trusts it; without it the push fails with a certificate error and
    // writes nothing.
    void tlsNeedsCertDir()
    {
        RegistryFixture reg(RegistryOptions{.tls = true});
        startRegistry(reg);
        const QString layout = path(u"layout"_s);
        QString error;
        const QString digest = writeTestLayout(layout, u"v1"_s, TestImageSpec{.gzipLayers = true, .seed = 16}, &error);
        QVERIFY2(!digest.isEmpty(), qPrintable(error));
        const QString src = u"oci:"_s + layout + u":v1"_s;

        ProcessResult r = stevedore({u"push"_s, u"--all"_s, src, u"docker://"_s + reg.hostPort() + u"/team/untrusted:v1"_s},
                                    60000);
        QVERIFY2(!r.ok() && !r.timedOut, qPrintable(describe(r)));
        QVERIFY2(QString::fromUtf8(r.err).contains(u"certificate"_s, Qt::CaseInsensitive), qPrintable(describe(r)));
        QVERIFY(!remoteRaw(reg, reg.hostPort() + u"/team/untrusted:v1"_s).ok());

        r = stevedore({u"push"_s, u"--all"_s, u"-q"_s, u"--cert-dir"_s, reg.certDir(), src,
                       u"docker://"_s + reg.hostPort() + u"/team/app:v1"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        // Nothing on stderr: in particular no TLS-backend warning from the worker threads' first TLS handshakes.
        QVERIFY2(r.err.trimmed().isEmpty(), r.err.constData());
        QCOMPARE(remoteDigest(reg, reg.hostPort() + u"/team/app:v1"_s), digest);
    }

    // A registry that requires client certificates: --cert-dir's client.cert/client.key pair is presented
    // (containers' certs.d layout); a folder with the CA alone is refused.
    void tlsClientCertificates()
    {
        RegistryFixture reg(RegistryOptions{.tls = true, .clientCerts = true});
        startRegistry(reg);
        const QString layout = path(u"layout"_s);
        QString error;
        const QString digest = writeTestLayout(layout, u"v1"_s, TestImageSpec{.gzipLayers = true, .seed = 22}, &error);
        QVERIFY2(!digest.isEmpty(), qPrintable(error));
        const QString src = u"oci:"_s + layout + u":v1"_s;
        const QString onlyCa = path(u"only-ca"_s);
        QVERIFY(QDir().mkpath(onlyCa));
        QVERIFY(QFile::copy(reg.caFile(), onlyCa + u"/ca.crt"_s));

        ProcessResult r = stevedore({u"push"_s, u"--all"_s, u"--retry"_s, u"0"_s, u"--cert-dir"_s, onlyCa, src,
                                     u"docker://"_s + reg.hostPort() + u"/team/nocert:v1"_s}, 60000);
        QVERIFY2(!r.ok() && !r.timedOut, qPrintable(describe(r)));
        qInfo("without a client certificate: %s", r.err.trimmed().constData());
        QVERIFY(!r.err.trimmed().isEmpty());
        QVERIFY(!remoteRaw(reg, reg.hostPort() + u"/team/nocert:v1"_s).ok());

        r = stevedore({u"push"_s, u"--all"_s, u"--cert-dir"_s, reg.certDir(), src,
                       u"docker://"_s + reg.hostPort() + u"/team/app:v1"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(remoteDigest(reg, reg.hostPort() + u"/team/app:v1"_s), digest);
    }

    // A plain-http registry is only used with --tls-verify=false: no silent fallback from https to http.
    void noSilentHttpFallback()
    {
        RegistryFixture reg;
        startRegistry(reg);
        const QString layout = path(u"layout"_s);
        QString error;
        const QString digest = writeTestLayout(layout, u"v1"_s, TestImageSpec{.gzipLayers = true, .seed = 17}, &error);
        QVERIFY2(!digest.isEmpty(), qPrintable(error));
        const ProcessResult r = stevedore({u"push"_s, u"--all"_s, u"oci:"_s + layout + u":v1"_s,
                                           u"docker://"_s + reg.hostPort() + u"/team/app:v1"_s}, 60000);
        QVERIFY2(!r.ok() && !r.timedOut, qPrintable(describe(r)));
        QVERIFY(!r.err.trimmed().isEmpty());
        QVERIFY(!remoteRaw(reg, reg.hostPort() + u"/team/app:v1"_s).ok());
    }
};

QTEST_GUILESS_MAIN(TestPushRegistry)
#include "tst_push_registry.moc"
