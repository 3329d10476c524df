// End to end: the compression options of `stevedore push` (--compression-format, --compression-level, -D) against
// Debian's docker-registry, with skopeo, zstd and gzip as the oracles; the blob-info cache's variants per format and
// level; and layers that are broken in every way a decompressing push can meet, each refused naming the layer with
// nothing tagged.
#include "support/clitest.h"
#include "support/e2e.h"
#include "support/testsupport.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <zlib.h>
#include <zstd.h>

using namespace Qt::StringLiterals;
using namespace stevedore::test;

namespace {

QByteArray zstdOf(const QByteArray &data)
{
    QByteArray out(qsizetype(ZSTD_compressBound(size_t(data.size()))), Qt::Uninitialized);
    const size_t n = ZSTD_compress(out.data(), size_t(out.size()), data.constData(), size_t(data.size()), 3);
    if (ZSTD_isError(n))
        return {};
    out.truncate(qsizetype(n));
    return out;
}

QByteArray zstdDecode(const QByteArray &data)
{
    const unsigned long long size = ZSTD_getFrameContentSize(data.constData(), size_t(data.size()));
    if (size == ZSTD_CONTENTSIZE_ERROR)
        return {};
    ZSTD_DStream *d = ZSTD_createDStream();
    QByteArray out;
    QByteArray buf(1 << 20, Qt::Uninitialized);
    ZSTD_inBuffer in{data.constData(), size_t(data.size()), 0};
    size_t rc = 1;
    while (in.pos < in.size) {
        ZSTD_outBuffer ob{buf.data(), size_t(buf.size()), 0};
        rc = ZSTD_decompressStream(d, &ob, &in);
        if (ZSTD_isError(rc))
            break;
        out.append(buf.constData(), qsizetype(ob.pos));
    }
    ZSTD_freeDStream(d);
    return ZSTD_isError(rc) || rc != 0 ? QByteArray() : out;
}

const QString kOciLayer = u"application/vnd.oci.image.layer.v1.tar"_s;

} // namespace

class TestPushCompression : public QObject, public LayoutCliTest
{
    Q_OBJECT

    QString m_zstd;

    static QString hostPlatform() { return u"linux/"_s + hostPlatformArchitecture(); }

    // Two compressible layers (text in a tar), stored as `how`: "plain", "gzip" or "zstd".
    QString writeTextLayout(const QString &dir, const QString &how, quint32 seed, QStringList *diffIds)
    {
        QList<TestLayer> layers;
        for (int i = 0; i < 2; ++i) {
            const QByteArray tar = makeTestTar("doc/part" + QByteArray::number(i) + ".txt",
                                               wordyText(3 * 1024 * 1024 + 1000 * i, seed + quint32(i)));
            const QString diffId = sha256Digest(tar);
            diffIds->append(diffId);
            if (how == u"gzip"_s)
                layers.append({zlibGzipBytes(tar), kOciLayer + u"+gzip"_s, diffId});
            else if (how == u"zstd"_s)
                layers.append({zstdOf(tar), kOciLayer + u"+zstd"_s, diffId});
            else
                layers.append({tar, kOciLayer, diffId});
        }
        QString error;
        const QString digest = writeLayersLayout(dir, u"v1"_s, hostPlatform(), layers, &error);
        if (digest.isEmpty())
            qWarning("%s", qPrintable(error));
        return digest;
    }

    // The final state of every blob of a --progress=json run, by source digest.
    static QHash<QString, QString> finalStates(const QByteArray &out, QSet<QString> *everState = nullptr)
    {
        QHash<QString, QString> states;
        for (const QByteArray &line : out.split('\n')) {
            const QJsonObject e = QJsonDocument::fromJson(line).object();
            if (e.value(u"event"_s).toString() != u"blob"_s)
                continue;
            states.insert(e.value(u"digest"_s).toString(), e.value(u"state"_s).toString());
            if (everState)
                everState->insert(e.value(u"digest"_s).toString() + u' ' + e.value(u"state"_s).toString());
        }
        return states;
    }

    static QStringList layerDigests(const QJsonObject &manifest)
    {
        QStringList out;
        for (const QJsonValue &l : manifest.value(u"layers"_s).toArray())
            out.append(l.toObject().value(u"digest"_s).toString());
        return out;
    }

    // The tag is nowhere at the registry.
    static bool tagAbsent(const RegistryFixture &reg, const QString &repo, const QString &tag, QString *why)
    {
        const int status = httpGetStatus(reg.hostPort(), u"/v2/%1/manifests/%2"_s.arg(repo, tag), {}, {}, {}, why);
        if (status != 404 && why->isEmpty())
            *why = u"GET the tag answered %1"_s.arg(status);
        return status == 404;
    }

private slots:
    void initTestCase()
    {
        if (!QFileInfo(m_cli).isExecutable())
            QFAIL(qPrintable(u"the stevedore CLI is missing at %1 (build the 'stevedore' target)"_s.arg(m_cli)));
        m_skopeo = findTool(u"skopeo"_s);
        m_zstd = findTool(u"zstd"_s);
        if (m_skopeo.isEmpty() || m_zstd.isEmpty() || findTool(u"docker-registry"_s).isEmpty())
            QFAIL("skopeo, zstd or docker-registry is missing: run scripts/install-deps.sh --test");
    }

    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_env = isolatedEnvironment(path(u"home"_s));
    }

    void cleanup() { m_tmp.reset(); }

    // Each source format pushed with each option: media types, diff_ids and the config stay right; the layers decode
    // with the reference tools (zstd -d, zlib) to their diff_ids; skopeo copies the image back.
    void formatsRoundTrip_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("expected"); // media type suffix: "", "+gzip", "+zstd"
        QTest::addColumn<bool>("asIs");        // the layers go unchanged
        QTest::newRow("plain -> zstd") << u"plain"_s << QStringList{u"--compression-format"_s, u"zstd"_s} << u"+zstd"_s << false;
        QTest::newRow("gzip -> zstd 19") << u"gzip"_s
                                         << QStringList{u"--compression-format"_s, u"zstd"_s, u"--compression-level"_s, u"19"_s}
                                         << u"+zstd"_s << false;
        QTest::newRow("gzip -> -D") << u"gzip"_s << QStringList{u"-D"_s} << QString() << false;
        QTest::newRow("zstd -> -D") << u"zstd"_s << QStringList{u"--disable-compression"_s} << QString() << false;
        QTest::newRow("plain -> gzip 1") << u"plain"_s << QStringList{u"--compression-format"_s, u"gzip"_s, u"--compression-level"_s, u"1"_s}
                                         << u"+gzip"_s << false;
        QTest::newRow("plain -> default") << u"plain"_s << QStringList{} << u"+gzip"_s << false;
        QTest::newRow("zstd -> gzip 9") << u"zstd"_s << QStringList{u"--compression-format"_s, u"gzip"_s, u"--compression-level"_s, u"9"_s}
                                        << u"+gzip"_s << false;
        QTest::newRow("gzip -> gzip: as is") << u"gzip"_s << QStringList{u"--compression-format"_s, u"gzip"_s} << u"+gzip"_s << true;
        QTest::newRow("zstd -> zstd: as is") << u"zstd"_s << QStringList{u"--compression-format"_s, u"zstd"_s} << u"+zstd"_s << true;
    }

    void formatsRoundTrip()
    {
        QFETCH(QString, source);
        QFETCH(QStringList, options);
        QFETCH(QString, expected);
        QFETCH(bool, asIs);
        RegistryFixture reg;
        QString error;
        QVERIFY2(reg.start(&error), qPrintable(error));
        const QString layout = path(u"layout"_s);
        QStringList diffIds;
        const QString digest = writeTextLayout(layout, source, 7, &diffIds);
        QVERIFY(!digest.isEmpty());
        const QJsonObject srcManifest = readJsonObject(layoutBlobPath(layout, digest));

        const ProcessResult r = cli(QStringList{u"push"_s, u"--tls-verify=false"_s, u"-q"_s} + options
                                    + QStringList{u"oci:"_s + layout + u":v1"_s, u"docker://"_s + reg.hostPort() + u"/c/app:v1"_s},
                                    120000);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const QJsonObject m = remoteManifest(reg, u"c/app:v1"_s);
        QVERIFY(!m.isEmpty());
        QCOMPARE(m.value(u"config"_s).toObject().value(u"digest"_s), srcManifest.value(u"config"_s).toObject().value(u"digest"_s));
        const QJsonArray layers = m.value(u"layers"_s).toArray();
        QCOMPARE(layers.size(), 2);
        for (qsizetype i = 0; i < layers.size(); ++i) {
            const QJsonObject l = layers.at(i).toObject();
            QCOMPARE(l.value(u"mediaType"_s).toString(), kOciLayer + expected);
            if (asIs)
                QCOMPARE(l.value(u"digest"_s), srcManifest.value(u"layers"_s).toArray().at(i).toObject().value(u"digest"_s));
            const QByteArray blob = readFileBytes(registryBlobPath(reg, l.value(u"digest"_s).toString()));
            QCOMPARE(blob.size(), l.value(u"size"_s).toInteger());
            QCOMPARE(sha256Digest(blob), l.value(u"digest"_s).toString());
            QByteArray tar = blob;
            if (expected == u"+gzip"_s)
                tar = gunzipBytes(blob);
            else if (expected == u"+zstd"_s) {
                // libzstd and the zstd tool both read it.
                tar = zstdDecode(blob);
                const ProcessResult z = runProcess(m_zstd, {u"-dc"_s}, 60000, m_env, blob);
                QVERIFY2(z.ok(), qPrintable(describe(z)));
                QCOMPARE(sha256Digest(z.out), diffIds.at(i));
            }
            QCOMPARE(sha256Digest(tar), diffIds.at(i));
        }
        // skopeo reads it back whole, with the same diff_ids.
        const QString back = path(u"back"_s);
        const ProcessResult copy = skopeo({u"copy"_s, u"--src-tls-verify=false"_s,
                                           u"docker://"_s + reg.hostPort() + u"/c/app:v1"_s, u"oci:"_s + back + u":v1"_s});
        QVERIFY2(copy.ok(), qPrintable(describe(copy)));
        const QJsonObject config = readJsonObject(layoutBlobPath(back, m.value(u"config"_s).toObject().value(u"digest"_s).toString()));
        QCOMPARE(config.value(u"rootfs"_s).toObject().value(u"diff_ids"_s).toArray(), QJsonArray::fromStringList(diffIds));
    }

    // The cache keeps a variant per format and level: a repeated push of the uncompressed source to another
    // repository of the same registry compresses nothing and sends nothing (every layer mounted); a zstd push after
    // gzip pushes, or a gzip level 1 push after the default level, reuses nothing.
    void cacheVariantsPerFormatAndLevel()
    {
        RegistryFixture reg;
        QString error;
        QVERIFY2(reg.start(&error), qPrintable(error));
        const QString layout = path(u"layout"_s);
        QStringList diffIds;
        const QString digest = writeTextLayout(layout, u"plain"_s, 21, &diffIds);
        QVERIFY(!digest.isEmpty());
        const QStringList srcLayers = layerDigests(readJsonObject(layoutBlobPath(layout, digest)));
        struct Push {
            QString repo;
            QStringList options;
            bool reuses;       // every layer mounted or skipped, none uploaded
            QString sameAs;    // the repository whose layers it must have ("" = none to compare)
            QString differsFrom;
        };
        const QList<Push> pushes{
            {u"r/first"_s, {}, false, {}, {}},
            {u"r/second"_s, {}, true, u"r/first"_s, {}},
            {u"r/zstd"_s, {u"--compression-format"_s, u"zstd"_s}, false, {}, u"r/first"_s},
            {u"r/zstd2"_s, {u"--compression-format"_s, u"zstd"_s}, true, u"r/zstd"_s, {}},
            {u"r/zstd7"_s, {u"--compression-format"_s, u"zstd"_s, u"--compression-level"_s, u"7"_s}, false, {}, u"r/zstd"_s},
            {u"r/fast"_s, {u"--compression-level"_s, u"1"_s}, false, {}, u"r/first"_s},
            {u"r/again"_s, {u"--compression-format"_s, u"gzip"_s, u"--compression-level"_s, u"3"_s}, true, u"r/first"_s, {}},
        };
        QHash<QString, QStringList> pushed;
        for (const Push &p : pushes) {
            const ProcessResult r = cli(QStringList{u"push"_s, u"--tls-verify=false"_s, u"--progress=json"_s} + p.options
                                        + QStringList{u"oci:"_s + layout + u":v1"_s, u"docker://"_s + reg.hostPort() + u'/' + p.repo + u":v1"_s},
                                        120000);
            QVERIFY2(r.ok(), qPrintable(p.repo + u": "_s + describe(r)));
            QSet<QString> ever;
            const QHash<QString, QString> states = finalStates(r.out, &ever);
            for (const QString &layer : srcLayers) {
                QVERIFY2(states.contains(layer), qPrintable(p.repo + u": no progress for "_s + layer));
                const QString s = states.value(layer);
                if (p.reuses) {
                    QVERIFY2(s == u"mounted"_s || s == u"skipped"_s, qPrintable(p.repo + u": "_s + layer + u" ended "_s + s));
                    QVERIFY2(!ever.contains(layer + u" uploading"_s), qPrintable(p.repo + u": "_s + layer + u" was read and sent"_s));
                } else {
                    QVERIFY2(s == u"done"_s, qPrintable(p.repo + u": "_s + layer + u" ended "_s + s + u" (a wrong variant reused?)"_s));
                }
            }
            pushed.insert(p.repo, layerDigests(remoteManifest(reg, p.repo + u":v1"_s)));
            QCOMPARE(pushed.value(p.repo).size(), 2);
            if (!p.sameAs.isEmpty())
                QCOMPARE(pushed.value(p.repo), pushed.value(p.sameAs));
            if (!p.differsFrom.isEmpty())
                for (const QString &d : pushed.value(p.repo))
                    QVERIFY2(!pushed.value(p.differsFrom).contains(d), qPrintable(p.repo + u" reused " + d));
        }
    }

    // Options that make no sense are refused before anything is read or sent, in one line naming the option.
    void badOptions_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("brotli") << QStringList{u"--compression-format"_s, u"brotli"_s} << u"brotli"_s;
        QTest::newRow("gzip level 10") << QStringList{u"--compression-level"_s, u"10"_s} << u"--compression-level"_s;
        QTest::newRow("gzip level 0") << QStringList{u"--compression-format"_s, u"gzip"_s, u"--compression-level"_s, u"0"_s}
                                      << u"--compression-level"_s;
        QTest::newRow("zstd level 23") << QStringList{u"--compression-format"_s, u"zstd"_s, u"--compression-level"_s, u"23"_s}
                                       << u"zstd"_s;
        QTest::newRow("level not a number") << QStringList{u"--compression-level"_s, u"fast"_s} << u"fast"_s;
        QTest::newRow("-D with a format") << QStringList{u"-D"_s, u"--compression-format"_s, u"gzip"_s}
                                          << u"--compression-format"_s;
        QTest::newRow("-D with a level") << QStringList{u"-D"_s, u"--compression-level"_s, u"3"_s} << u"--compression-level"_s;
        QTest::newRow("zstd in docker v2s2") << QStringList{u"--compression-format"_s, u"zstd"_s, u"-f"_s, u"v2s2"_s}
                                             << u"zstd"_s;
    }

    void badOptions()
    {
        QFETCH(QStringList, options);
        QFETCH(QString, mentions);
        RegistryFixture reg;
        QString error;
        QVERIFY2(reg.start(&error), qPrintable(error));
        const QString layout = path(u"layout"_s);
        QStringList diffIds;
        QVERIFY(!writeTextLayout(layout, u"plain"_s, 3, &diffIds).isEmpty());
        const ProcessResult r = cli(QStringList{u"push"_s, u"--tls-verify=false"_s} + options
                                    + QStringList{u"oci:"_s + layout + u":v1"_s, u"docker://"_s + reg.hostPort() + u"/bad/opt:v1"_s});
        const QString problem = cleanFailureProblem(r);
        QVERIFY2(problem.isEmpty(), qPrintable(problem + u"\n"_s + describe(r)));
        QVERIFY2(QString::fromUtf8(r.err).contains(mentions), qPrintable(QString::fromUtf8(r.err)));
        QString why;
        QVERIFY2(tagAbsent(reg, u"bad/opt"_s, u"v1"_s, &why), qPrintable(why));
    }

    // A source layer that cannot be decompressed to its diff_id stops the push: one line naming the layer, a
    // non-zero exit, no tag.
    void brokenLayersAreNamed_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("mentions");
        const QStringList toZstd{u"--compression-format"_s, u"zstd"_s};
        QTest::newRow("corrupt gzip, -D") << u"corrupt-gzip"_s << QStringList{u"-D"_s} << u"gzip"_s;
        QTest::newRow("corrupt gzip -> zstd") << u"corrupt-gzip"_s << toZstd << u"gzip"_s;
        QTest::newRow("truncated gzip -> zstd") << u"truncated-gzip"_s << toZstd << u"truncated"_s;
        QTest::newRow("truncated zstd -> gzip") << u"truncated-zstd"_s << QStringList{u"--compression-format"_s, u"gzip"_s}
                                                << u"truncated"_s;
        QTest::newRow("wrong diff_id, -D") << u"wrong-diffid"_s << QStringList{u"-D"_s} << u"diff_id"_s;
        QTest::newRow("wrong diff_id -> zstd") << u"wrong-diffid"_s << toZstd << u"diff_id"_s;
        QTest::newRow("zstd bomb -> gzip") << u"zstd-bomb"_s << QStringList{u"--compression-format"_s, u"gzip"_s}
                                           << u"decompression bomb"_s;
    }

    void brokenLayersAreNamed()
    {
        QFETCH(QString, kind);
        QFETCH(QStringList, options);
        QFETCH(QString, mentions);
        RegistryFixture reg;
        QString error;
        QVERIFY2(reg.start(&error), qPrintable(error));

        // A good first layer, then the broken one (stored with the digest of its broken bytes, so only decompressing
        // finds out).
        const QByteArray goodTar = makeTestTar("ok.txt", wordyText(200000, 1));
        const QByteArray tar = makeTestTar("data.txt", wordyText(2 * 1024 * 1024, 2));
        QByteArray broken;
        QString type = kOciLayer + u"+gzip"_s;
        QString diffId = sha256Digest(tar);
        if (kind == u"corrupt-gzip"_s) {
            broken = zlibGzipBytes(tar);
            for (qsizetype i = broken.size() / 3; i < broken.size() / 3 + 64; ++i)
                broken[i] = char(broken.at(i) ^ 0x5a);
        } else if (kind == u"truncated-gzip"_s) {
            broken = zlibGzipBytes(tar).chopped(5000);
        } else if (kind == u"truncated-zstd"_s) {
            broken = zstdOf(tar).chopped(5000);
            type = kOciLayer + u"+zstd"_s;
        } else if (kind == u"wrong-diffid"_s) {
            broken = zlibGzipBytes(tar);
            diffId = sha256Digest(tar + "x");
        } else if (kind == u"zstd-bomb"_s) {
            broken = zstdOf(QByteArray(512 * 1024 * 1024, '\0'));
            type = kOciLayer + u"+zstd"_s;
        }
        QVERIFY(!broken.isEmpty());
        const QString brokenDigest = sha256Digest(broken);
        const QString layout = path(u"layout"_s);
        const QString digest = writeLayersLayout(layout, u"v1"_s, hostPlatform(),
                                                 {{zlibGzipBytes(goodTar), kOciLayer + u"+gzip"_s, sha256Digest(goodTar)},
                                                  {broken, type, diffId}},
                                                 &error);
        QVERIFY2(!digest.isEmpty(), qPrintable(error));

        const ProcessResult r = cli(QStringList{u"push"_s, u"--tls-verify=false"_s, u"--retry"_s, u"2"_s} + options
                                        + QStringList{u"oci:"_s + layout + u":v1"_s, u"docker://"_s + reg.hostPort() + u"/bad/layer:v1"_s},
                                    120000);
        const QString problem = cleanFailureProblem(r);
        QVERIFY2(problem.isEmpty(), qPrintable(problem + u"\n"_s + describe(r)));
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(err.contains(brokenDigest), qPrintable(u"the error does not name the layer "_s + brokenDigest + u": "_s + err));
        QVERIFY2(err.contains(mentions), qPrintable(err));
        QString why;
        QVERIFY2(tagAbsent(reg, u"bad/layer"_s, u"v1"_s, &why), qPrintable(why));
        // Nothing was retried: a broken layer is not a temporary error.
        QVERIFY2(!err.contains(u"retry"_s, Qt::CaseInsensitive), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestPushCompression)
#include "tst_push_compression.moc"
