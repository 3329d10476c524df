#pragma once
// Helpers of tst_registrybrowser and tst_registrybrowser_ui (header-only, part of no library): the temporary HOME
// they run in, Debian's docker-registry on loopback (RegistryFixture) filled by skopeo and the engine's registry
// client, and waiting for a fetch of the tree model.

#include "credentialdialog.h"
#include "credentialsmodel.h"
#include "i18n.h"
#include "pushqueuedock.h"
#include "registrybrowser.h"
#include "registrytreemodel.h"

#include "registry/registryclient.h"
#include "support/loopbackserver.h"
#include "support/e2e.h"
#include "support/testsupport.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QTreeWidget>
#include <QJsonObject>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QUrlQuery>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>

using namespace Qt::StringLiterals;
using namespace stevedore;
using namespace stevedore::test;
using stevedore::models::RegistrySpec;
using stevedore::models::RegistryTreeModel;
using Kind = RegistryTreeModel::Kind;

namespace browsertest {

// Set in runSuite() before the application object exists.
inline QString g_home;
inline constexpr int kTimeoutMs = 30000;
inline constexpr int kBulkRepositories = 120;

inline Kind kindOf(const QModelIndex &i)
{
    return Kind(i.data(RegistryTreeModel::KindRole).toInt());
}

inline QStringList namesUnder(const QAbstractItemModel *m, const QModelIndex &parent)
{
    QStringList out;
    for (int r = 0; r < m->rowCount(parent); ++r) {
        const QModelIndex i = m->index(r, 0, parent);
        if (kindOf(i) != Kind::Status)
            out << i.data().toString();
    }
    return out;
}

// The registry both suites read: seed/single:v1, multi/app:v1 (an index of two platforms), del/me:v1 and :keep,
// bulk/r000…r119 and tags/many:t00…t29.
class RegistryBrowserTestBase : public QObject
{
protected:
    void cleanupRegistry() { m_reg.reset(); }
    void initRegistry(const QString &applicationName)
    {
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!g_home.isEmpty());
        QCoreApplication::setOrganizationName(u"StevedoreTest"_s);
        QCoreApplication::setApplicationName(applicationName);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, g_home + u"/settings"_s);
        QVERIFY(m_tmp.isValid());
        m_env = isolatedEnvironment(m_tmp.path() + u"/home"_s);
        m_skopeo = findTool(u"skopeo"_s);
        QVERIFY2(!m_skopeo.isEmpty(), "skopeo is needed (apt-get install skopeo)");
        QVERIFY2(!findTool(u"docker-registry"_s).isEmpty(), "docker-registry is needed (apt-get install docker-registry)");

        m_reg = std::make_unique<RegistryFixture>();
        QString error;
        QVERIFY2(m_reg->start(&error), qPrintable(error));
        const QString host = m_reg->hostPort();

        // Three images by skopeo: one manifest, an index of two platforms, and another manifest for the delete test.
        TestImageSpec single;
        single.asIndex = false;
        single.layersPerPlatform = 1;
        single.layerSize = 4096;
        QVERIFY2(!writeTestLayout(m_tmp.path() + u"/single"_s, u"v1"_s, single, &error).isEmpty(), qPrintable(error));
        TestImageSpec other = single;
        other.seed = 7;
        QVERIFY2(!writeTestLayout(m_tmp.path() + u"/other"_s, u"v1"_s, other, &error).isEmpty(), qPrintable(error));
        TestImageSpec multi;
        multi.platforms = {u"linux/amd64"_s, u"linux/arm64"_s};
        multi.layersPerPlatform = 2;
        multi.layerSize = 4096;
        QVERIFY2(!writeTestLayout(m_tmp.path() + u"/multi"_s, u"v1"_s, multi, &error).isEmpty(), qPrintable(error));
        const QList<std::pair<QString, QString>> copies = {
            {u"oci:"_s + m_tmp.path() + u"/single:v1"_s, u"seed/single:v1"_s},
            {u"oci:"_s + m_tmp.path() + u"/multi:v1"_s, u"multi/app:v1"_s},
            {u"oci:"_s + m_tmp.path() + u"/single:v1"_s, u"del/me:v1"_s},
            {u"oci:"_s + m_tmp.path() + u"/other:v1"_s, u"del/me:keep"_s},
        };
        for (const auto &[from, to] : copies) {
            const QStringList args{u"copy"_s, u"--all"_s, u"--dest-tls-verify=false"_s, from, u"docker://"_s + host + u'/' + to};
            const ProcessResult r = skopeo(args);
            QVERIFY2(r.ok(), r.err.constData());
        }
        const qint64 skopeoMs = timer.elapsed();

        // The bulk: 120 repositories, and 30 tags in one, made in-process with the engine's registry client (blob
        // mounts from seed/single and a manifest PUT each: about a millisecond a repository, where a skopeo copy each
        // would take minutes).
        auto seeded = QtConcurrent::run([host]() -> QString {
            RegistryConfig config;
            config.host = host;
            config.insecure = true;
            RegistryClient client(config);
            const CancelToken cancel;
            auto raw = client.getManifest(u"seed/single"_s, u"v1"_s, cancel);
            if (!raw)
                return raw.error().message;
            auto manifest = ImageManifest::parse(*raw);
            if (!manifest)
                return manifest.error().message;
            QList<Digest> blobs{manifest->config.digest};
            for (const Descriptor &l : std::as_const(manifest->layers))
                blobs << l.digest;
            auto put = [&](const QString &repo, const QString &tag) -> QString {
                for (const Digest &d : std::as_const(blobs)) {
                    auto m = client.mountBlob(repo, d, u"seed/single"_s, cancel);
                    if (!m)
                        return m.error().message;
                    if (!m->mounted)
                        return u"not mounted in "_s + repo;
                }
                auto p = client.putManifest(repo, tag, *raw, cancel);
                return p ? QString() : p.error().message;
            };
            for (int i = 0; i < kBulkRepositories; ++i)
                if (QString e = put(u"bulk/r%1"_s.arg(i, 3, 10, QLatin1Char('0')), u"latest"_s); !e.isEmpty())
                    return e;
            for (int i = 0; i < 30; ++i)
                if (QString e = put(u"tags/many"_s, u"t%1"_s.arg(i, 2, 10, QLatin1Char('0'))); !e.isEmpty())
                    return e;
            return {};
        });
        seeded.waitForFinished();
        QVERIFY2(seeded.result().isEmpty(), qPrintable(seeded.result()));
        m_singleDigest = skopeoDigest(u"docker://"_s + host + u"/seed/single:v1"_s);
        QVERIFY2(m_singleDigest.startsWith(u"sha256:"_s), qPrintable(m_singleDigest));
        qInfo("set-up: %lld ms (skopeo copies %lld ms, %d repositories in-process %lld ms)", timer.elapsed(), skopeoMs,
              kBulkRepositories + 1, timer.elapsed() - skopeoMs);
    }

    bool fetchAndWait(RegistryTreeModel &model, const QModelIndex &parent, bool expectOk = true)
    {
        if (!model.canFetchMore(parent)) {
            qWarning() << "nothing to fetch under" << parent.data();
            return false;
        }
        QSignalSpy done(&model, &RegistryTreeModel::fetchFinished);
        const QPersistentModelIndex p(parent);
        bool sawLoading = false;
        const auto watch = connect(&model, &QAbstractItemModel::rowsInserted, &model,
                                   [&](const QModelIndex &in, int first, int last) {
            if (in != p)
                return;
            for (int r = first; r <= last; ++r) {
                const QModelIndex i = model.index(r, 0, in);
                sawLoading = sawLoading
                             || (kindOf(i) == Kind::Status
                                 && RegistryTreeModel::StatusKind(i.data(RegistryTreeModel::StatusKindRole).toInt())
                                        == RegistryTreeModel::StatusKind::Loading);
            }
        });
        model.fetchMore(parent);
        // While it runs: marked loading, no second fetch offered, and a "Loading…" row shows.
        if (RegistryTreeModel::State(p.data(RegistryTreeModel::StateRole).toInt()) != RegistryTreeModel::State::Loading
            || model.canFetchMore(p)) {
            qWarning() << "a second fetch is offered while one runs";
            return false;
        }
        const bool ended = done.wait(kTimeoutMs) || !done.isEmpty();
        disconnect(watch);
        if (!ended) {
            qWarning() << "the fetch did not end";
            return false;
        }
        if (!sawLoading) {
            qWarning() << "no Loading… row while fetching";
            return false;
        }
        if (done.constFirst().at(1).toBool() != expectOk) {
            qWarning() << "fetch ok:" << done.constFirst().at(1).toBool() << model.statusIndex(p).data();
            return false;
        }
        return true;
    }

    QString skopeoDigest(const QString &reference)
    {
        const ProcessResult r = skopeo({u"inspect"_s, u"--tls-verify=false"_s, reference});
        if (!r.ok())
            return u"skopeo failed: "_s + QString::fromUtf8(r.err);
        return QJsonDocument::fromJson(r.out).object().value(u"Digest"_s).toString();
    }

    ProcessResult skopeo(const QStringList &args)
    {
        return runProcess(m_skopeo, QStringList{u"--insecure-policy"_s} + args, 120000, m_env);
    }
    RegistrySpec spec() const
    {
        RegistrySpec s;
        s.host = m_reg->hostPort();
        s.tlsVerify = false;
        return s;
    }

    std::unique_ptr<RegistryFixture> m_reg;
    QTemporaryDir m_tmp;
    QProcessEnvironment m_env;
    QString m_skopeo;
    QString m_singleDigest;
};

template <typename Suite>
inline int runSuite(int argc, char **argv)
{
    QTemporaryDir home;
    if (!home.isValid())
        return 1;
    g_home = home.path();
    stevedore::test::useIsolatedEnvironment(g_home); // HOME, XDG_*, DOCKER_CONFIG inside it; no REGISTRY_AUTH_FILE
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    Suite tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

} // namespace browsertest
