// An auth file being saved survives SIGKILL: `stevedore logout` of one key from a large auth file is killed at
// random moments, many times; after each kill the file is the old one or the new one, whole, and mode 0600.
#include "support/e2e.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace stevedore::test;

class TestAuthSafety : public QObject
{
    Q_OBJECT

private:
    QString m_cli = qEnvironmentVariableIsEmpty("STEVEDORE_CLI") ? QString::fromUtf8(STEVEDORE_CLI_PATH)
                                                                 : qEnvironmentVariable("STEVEDORE_CLI");

    static QSet<QString> keysOf(const QString &path, QString *problem)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            *problem = u"cannot open"_s;
            return {};
        }
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
        if (pe.error != QJsonParseError::NoError) {
            *problem = u"not whole JSON: "_s + pe.errorString();
            return {};
        }
        const QStringList keys = doc.object().value("auths"_L1).toObject().keys();
        return QSet<QString>(keys.begin(), keys.end());
    }

private slots:
    void killedWhileSaving()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QProcessEnvironment env = isolatedEnvironment(tmp.filePath(u"home"_s));
        const QString file = tmp.filePath(u"auth/auth.json"_s);
        QDir().mkpath(QFileInfo(file).absolutePath());
        // ~4 MB of entries: parsing, writing and fsyncing it takes long enough to be killed in the middle.
        QJsonObject auths;
        const int n = 30000;
        for (int i = 0; i < n; ++i)
            auths.insert(u"registry%1.example/team/app"_s.arg(i),
                         QJsonObject{{u"auth"_s, QString::fromLatin1((u"user%1:password-%1-"_s.arg(i) + QString(40, u'x')).toUtf8().toBase64())}});
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QJsonDocument(QJsonObject{{u"auths"_s, auths}, {u"credHelpers"_s, QJsonObject{{u"gcr.io"_s, u"gcloud"_s}}}}).toJson());
        }
        QVERIFY(QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner));

        QString problem;
        QSet<QString> keys = keysOf(file, &problem);
        QCOMPARE(keys.size(), n);
        // Calibration: one whole logout, to know how long a run takes on this machine and build (sanitizers make
        // it several times slower); the kills are spread over 0 to 1.5 times that.
        QElapsedTimer one;
        one.start();
        {
            const QString last = u"registry%1.example/team/app"_s.arg(n - 1);
            const ProcessResult r = runProcess(m_cli, {u"logout"_s, u"--authfile"_s, file, last}, 60000, env);
            QVERIFY2(r.ok(), r.err.constData());
            keys.remove(last);
        }
        const int window = int(one.elapsed() * 3 / 2) + 1;
        qInfo("a whole run takes %lld ms; kills within %d ms", qint64(one.elapsed()), window);
        int killed = 0, finished = 0;
        QElapsedTimer total;
        total.start();
        for (int round = 0; round < 50 && total.elapsed() < 120000; ++round) {
            const QString victim = u"registry%1.example/team/app"_s.arg(round);
            QProcess p;
            p.setProcessEnvironment(env);
            p.start(m_cli, {u"logout"_s, u"--authfile"_s, file, victim});
            QVERIFY(p.waitForStarted(10000));
            // Kill somewhere between start-up and the end of the save.
            const int delay = int(QRandomGenerator::global()->bounded(window));
            if (!p.waitForFinished(delay)) {
                ::kill(pid_t(p.processId()), SIGKILL);
                p.waitForFinished(10000);
                if (p.exitStatus() == QProcess::CrashExit)
                    ++killed;
                else
                    ++finished;
            } else {
                ++finished;
            }
            const QSet<QString> now = keysOf(file, &problem);
            QVERIFY2(problem.isEmpty(), qPrintable(u"round %1 (killed after %2 ms): %3"_s.arg(round).arg(delay).arg(problem)));
            QSet<QString> expectedNew = keys;
            expectedNew.remove(victim);
            QVERIFY2(now == keys || now == expectedNew,
                     qPrintable(u"round %1: %2 keys, neither the old %3 nor the new %4"_s.arg(round).arg(now.size())
                                    .arg(keys.size()).arg(expectedNew.size())));
            QCOMPARE(fileMode(file), 0600);
            keys = now;
        }
        const QStringList left = QDir(QFileInfo(file).absolutePath()).entryList(QDir::Files | QDir::Hidden);
        for (const QString &name : left) {
            if (name == "auth.json"_L1)
                continue;
            // A save killed before its rename leaves its temporary file: hidden, private, never the auth file.
            QVERIFY2(name.startsWith(".auth.json"_L1), qPrintable(name));
            QCOMPARE(fileMode(QFileInfo(file).absolutePath() + u'/' + name) & 077, 0);
        }
        qInfo("%d runs killed before they ended, %d ended on their own; files in the folder: %d (a killed save may "
              "leave its temporary file, never a broken auth.json)", killed, finished, int(left.size()));
        QVERIFY2(killed >= 5, "too few runs were killed in the middle for this test to mean anything");
        QVERIFY2(finished >= 1, "no run ever finished: the kill window is too short to reach the save");
        QVERIFY(keys.size() < n); // some logouts went through
    }
};

QTEST_GUILESS_MAIN(TestAuthSafety)
#include "tst_authsafety.moc"
