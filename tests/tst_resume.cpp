// End to end: resumable uploads. Debian's docker-registry is stopped in the middle of a blob — gracefully (SIGTERM:
// the request in flight is finished) and abruptly (SIGKILL) — and started again on the same port, storage and
// http.secret, several times during one `stevedore push --retry`. The push asks the session how far it got and
// continues from there (or starts only that blob again when the registry dropped the session), sends at most one
// chunk twice per interruption, and the image it leaves is byte-identical to an uninterrupted push's. Both ways a
// blob goes: compressed on the way (4 MiB chunks, each gathered first) and as it is stored (32 MiB chunks, each
// streamed as it is read).
#include "support/clitest.h"
#include "support/e2e.h"
#include "support/testsupport.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace stevedore::test;

namespace {

constexpr qint64 kChunk = 4 * 1024 * 1024;          // the docker transport's PATCH size
constexpr qint64 kStreamedChunk = 32 * 1024 * 1024; // … for a blob that goes as it is stored

// The largest upload in progress in the registry's storage (its _uploads/<uuid>/data files).
qint64 largestUpload(const QString &storage)
{
    qint64 most = 0;
    QDirIterator it(storage, {u"data"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        if (file.contains(u"/_uploads/"_s))
            most = qMax(most, QFileInfo(file).size());
    }
    return most;
}

} // namespace

class TestResume : public QObject, public LayoutCliTest
{
    Q_OBJECT

    QString m_layout;
    QString m_gzipLayout; // the same layer stored as gzip: pushed as it is, streamed

private slots:
    void initTestCase()
    {
        m_skopeo = findTool(u"skopeo"_s);
        QVERIFY2(!m_skopeo.isEmpty(), "skopeo is required (apt-get install skopeo)");
        QVERIFY2(QFileInfo(m_cli).isExecutable(), qPrintable(m_cli));
    }

    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_env = isolatedEnvironment(path(u"home"_s));
        // One uncompressed layer of 1 MiB stretches of text and random bytes (96 MiB), pushed at gzip level 9: the
        // text is slow to compress, so the upload (about 60 MiB in 4 MiB chunks) lasts long enough to be cut three
        // times, and the random stretches (stored) make it large.
        QByteArray content;
        content.reserve(96 << 20);
        for (int i = 0; content.size() < (96 << 20); ++i)
            content += i % 2 ? randomBytes(1 << 20, quint32(i)) : wordyText(1 << 20, quint32(i));
        const QByteArray tar = makeTestTar("data/mixed.bin", content);
        QString error;
        m_layout = path(u"layout"_s);
        const QString digest = writeLayersLayout(m_layout, u"v1"_s, u"linux/"_s + hostPlatformArchitecture(),
                                                 {{tar, u"application/vnd.oci.image.layer.v1.tar"_s, sha256Digest(tar)}},
                                                 &error);
        QVERIFY2(!digest.isEmpty(), qPrintable(error));
        const QString tarFile = path(u"layer.tar"_s);
        QFile f(tarFile);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(tar) == tar.size());
        f.close();
        QVERIFY(runProcess(findTool(u"gzip"_s), {u"-1"_s, u"-n"_s, tarFile}).ok());
        QFile gz(tarFile + u".gz"_s);
        QVERIFY(gz.open(QIODevice::ReadOnly));
        m_gzipLayout = path(u"gzlayout"_s);
        QVERIFY2(!writeLayersLayout(m_gzipLayout, u"v1"_s, u"linux/"_s + hostPlatformArchitecture(),
                                    {{gz.readAll(), u"application/vnd.oci.image.layer.v1.tar+gzip"_s, sha256Digest(tar)}},
                                    &error).isEmpty(),
                 qPrintable(error));
    }

    // Where the registry is stopped during one push (fractions of the layer's size) and how.
    void registryRestartedMidBlob_data()
    {
        QTest::addColumn<QList<double>>("at");
        QTest::addColumn<QList<bool>>("graceful");
        QTest::addColumn<bool>("streamed");
        QTest::newRow("graceful, abrupt, graceful") << QList<double>{0.2, 0.4, 0.6} << QList<bool>{true, false, true} << false;
        QTest::newRow("abrupt, graceful x3") << QList<double>{0.1, 0.3, 0.5, 0.7} << QList<bool>{false, true, true, true}
                                             << false;
        QTest::newRow("streamed: graceful, abrupt, graceful") << QList<double>{0.15, 0.45, 0.75}
                                                              << QList<bool>{true, false, true} << true;
    }

    void registryRestartedMidBlob()
    {
        QFETCH(QList<double>, at);
        QFETCH(QList<bool>, graceful);
        QFETCH(bool, streamed);
        RegistryFixture reg;
        QString error;
        QVERIFY2(reg.start(&error), qPrintable(error));
        const QStringList common = streamed ? QStringList{u"push"_s, u"--tls-verify=false"_s}
                                            : QStringList{u"push"_s, u"--tls-verify=false"_s, u"--compression-level"_s, u"9"_s};
        const QString layout = streamed ? m_gzipLayout : m_layout;
        const qint64 chunk = streamed ? kStreamedChunk : kChunk;

        // The reference: the same push, uninterrupted.
        const ProcessResult ref = cli(common + QStringList{u"oci:"_s + layout + u":v1"_s,
                                                           u"docker://"_s + reg.hostPort() + u"/team/reference:v1"_s}, 120000);
        QVERIFY2(ref.ok(), qPrintable(describe(ref)));
        const QJsonObject refManifest = remoteManifest(reg, u"team/reference:v1"_s);
        const QJsonArray refLayers = refManifest.value(u"layers"_s).toArray();
        QCOMPARE(refLayers.size(), 1);
        const qint64 layerSize = refLayers.at(0).toObject().value(u"size"_s).toInteger();
        QVERIFY2(layerSize > (streamed ? 3 * chunk / 2 : 12 * chunk), qPrintable(QString::number(layerSize)));

        // The interrupted push: a new repository, so that nothing can be mounted from the reference; no blob-info
        // cache of the first push either.
        QProcessEnvironment env = m_env;
        env.insert(u"XDG_CACHE_HOME"_s, path(u"cache2"_s));
        QProcess push;
        push.setProcessEnvironment(env);
        push.start(m_cli, common + QStringList{u"--retry"_s, u"40"_s, u"--retry-delay"_s, u"300ms"_s, u"--log-level"_s,
                                               u"info"_s, u"oci:"_s + layout + u":v1"_s,
                                               u"docker://"_s + reg.hostPort() + u"/team/resumed:v1"_s});
        QVERIFY(push.waitForStarted(10000));

        struct Cut {
            qint64 at;
            bool graceful;
            qint64 seen = -1; // stored bytes when it was made
        };
        QList<Cut> cuts;
        for (qsizetype i = 0; i < at.size(); ++i)
            cuts.append({qint64(double(layerSize) * at[i]), graceful[i]});
        const auto gracefulCuts = std::count(graceful.begin(), graceful.end(), true);
        QElapsedTimer timer;
        timer.start();
        for (Cut &cut : cuts) {
            while (push.state() != QProcess::NotRunning && timer.elapsed() < 120000) {
                const qint64 stored = largestUpload(reg.storageDir());
                if (stored >= cut.at) {
                    cut.seen = stored;
                    break;
                }
                push.waitForFinished(3);
            }
            if (cut.seen < 0)
                break;
            // Down for 1.5 s: the push meets it (connection refused) and retries every 300 ms meanwhile.
            QVERIFY2(reg.restart(cut.graceful, &error, 1500), qPrintable(error));
            qInfo("%s stop at %lld stored bytes, registry back after %lld ms", cut.graceful ? "graceful" : "abrupt",
                  cut.seen, timer.elapsed());
        }
        QVERIFY(push.waitForFinished(120000));
        const QByteArray err = push.readAllStandardError();
        const QByteArray out = push.readAllStandardOutput();
        QVERIFY2(push.exitStatus() == QProcess::NormalExit && push.exitCode() == 0,
                 qPrintable(u"exit %1\n%2"_s.arg(push.exitCode()).arg(QString::fromUtf8(err.right(4000)))));
        for (const Cut &cut : cuts)
            QVERIFY2(cut.seen >= 0, qPrintable(u"the push ended before the cut at %1 bytes; stderr:\n%2"_s
                                                   .arg(cut.at).arg(QString::fromUtf8(err.right(3000)))));

        // Each graceful stop left the session whole: the push resumed it, past what was stored when the registry
        // went down, and sent again at most the chunk that was travelling. An abrupt stop may cut a chunk in the
        // middle; then the registry drops the session and only this blob starts again.
        static const QRegularExpression resumedRe(u"resuming the upload of (\\S+) at byte (\\d+) of the (\\d+) sent"_s);
        QList<std::pair<qint64, qint64>> resumes;
        for (auto m = resumedRe.globalMatch(QString::fromUtf8(err)); m.hasNext();) {
            const auto hit = m.next();
            resumes.append({hit.captured(2).toLongLong(), hit.captured(3).toLongLong()});
        }
        qInfo() << "resumed at (stored, sent):" << resumes;
        const int restarts = int(err.count("cannot be resumed, starting it again"));
        qInfo("%d restart(s) of the blob", restarts);
        // A graceful stop interrupts the push only if it sends something while the registry is away (it is away for
        // 1.5 s, the push sends a chunk every 100 ms or so, but a loaded machine can stretch that): at least one of
        // them was met and resumed.
        QVERIFY2(!resumes.isEmpty(), err.right(4000).constData());
        for (const auto &[stored, sent] : resumes) {
            QVERIFY2(stored > 0 && stored <= sent, qPrintable(u"%1 of %2"_s.arg(stored).arg(sent)));
            QVERIFY2(sent - stored <= chunk, qPrintable(u"%1 bytes sent twice"_s.arg(sent - stored)));
        }
        const auto firstGraceful = std::find_if(cuts.begin(), cuts.end(), [](const Cut &c) { return c.graceful; });
        QVERIFY(firstGraceful != cuts.end());
        QVERIFY2(std::any_of(resumes.begin(), resumes.end(), [&](const auto &r) { return r.first >= firstGraceful->seen; }),
                 qPrintable(u"no resume past the %1 bytes stored at the first graceful stop"_s.arg(firstGraceful->seen)));
        QVERIFY(restarts <= at.size() - gracefulCuts); // only an abrupt stop may cost the session

        // Byte-identical to the uninterrupted push, and whole: skopeo copies it out, checking every digest.
        const QJsonObject got = remoteManifest(reg, u"team/resumed:v1"_s);
        QCOMPARE(QJsonDocument(got).toJson(QJsonDocument::Compact), QJsonDocument(refManifest).toJson(QJsonDocument::Compact));
        const ProcessResult copied = skopeo({u"copy"_s, u"--src-tls-verify=false"_s,
                                             u"docker://"_s + reg.hostPort() + u"/team/resumed:v1"_s,
                                             u"oci:"_s + path(u"back"_s) + u":v1"_s});
        QVERIFY2(copied.ok(), qPrintable(describe(copied)));
        Q_UNUSED(out);
    }
};

QTEST_GUILESS_MAIN(TestResume)
#include "tst_resume.moc"
