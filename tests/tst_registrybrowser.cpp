// The registry browser (issue 8, "Registry browser"), offscreen, against Debian's docker-registry on loopback
// (RegistryFixture): RegistryTreeModel under QAbstractItemModelTester paging a catalog of 120+ repositories and a
// tag list lazily, an index tag's platforms and a platform's layers, the details pane (digest equal to skopeo
// inspect's, manifest and config), drag data the push queue accepts, deleting a tag (and a registry that does not
// allow it), a rejected password, an unreachable registry, the name filter and the remembered registries.
#include "credentialdialog.h"
#include "credentialsmodel.h"
#include "i18n.h"
#include "pushqueuedock.h"
#include "registrybrowser.h"
#include "registrytreemodel.h"

#include "registry/registryclient.h"
#include "support/loopbackserver.h"
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

namespace {

QString g_home;
constexpr int kTimeoutMs = 30000;
constexpr int kBulkRepositories = 120;

Kind kindOf(const QModelIndex &i)
{
    return Kind(i.data(RegistryTreeModel::KindRole).toInt());
}

QStringList namesUnder(const QAbstractItemModel *m, const QModelIndex &parent)
{
    QStringList out;
    for (int r = 0; r < m->rowCount(parent); ++r) {
        const QModelIndex i = m->index(r, 0, parent);
        if (kindOf(i) != Kind::Status)
            out << i.data().toString();
    }
    return out;
}

} // namespace

class TestRegistryBrowser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void modelUnderTester();
    void catalogPagesLazily();
    void tagsPageLazily();
    void indexTagShowsPlatformsAndLayers();
    void detailsPaneAndDrag();
    void deleteTag();
    void deleteRefusedWhereNotEnabled();
    void wrongPasswordShowsAnAuthenticationError();
    void logInFromTheErrorRow();
    void unreachableRegistryShowsAnError();
    void untrustedCertificateThenTrustedFolder();
    void filterAndRememberedRegistries();
    void chineseTranslation();

private:
    ProcessResult skopeo(const QStringList &args)
    {
        return runProcess(m_skopeo, QStringList{u"--insecure-policy"_s} + args, 120000, m_env);
    }
    QString skopeoDigest(const QString &reference);
    // Fetches the children of `parent` once and waits until that fetch is done.
    bool fetchAndWait(RegistryTreeModel &model, const QModelIndex &parent, bool expectOk = true);
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

bool TestRegistryBrowser::fetchAndWait(RegistryTreeModel &model, const QModelIndex &parent, bool expectOk)
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

QString TestRegistryBrowser::skopeoDigest(const QString &reference)
{
    const ProcessResult r = skopeo({u"inspect"_s, u"--tls-verify=false"_s, reference});
    if (!r.ok())
        return u"skopeo failed: "_s + QString::fromUtf8(r.err);
    return QJsonDocument::fromJson(r.out).object().value(u"Digest"_s).toString();
}

void TestRegistryBrowser::initTestCase()
{
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!g_home.isEmpty());
    QCoreApplication::setOrganizationName(u"StevedoreTest"_s);
    QCoreApplication::setApplicationName(u"tst_registrybrowser"_s);
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

void TestRegistryBrowser::cleanupTestCase()
{
    m_reg.reset();
}

void TestRegistryBrowser::modelUnderTester()
{
    // The tester explores every row it is shown and fetches what can be fetched: the whole registry is read, page
    // by page, tag by tag, down to the layers, with the Loading… rows coming and going; plus a repository that does
    // not exist and an unreachable registry (error rows).
    RegistryTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageSize(40);
    QElapsedTimer timer;
    timer.start();
    const QModelIndex reg = model.addRegistry(spec(), false);
    const QModelIndex missing = model.openRepository(reg, u"no/such"_s);
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    RegistrySpec down;
    down.host = u"127.0.0.1:%1"_s.arg(port);
    down.tlsVerify = false;
    const QModelIndex unreachable = model.addRegistry(down, false);
    // Until nothing loads any more and nothing more can be fetched (the tester fetches what it sees).
    std::function<int(const QModelIndex &)> busy = [&](const QModelIndex &parent) {
        int n = model.canFetchMore(parent) ? 1 : 0;
        if (RegistryTreeModel::State(parent.data(RegistryTreeModel::StateRole).toInt()) == RegistryTreeModel::State::Loading)
            ++n;
        for (int r = 0; r < model.rowCount(parent); ++r)
            n += busy(model.index(r, 0, parent));
        return n;
    };
    for (int round = 0; round < 600; ++round) {
        QTest::qWait(50);
        if (busy(reg) == 0 && busy(unreachable) == 0)
            break;
        // The tester fetches rows as they appear; a page that arrived after it looked is fetched here.
        std::function<void(const QModelIndex &)> fetch = [&](const QModelIndex &parent) {
            if (model.canFetchMore(parent))
                model.fetchMore(parent);
            for (int r = 0; r < model.rowCount(parent); ++r)
                fetch(model.index(r, 0, parent));
        };
        fetch(reg);
    }
    QCOMPARE(busy(reg), 0);
    QCOMPARE(busy(unreachable), 0);
    qInfo("the whole registry read under the tester in %lld ms", timer.elapsed());
    QCOMPARE(namesUnder(&model, reg).size(), kBulkRepositories + 5);
    // Read down to the layers: multi/app:v1 → two platforms → two layers each.
    const QModelIndex multi = model.index(int(namesUnder(&model, reg).indexOf(u"multi/app"_s)), 0, reg);
    QCOMPARE(namesUnder(&model, multi), QStringList{u"v1"_s});
    const QModelIndex index = model.index(0, 0, multi);
    QCOMPARE(namesUnder(&model, index), (QStringList{u"linux/amd64"_s, u"linux/arm64"_s}));
    QCOMPARE(model.rowCount(model.index(1, 0, index)), 2);
    QCOMPARE(kindOf(model.index(0, 0, model.index(1, 0, index))), Kind::Layer);
    QCOMPARE(ErrorCode(model.statusIndex(missing).data(RegistryTreeModel::ErrorCodeRole).toInt()), ErrorCode::NameUnknown);
    QCOMPARE(ErrorCode(model.statusIndex(unreachable).data(RegistryTreeModel::ErrorCodeRole).toInt()),
             ErrorCode::NetworkError);
    // Retried and removed under the tester too.
    QSignalSpy done(&model, &RegistryTreeModel::fetchFinished);
    model.retry(model.statusIndex(unreachable));
    QVERIFY(done.wait(kTimeoutMs));
    model.removeRegistry(unreachable);
    QCOMPARE(model.rowCount(), 1);
}

void TestRegistryBrowser::catalogPagesLazily()
{
    RegistryTreeModel model;
    model.setPageSize(50);
    const QModelIndex reg = model.addRegistry(spec(), false);
    QVERIFY(reg.isValid());
    QCOMPARE(model.rowCount(reg), 0);
    QVERIFY(model.hasChildren(reg));
    QVERIFY(model.canFetchMore(reg));

    // 4 + 120 + 1 repositories: pages of 50, 50, 25, each fetched only when asked for.
    const int total = kBulkRepositories + 5 - 1; // seed/single, multi/app, del/me, tags/many, bulk/*
    QElapsedTimer timer;
    timer.start();
    QVERIFY(fetchAndWait(model, reg));
    const qint64 firstPageMs = timer.elapsed();
    QCOMPARE(model.rowCount(reg), 50);
    QVERIFY(!model.statusIndex(reg).isValid());
    QVERIFY(model.canFetchMore(reg));
    QVERIFY(fetchAndWait(model, reg));
    QCOMPARE(model.rowCount(reg), 100);
    QVERIFY(model.canFetchMore(reg));
    QVERIFY(fetchAndWait(model, reg));
    QCOMPARE(model.rowCount(reg), total);
    QVERIFY(!model.canFetchMore(reg));
    const QStringList names = namesUnder(&model, reg);
    QCOMPARE(names.size(), total);
    QVERIFY(names.contains(u"bulk/r000"_s));
    QVERIFY(names.contains(u"bulk/r119"_s));
    QVERIFY(names.contains(u"multi/app"_s));
    QCOMPARE(QSet<QString>(names.cbegin(), names.cend()).size(), total); // no page twice
    qInfo("first page in %lld ms, all three in %lld ms", firstPageMs, timer.elapsed());

    // A tree view over it asks for the next page itself when scrolled to the end of an expanded registry.
    RegistryTreeModel model2;
    model2.setPageSize(50);
    QTreeView view;
    view.setModel(&model2);
    view.resize(400, 300);
    view.show();
    const QModelIndex reg2 = model2.addRegistry(spec(), false);
    view.expand(reg2);
    QTRY_VERIFY_WITH_TIMEOUT(model2.rowCount(reg2) >= 50, kTimeoutMs);
    view.scrollToBottom();
    QTRY_COMPARE_WITH_TIMEOUT(model2.rowCount(reg2), total, kTimeoutMs);
}

void TestRegistryBrowser::tagsPageLazily()
{
    // docker-registry 2.8 sends every tag at once (no Link), so tags/many is one page of 30.
    {
        RegistryTreeModel model;
        model.setPageSize(12);
        const QModelIndex reg = model.addRegistry(spec(), false);
        const QModelIndex repo = model.openRepository(reg, u"tags/many"_s);
        QVERIFY(repo.isValid());
        QCOMPARE(kindOf(repo), Kind::Repository);
        QCOMPARE(model.openRepository(reg, u"tags/many"_s), repo); // not twice
        QVERIFY(fetchAndWait(model, repo));
        QCOMPARE(model.rowCount(repo), 30);
        QVERIFY(!model.canFetchMore(repo));
        QCOMPARE(kindOf(model.index(0, 0, repo)), Kind::Tag);

        // A repository that does not exist: an error row, nothing more to fetch, and Retry asks again.
        const QModelIndex missing = model.openRepository(reg, u"no/such"_s);
        QVERIFY(fetchAndWait(model, missing, false));
        const QModelIndex status = model.statusIndex(missing);
        QVERIFY(status.isValid());
        QCOMPARE(ErrorCode(status.data(RegistryTreeModel::ErrorCodeRole).toInt()), ErrorCode::NameUnknown);
        QVERIFY(!model.canFetchMore(missing));
        QSignalSpy done(&model, &RegistryTreeModel::fetchFinished);
        model.retry(status);
        QVERIFY(done.wait(kTimeoutMs));
        QVERIFY(model.statusIndex(missing).isValid());
    }

    // A registry that pages its tags through Link headers and has no catalog (404, as most hosted ones): a
    // loopback server speaking just that much of the protocol.
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](const SeenRequest &r) -> Answer {
        const QByteArray json = "Content-Type: application/json\r\n";
        if (r.path == "/v2/")
            return {httpAnswer(200, json, "{}")};
        if (r.path.startsWith("/v2/_catalog"))
            return {httpAnswer(404, json, R"({"errors":[{"code":"NOT_FOUND","message":"not found"}]})")};
        if (r.path.startsWith("/v2/team/app/tags/list")) {
            const QUrlQuery q(QUrl(QString::fromLatin1(r.path)));
            const int n = q.queryItemValue(u"n"_s).toInt();
            const QString last = q.queryItemValue(u"last"_s);
            const int from = last.isEmpty() ? 0 : last.mid(1).toInt() + 1;
            QJsonArray tags;
            for (int i = from; i < qMin(from + n, 30); ++i)
                tags.append(u"t%1"_s.arg(i, 2, 10, QLatin1Char('0')));
            QByteArray headers = json;
            if (from + n < 30)
                headers += "Link: </v2/team/app/tags/list?n=" + QByteArray::number(n) + "&last=t"
                           + QByteArray::number(from + n - 1).rightJustified(2, '0') + ">; rel=\"next\"\r\n";
            const QJsonObject body{{u"name"_s, u"team/app"_s}, {u"tags"_s, tags}};
            return {httpAnswer(200, headers, QJsonDocument(body).toJson(QJsonDocument::Compact))};
        }
        return {httpAnswer(404, json, R"({"errors":[{"code":"NAME_UNKNOWN","message":"unknown"}]})")};
    });
    RegistryTreeModel model;
    model.setPageSize(12);
    RegistrySpec s;
    s.host = u"127.0.0.1:%1"_s.arg(server.port());
    s.tlsVerify = false;
    const QModelIndex reg = model.addRegistry(s, false);
    QVERIFY(fetchAndWait(model, reg));
    const QModelIndex hint = model.statusIndex(reg);
    QVERIFY(hint.isValid());
    QCOMPARE(RegistryTreeModel::StatusKind(hint.data(RegistryTreeModel::StatusKindRole).toInt()),
             RegistryTreeModel::StatusKind::NoCatalog);
    QVERIFY(hint.data().toString().contains(u"type a repository name"_s));
    QVERIFY(!model.canFetchMore(reg));
    const QModelIndex repo = model.openRepository(reg, u"team/app"_s);
    QCOMPARE(repo.row(), 0); // before the hint row
    QCOMPARE(model.rowCount(reg), 2);
    QVERIFY(fetchAndWait(model, repo));
    QCOMPARE(model.rowCount(repo), 12);
    QVERIFY(model.canFetchMore(repo));
    QVERIFY(fetchAndWait(model, repo));
    QCOMPARE(model.rowCount(repo), 24);
    QVERIFY(fetchAndWait(model, repo));
    QCOMPARE(model.rowCount(repo), 30);
    QVERIFY(!model.canFetchMore(repo));
    const QStringList tags = namesUnder(&model, repo);
    QCOMPARE(tags.constFirst(), u"t00"_s);
    QCOMPARE(tags.constLast(), u"t29"_s);
    QCOMPARE(QSet<QString>(tags.cbegin(), tags.cend()).size(), 30);

}

void TestRegistryBrowser::indexTagShowsPlatformsAndLayers()
{
    RegistryTreeModel model;
    const QModelIndex reg = model.addRegistry(spec(), false);
    const QModelIndex repo = model.openRepository(reg, u"multi/app"_s);
    QVERIFY(fetchAndWait(model, repo));
    QCOMPARE(namesUnder(&model, repo), QStringList{u"v1"_s});
    const QModelIndex tag = model.index(0, 0, repo);
    QVERIFY(fetchAndWait(model, tag));
    QCOMPARE(namesUnder(&model, tag), (QStringList{u"linux/amd64"_s, u"linux/arm64"_s}));
    const QString indexDigest = tag.data(RegistryTreeModel::DigestRole).toString();
    const ProcessResult raw = skopeo({u"inspect"_s, u"--raw"_s, u"--tls-verify=false"_s,
                                      u"docker://"_s + m_reg->hostPort() + u"/multi/app:v1"_s});
    QVERIFY(raw.ok());
    QCOMPARE(indexDigest, Digest::sha256Of(raw.out).toString());
    QVERIFY(mediatype::isIndex(tag.data(RegistryTreeModel::MediaTypeRole).toString()));

    const QModelIndex arm = model.index(1, 0, tag);
    QCOMPARE(kindOf(arm), Kind::Platform);
    QCOMPARE(arm.data(RegistryTreeModel::ImageReferenceRole).toString(),
             u"docker://"_s + m_reg->hostPort() + u"/multi/app@"_s + arm.data(RegistryTreeModel::DigestRole).toString());
    QVERIFY(fetchAndWait(model, arm));
    QCOMPARE(model.rowCount(arm), 2);
    const QModelIndex layer = model.index(0, 0, arm);
    QCOMPARE(kindOf(layer), Kind::Layer);
    QVERIFY(layer.data(RegistryTreeModel::SizeRole).toLongLong() > 0);
    QVERIFY(layer.data(RegistryTreeModel::MediaTypeRole).toString().contains(u"layer"_s));
    QVERIFY(!model.hasChildren(layer));
    QVERIFY(!model.canFetchMore(layer));
    // The arm64 image is the one skopeo inspect picks with --override-arch arm64.
    const ProcessResult inspected = skopeo({u"--override-arch"_s, u"arm64"_s, u"inspect"_s, u"--tls-verify=false"_s,
                                            u"docker://"_s + m_reg->hostPort() + u"/multi/app:v1"_s});
    QVERIFY2(inspected.ok(), inspected.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(inspected.out).object();
    QCOMPARE(o.value(u"Architecture"_s).toString(), u"arm64"_s);
}

void TestRegistryBrowser::detailsPaneAndDrag()
{
    ui::RegistryBrowser browser;
    browser.resize(900, 700);
    browser.show();
    RegistryTreeModel *model = browser.model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(browser.filterModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex reg = model->addRegistry(spec(), false);
    browser.setCurrentSourceIndex(reg);
    // Typed into the field, as for a registry without a catalog.
    auto *repoEdit = browser.findChild<QLineEdit *>(u"repositoryEdit"_s);
    QVERIFY(repoEdit);
    repoEdit->setText(u"seed/single"_s);
    QTest::keyClick(repoEdit, Qt::Key_Return);
    const QModelIndex repo = browser.currentSourceIndex();
    QCOMPARE(repo.data().toString(), u"seed/single"_s);
    QTRY_COMPARE_WITH_TIMEOUT(namesUnder(model, repo), QStringList{u"v1"_s}, kTimeoutMs); // expanded: fetched
    const QModelIndex tag = model->index(0, 0, repo);

    QSignalSpy shown(&browser, &ui::RegistryBrowser::detailsShown);
    browser.setCurrentSourceIndex(tag);
    QVERIFY(shown.wait(kTimeoutMs));
    QCOMPARE(browser.currentDigest(), m_singleDigest);
    QVERIFY(browser.manifestText().contains(u"\"layers\""_s));
    QVERIFY(browser.manifestText().contains(u"\n"_s)); // pretty
    QVERIFY(browser.configText().contains(u"linux/amd64"_s));
    QVERIFY(browser.configText().contains(u"History"_s));
    auto *copy = browser.findChild<QPushButton *>(u"copyDigestButton"_s);
    QVERIFY(copy && copy->isEnabled());
    auto *entries = browser.findChild<QTreeWidget *>(u"registryEntries"_s);
    QVERIFY(entries);
    QCOMPARE(entries->topLevelItemCount(), 2); // config + one layer, with sizes and media types
    QVERIFY(!entries->topLevelItem(1)->text(2).isEmpty());
    QVERIFY(entries->topLevelItem(1)->text(3).contains(u"layer"_s));

    // Drag: the tag row gives docker://HOST/REPO:TAG as text, which the push queue accepts.
    const QModelIndex shownTag = browser.filterModel()->mapFromSource(tag);
    std::unique_ptr<QMimeData> mime(browser.filterModel()->mimeData({shownTag}));
    QVERIFY(mime);
    const QString expected = u"docker://"_s + m_reg->hostPort() + u"/seed/single:v1"_s;
    QCOMPARE(mime->text(), expected);
    QCOMPARE(ui::PushQueueDock::referencesFrom(mime.get()), QStringList{expected});
    QVERIFY(browser.filterModel()->flags(shownTag) & Qt::ItemIsDragEnabled);
    QVERIFY(!(browser.filterModel()->flags(browser.filterModel()->mapFromSource(repo)) & Qt::ItemIsDragEnabled));

    // An index: its platforms in the pane, and the total of every platform image once their manifests are read.
    // (The testers fetch what they see, so this waits for loaded children rather than fetching once.)
    auto loaded = [model](const QModelIndex &i) {
        if (model->canFetchMore(i))
            model->fetchMore(i);
        return RegistryTreeModel::State(i.data(RegistryTreeModel::StateRole).toInt()) == RegistryTreeModel::State::Loaded;
    };
    const QModelIndex multi = model->openRepository(reg, u"multi/app"_s);
    QTRY_VERIFY_WITH_TIMEOUT(loaded(multi), kTimeoutMs);
    const QModelIndex indexTag = model->index(0, 0, multi);
    QTRY_VERIFY_WITH_TIMEOUT(loaded(indexTag), kTimeoutMs);
    shown.clear();
    browser.setCurrentSourceIndex(indexTag);
    QVERIFY(shown.wait(kTimeoutMs));
    QCOMPARE(entries->topLevelItemCount(), 2);
    QCOMPARE(entries->topLevelItem(1)->text(0), u"linux/arm64"_s);
    QVERIFY(browser.configText().contains(u"platform images"_s));
    auto *summary = browser.findChild<QLabel *>(u"registrySummary"_s);
    QTRY_VERIFY_WITH_TIMEOUT(summary->text().contains(u"every platform"_s), kTimeoutMs);
    // A platform row drags as @digest.
    const QModelIndex arm = model->index(1, 0, indexTag);
    std::unique_ptr<QMimeData> armMime(browser.filterModel()->mimeData({browser.filterModel()->mapFromSource(arm)}));
    QVERIFY(armMime);
    QCOMPARE(armMime->text(), u"docker://"_s + m_reg->hostPort() + u"/multi/app@"_s
                                  + arm.data(RegistryTreeModel::DigestRole).toString());
}

void TestRegistryBrowser::deleteTag()
{
    ui::RegistryBrowser browser;
    browser.show();
    RegistryTreeModel *model = browser.model();
    const QModelIndex reg = model->addRegistry(spec(), false);
    const QModelIndex repo = model->openRepository(reg, u"del/me"_s);
    QVERIFY(fetchAndWait(*model, repo));
    QStringList tags = namesUnder(model, repo);
    tags.sort();
    QCOMPARE(tags, (QStringList{u"keep"_s, u"v1"_s}));
    const int v1Row = namesUnder(model, repo).indexOf(u"v1"_s);
    const QString host = m_reg->hostPort();
    QVERIFY(skopeoDigest(u"docker://"_s + host + u"/del/me:v1"_s).startsWith(u"sha256:"_s));

    QSignalSpy shown(&browser, &ui::RegistryBrowser::detailsShown);
    browser.setCurrentSourceIndex(model->index(v1Row, 0, repo));
    QVERIFY(shown.wait(kTimeoutMs));
    QSignalSpy deleted(model, &RegistryTreeModel::deleteFinished);
    QSignalSpy fetched(model, &RegistryTreeModel::fetchFinished);
    // The confirmation: Cancel first (nothing happens), then Yes.
    bool asked = false;
    // Answers the message box once it shows (looking again every 20 ms, so the test never hangs in its exec()).
    std::function<void(QMessageBox::StandardButton)> answer = [&](QMessageBox::StandardButton button) {
        QTimer::singleShot(20, &browser, [&, button] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box) {
                answer(button);
                return;
            }
            asked = box->text().contains(u"del/me:v1"_s);
            box->button(button)->click();
        });
    };
    answer(QMessageBox::Cancel);
    browser.deleteCurrent();
    QVERIFY(asked);
    QTest::qWait(100);
    QCOMPARE(deleted.size(), 0);
    asked = false;
    answer(QMessageBox::Yes);
    browser.deleteCurrent();
    QVERIFY(asked);
    QVERIFY(deleted.wait(kTimeoutMs));
    QVERIFY2(deleted.constFirst().at(0).toBool(), qPrintable(deleted.constFirst().at(1).toString()));
    // The tags are read again: only "keep" is left, in the registry too.
    QTRY_COMPARE_WITH_TIMEOUT(namesUnder(model, repo), QStringList{u"keep"_s}, kTimeoutMs);
    const ProcessResult gone = skopeo({u"inspect"_s, u"--raw"_s, u"--tls-verify=false"_s,
                                       u"docker://"_s + host + u"/del/me:v1"_s});
    QVERIFY(!gone.ok());
    QVERIFY(skopeoDigest(u"docker://"_s + host + u"/del/me:keep"_s).startsWith(u"sha256:"_s));
}

void TestRegistryBrowser::deleteRefusedWhereNotEnabled()
{
    RegistryOptions o;
    o.deletes = false;
    RegistryFixture reg(o);
    QString error;
    QVERIFY2(reg.start(&error), qPrintable(error));
    const ProcessResult r = skopeo({u"copy"_s, u"--dest-tls-verify=false"_s, u"oci:"_s + m_tmp.path() + u"/single:v1"_s,
                                    u"docker://"_s + reg.hostPort() + u"/keep/me:v1"_s});
    QVERIFY2(r.ok(), r.err.constData());
    RegistryTreeModel model;
    RegistrySpec s;
    s.host = reg.hostPort();
    s.tlsVerify = false;
    const QModelIndex repo = model.openRepository(model.addRegistry(s, false), u"keep/me"_s);
    QVERIFY(fetchAndWait(model, repo));
    QSignalSpy deleted(&model, &RegistryTreeModel::deleteFinished);
    model.deleteManifest(model.index(0, 0, repo));
    QVERIFY(deleted.wait(kTimeoutMs));
    QVERIFY(!deleted.constFirst().at(0).toBool());
    const QString message = deleted.constFirst().at(1).toString();
    QVERIFY2(message.contains(u"does not allow"_s), qPrintable(message));
    QVERIFY2(!message.contains(u"--"_s), qPrintable(message));
    QVERIFY(skopeo({u"inspect"_s, u"--raw"_s, u"--tls-verify=false"_s, u"docker://"_s + reg.hostPort() + u"/keep/me:v1"_s}).ok());
}

void TestRegistryBrowser::wrongPasswordShowsAnAuthenticationError()
{
    RegistryOptions o;
    o.auth = RegistryAuth::Basic;
    RegistryFixture reg(o);
    QString error;
    QVERIFY2(reg.start(&error), qPrintable(error));
    // The credentials come from an auth file, as for a push (CredentialStore through makeRegistryClient).
    const QString authFile = m_tmp.path() + u"/wrong-auth.json"_s;
    auto writeAuth = [&](const QString &password) {
        QFile f(authFile);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QJsonObject auths{{reg.hostPort(), QJsonObject{{u"auth"_s, QString::fromLatin1((o.user + u':' + password).toUtf8().toBase64())}}}};
        f.write(QJsonDocument(QJsonObject{{u"auths"_s, auths}}).toJson());
    };
    writeAuth(u"not-the-password"_s);
    RegistryTreeModel model;
    SystemContext ctx;
    ctx.authFile = authFile;
    model.setBaseContext(ctx);
    RegistrySpec s;
    s.host = reg.hostPort();
    s.tlsVerify = false;
    const QModelIndex r = model.addRegistry(s, false);
    QVERIFY(fetchAndWait(model, r, false));
    const QModelIndex status = model.statusIndex(r);
    QVERIFY(status.isValid());
    QCOMPARE(ErrorCode(status.data(RegistryTreeModel::ErrorCodeRole).toInt()), ErrorCode::Unauthorized);
    const QString text = status.data().toString();
    QVERIFY2(text.contains(u"did not accept the login"_s), qPrintable(text));
    QVERIFY2(!text.contains(u"--"_s), qPrintable(text));
    QVERIFY(!text.contains(u"not-the-password"_s));

    // Fixed, then Retry: the repositories are listed.
    writeAuth(o.password);
    QSignalSpy done(&model, &RegistryTreeModel::fetchFinished);
    model.retry(status);
    QVERIFY(done.wait(kTimeoutMs));
    QVERIFY(done.constFirst().at(1).toBool());
    QCOMPARE(model.rowCount(r), 0); // an empty registry, and no status row
    QVERIFY(!model.statusIndex(r).isValid());
}

void TestRegistryBrowser::logInFromTheErrorRow()
{
    RegistryOptions o;
    o.auth = RegistryAuth::Basic;
    RegistryFixture reg(o);
    QString error;
    QVERIFY2(reg.start(&error), qPrintable(error));
    const QString authFile = m_tmp.path() + u"/login-auth.json"_s;
    {
        QFile f(authFile);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        const QJsonObject auths{{reg.hostPort(), QJsonObject{{u"auth"_s, QString::fromLatin1(QByteArray("alice:nope").toBase64())}}}};
        f.write(QJsonDocument(QJsonObject{{u"auths"_s, auths}}).toJson());
    }
    ui::RegistryBrowser browser;
    browser.show();
    models::CredentialsModel credentials(authFile);
    browser.setCredentialsModel(&credentials);
    RegistryTreeModel *model = browser.model();
    SystemContext ctx;
    ctx.authFile = authFile;
    model->setBaseContext(ctx);
    RegistrySpec s;
    s.host = reg.hostPort();
    s.tlsVerify = false;
    const QModelIndex r = model->addRegistry(s, false);
    QVERIFY(fetchAndWait(*model, r, false));
    browser.setCurrentSourceIndex(model->statusIndex(r));
    auto *login = browser.findChild<QPushButton *>(u"registryLoginButton"_s);
    QVERIFY(login && login->isVisible());
    QVERIFY(!browser.findChild<QPushButton *>(u"registryTrustButton"_s)->isVisible());
    login->click();
    ui::CredentialDialog *dialog = browser.loginDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->keyEdit()->text(), reg.hostPort());
    QVERIFY(dialog->verifyCheck()->isChecked());
    QVERIFY(!dialog->tlsVerifyCheck()->isChecked()); // as the registry is reached
    // A wrong password is refused by the registry: the dialog stays open, nothing is stored.
    dialog->userEdit()->setText(o.user);
    dialog->passwordEdit()->setText(u"still-wrong"_s);
    dialog->setTargetFile(authFile);
    QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), kTimeoutMs);
    QVERIFY(browser.loginDialog());
    QVERIFY(dialog->isVisible());
    // The right one: verified, stored, and the registry is read again with it.
    QSignalSpy done(model, &RegistryTreeModel::fetchFinished);
    dialog->passwordEdit()->setText(o.password);
    QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!browser.loginDialog(), kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty(), kTimeoutMs);
    QVERIFY2(done.constLast().at(1).toBool(), qPrintable(model->statusIndex(r).data(RegistryTreeModel::ErrorDetailRole).toString()));
    QVERIFY(!model->statusIndex(r).isValid());
    QVERIFY(!browser.errorPanel()->isVisible());
    QFile f(authFile);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray stored = QJsonDocument::fromJson(f.readAll()).object().value(u"auths"_s).toObject()
                                  .value(reg.hostPort()).toObject().value(u"auth"_s).toString().toLatin1();
    QCOMPARE(QByteArray::fromBase64(stored), (o.user + u':' + o.password).toUtf8());
}

void TestRegistryBrowser::unreachableRegistryShowsAnError()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    } // closed: nothing listens there now
    ui::RegistryBrowser browser;
    browser.show();
    RegistryTreeModel *model = browser.model();
    RegistrySpec s;
    s.host = u"127.0.0.1:%1"_s.arg(port);
    s.tlsVerify = false;
    const QModelIndex r = model->addRegistry(s, false);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(fetchAndWait(*model, r, false));
    qInfo("unreachable registry reported in %lld ms", timer.elapsed());
    QVERIFY(timer.elapsed() < 15000);
    const QModelIndex status = model->statusIndex(r);
    QCOMPARE(ErrorCode(status.data(RegistryTreeModel::ErrorCodeRole).toInt()), ErrorCode::NetworkError);
    QVERIFY(status.data().toString().contains(u"Cannot reach"_s));
    // In place, with Retry.
    browser.setCurrentSourceIndex(status);
    QVERIFY(browser.errorPanel()->isVisible());
    QCOMPARE(browser.errorLabel()->text(), status.data().toString());
    auto *retry = browser.findChild<QPushButton *>(u"registryRetryButton"_s);
    QVERIFY(retry && retry->isVisible());
    QVERIFY(!browser.findChild<QPushButton *>(u"registryTrustButton"_s)->isVisible());
    QSignalSpy done(model, &RegistryTreeModel::fetchFinished);
    retry->click();
    QVERIFY(done.wait(kTimeoutMs));
    QVERIFY(!done.constFirst().at(1).toBool());
    QVERIFY(model->statusIndex(r).isValid());
}

void TestRegistryBrowser::untrustedCertificateThenTrustedFolder()
{
    RegistryOptions o;
    o.tls = true;
    RegistryFixture reg(o);
    QString error;
    QVERIFY2(reg.start(&error), qPrintable(error));
    ui::RegistryBrowser browser;
    browser.show();
    RegistryTreeModel *model = browser.model();
    RegistrySpec s;
    s.host = reg.hostPort(); // certificate checks on, no folder: the fixture's CA is unknown
    const QModelIndex r = model->addRegistry(s, false);
    QVERIFY(fetchAndWait(*model, r, false));
    const QModelIndex status = model->statusIndex(r);
    QCOMPARE(ErrorCode(status.data(RegistryTreeModel::ErrorCodeRole).toInt()), ErrorCode::TlsError);
    QVERIFY(status.data().toString().contains(u"not trusted"_s));
    browser.setCurrentSourceIndex(status);
    QVERIFY(browser.errorPanel()->isVisible());
    QVERIFY(browser.findChild<QPushButton *>(u"registryTrustButton"_s)->isVisible());
    QVERIFY(!browser.findChild<QPushButton *>(u"registryLoginButton"_s)->isVisible());
    // What the button does once the folder is chosen: the registry is reached again with it, and lists (nothing).
    QSignalSpy done(model, &RegistryTreeModel::fetchFinished);
    browser.trustCertificateFolder(reg.certDir());
    QCOMPARE(model->registrySpec(r).certDir, reg.certDir());
    {
        RegistryTreeModel remembered; // the trusted folder is remembered with the registry
        remembered.loadRegistries();
        const QModelIndex again = remembered.registryIndex(reg.hostPort());
        QVERIFY(again.isValid());
        QCOMPARE(remembered.registrySpec(again).certDir, reg.certDir());
        remembered.removeRegistry(again);
    }
    QVERIFY(done.wait(kTimeoutMs));
    QVERIFY2(done.constFirst().at(1).toBool(), qPrintable(model->statusIndex(r).data(RegistryTreeModel::ErrorDetailRole).toString()));
    QCOMPARE(model->rowCount(r), 0);
    QVERIFY(!browser.errorPanel()->isVisible());
}

void TestRegistryBrowser::filterAndRememberedRegistries()
{
    {
        RegistryTreeModel model;
        model.setPageSize(200);
        const QModelIndex reg = model.addRegistry(spec(), true);
        QVERIFY(fetchAndWait(model, reg));
        models::RegistryFilterModel filter;
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSourceModel(&model);
        filter.setNameFilter(u"r01"_s);
        QCOMPARE(filter.rowCount(), 1); // the registry stays
        const QModelIndex shownReg = filter.index(0, 0);
        QStringList names;
        for (int i = 0; i < filter.rowCount(shownReg); ++i)
            names << filter.index(i, 0, shownReg).data().toString();
        QCOMPARE(names.size(), 10);
        QVERIFY(names.contains(u"bulk/r019"_s));
        filter.setNameFilter(QString());
        QCOMPARE(filter.rowCount(shownReg), model.rowCount(reg));
    }
    // A new model reads the remembered registry back, with its TLS setting.
    RegistryTreeModel again;
    again.loadRegistries();
    const QModelIndex reg = again.registryIndex(m_reg->hostPort());
    QVERIFY(reg.isValid());
    QVERIFY(!again.registrySpec(reg).tlsVerify);
    again.removeRegistry(reg);
    RegistryTreeModel third;
    third.loadRegistries();
    QVERIFY(!third.registryIndex(m_reg->hostPort()).isValid());
    QCOMPARE(RegistrySpec::fromUrl(u"http://Example.com:5000/v2/"_s)->host, u"example.com:5000"_s);
    QVERIFY(!RegistrySpec::fromUrl(u"http://Example.com:5000"_s)->tlsVerify);
    QVERIFY(RegistrySpec::fromUrl(u"quay.io"_s)->tlsVerify);
    QVERIFY(!RegistrySpec::fromUrl(u"  "_s));
    // Docker Hub's official images are opened as library/NAME (no request is made: nothing is expanded).
    RegistryTreeModel hub;
    RegistrySpec dockerHub;
    dockerHub.host = u"docker.io"_s;
    const QModelIndex hubIndex = hub.addRegistry(dockerHub, false);
    QCOMPARE(hub.openRepository(hubIndex, u"Alpine"_s).data().toString(), u"library/alpine"_s);
    QCOMPARE(hub.openRepository(hubIndex, u"team/app"_s).data().toString(), u"team/app"_s);
}

void TestRegistryBrowser::chineseTranslation()
{
    QVERIFY(ui::installTranslators(QLocale(u"zh_CN"_s)));
    ui::RegistryBrowser browser;
    auto *add = browser.findChild<QPushButton *>(u"addRegistryButton"_s);
    QVERIFY(add);
    QCOMPARE(add->text(), u"添加镜像仓库(&A)…"_s);
    Error e;
    e.code = ErrorCode::NetworkError;
    QVERIFY(RegistryTreeModel::windowMessage(e, u"h:1"_s).startsWith(u"无法连接 h:1"_s));
    // Switched back at run time, the open browser follows.
    QVERIFY(ui::installTranslators(QLocale(u"en"_s)));
    QTRY_COMPARE(add->text(), u"&Add Registry…"_s);
}

int main(int argc, char **argv)
{
    QTemporaryDir home;
    if (!home.isValid())
        return 1;
    g_home = home.path();
    QDir().mkpath(g_home + u"/run"_s);
    QFile::setPermissions(g_home + u"/run"_s, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    qputenv("HOME", g_home.toLocal8Bit());
    qputenv("XDG_RUNTIME_DIR", (g_home + u"/run"_s).toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", (g_home + u"/config"_s).toLocal8Bit());
    qputenv("XDG_DATA_HOME", (g_home + u"/data"_s).toLocal8Bit());
    qputenv("XDG_CACHE_HOME", (g_home + u"/cache"_s).toLocal8Bit());
    qputenv("DOCKER_CONFIG", (g_home + u"/docker"_s).toLocal8Bit());
    qunsetenv("REGISTRY_AUTH_FILE");
    qunsetenv("STEVEDORE_ROOT");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    TestRegistryBrowser tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_registrybrowser.moc"
