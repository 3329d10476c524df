// The registry browser's tree model (issue 8, "Registry browser"), offscreen, against Debian's docker-registry on
// loopback (RegistryFixture): RegistryTreeModel under QAbstractItemModelTester paging a catalog of 120+ repositories
// and a tag list lazily, an index tag's platforms and a platform's layers, the name filter and the remembered
// registries. The browser window's details, delete, errors, login and translations: tst_registrybrowser_ui.

#include "registrybrowsertest.h"

using namespace browsertest;

class TestRegistryBrowser : public RegistryBrowserTestBase
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { initRegistry(u"tst_registrybrowser"_s); }
    void cleanupTestCase() { cleanupRegistry(); }
    void modelUnderTester();
    void catalogPagesLazily();
    void tagsPageLazily();
    void indexTagShowsPlatformsAndLayers();
    void filterAndRememberedRegistries();
};

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

int main(int argc, char **argv)
{
    return runSuite<TestRegistryBrowser>(argc, argv);
}

#include "tst_registrybrowser.moc"
