// The GUI thread never blocks (issue 8's quality bar): while four 48 MiB layers push (compressed on the way) and the
// registry browser pages through a catalog of 10,000 repositories (made by the fixture in docker-registry's
// storage), a 5 ms timer on the GUI thread measures the longest stall of the event loop; above 100 ms the test
// fails (the normal build; the sanitizer build reports it only, as it does for memory bounds). The browser opens the
// registry with one page, and the rest comes only as the view scrolls: lazy paging, proved on 10,000 rows.
#include "mainwindow.h"
#include "registrybrowser.h"
#include "registrytreemodel.h"
#include "transfermodel.h"
#include "transferqueuefile.h"

#include "copy/copyjob.h"
#include "pushdialog.h"
#include "support/e2e.h"
#include "support/testsupport.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;
using stevedore::Job;
using stevedore::models::RegistryTreeModel;
using stevedore::ui::MainWindow;

namespace {

constexpr int kRepositories = 10000;
constexpr int kTickMs = 5;
constexpr qint64 kFailAboveMs = 100;

// Runs the real event loop (no QTest::qWait sleeps between rounds) until `done` or `timeoutMs`; `each` runs every
// 20 ms meanwhile.
bool runUntil(const std::function<bool()> &done, int timeoutMs, const std::function<void()> &each = {})
{
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(20);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (each)
            each();
        if (done())
            loop.quit();
    });
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    poll.start();
    deadline.start(timeoutMs);
    if (!done())
        loop.exec();
    return done();
}

} // namespace

class TestGuiStall : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    stevedore::test::RegistryFixture m_registry;
    QString m_root;
    QString m_layout;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        stevedore::test::useIsolatedEnvironment(m_tmp.filePath(u"home"_s));
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_tmp.filePath(u"settings"_s));
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_tmp.filePath(u"settings"_s));
        QCoreApplication::setOrganizationName(u"StevedoreTest"_s);
        QCoreApplication::setApplicationName(u"tst_guistall"_s);
        QString error;
        QVERIFY2(m_registry.start(&error), qPrintable(error));
        QElapsedTimer made;
        made.start();
        QVERIFY2(m_registry.addBareRepositories(u"big/r"_s, kRepositories, &error), qPrintable(error));
        qInfo("%d repositories made in the registry's storage in %lld ms", kRepositories, made.elapsed());
        m_root = m_tmp.filePath(u"storage"_s);
        stevedore::test::TestImageSpec spec;
        spec.asIndex = false;
        spec.layersPerPlatform = 4;
        spec.layerSize = 48 * 1024 * 1024;
        spec.seed = 48;
        m_layout = m_tmp.filePath(u"layouts/four"_s);
        QVERIFY2(!stevedore::test::writeTestLayout(m_layout, u"v1"_s, spec, &error).isEmpty(), qPrintable(error));
        QFile::remove(stevedore::models::TransferQueueFile::defaultPath());
    }

    void pushAndPageWithoutStalls()
    {
        MainWindow w(m_root);
        w.resize(1100, 700);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        RegistryTreeModel *model = w.registryBrowser()->model();
        // No QAbstractItemModelTester here: it re-checks rows on every insertion, and would be what is measured.
        // The same model is under the tester in tst_registrybrowser and tst_registrybrowser_ui.
        QTreeView *view = w.registryBrowser()->view();
        auto *proxy = qobject_cast<QSortFilterProxyModel *>(view->model());
        QVERIFY(proxy);
        stevedore::models::RegistrySpec spec;
        spec.host = m_registry.hostPort();
        spec.tlsVerify = false;
        const QPersistentModelIndex reg = model->addRegistry(spec, false);
        QVERIFY(reg.isValid());

        // The stall meter: the longest gap between two ticks of a 5 ms timer, minus the 5 ms.
        QElapsedTimer clock;
        qint64 longest = 0;
        qint64 ticks = 0;
        QList<qint64> gaps;
        QTimer meter;
        meter.setTimerType(Qt::PreciseTimer);
        meter.setInterval(kTickMs);
        connect(&meter, &QTimer::timeout, this, [&] {
            const qint64 gap = clock.restart();
            longest = std::max(longest, gap);
            gaps.append(gap);
            ++ticks;
        });

        // Four 48 MiB layers go out (the destination's gzip on the engine's pools).
        auto request = stevedore::ui::makePushRequest(u"oci:"_s + m_layout + u":v1"_s,
                                                      u"docker://%1/zz/push:v1"_s.arg(m_registry.hostPort()), m_root);
        QVERIFY(request.has_value());
        request->context.tlsVerify = false;
        clock.start();
        meter.start();
        // One push after another for as long as the paging goes on: each with another gzip level, so that every
        // round compresses and uploads the four layers again (the same level would find them there).
        stevedore::models::TransferModel *queue = w.transferModel();
        bool pagingDone = false;
        int level = 1;
        const int lastLevel = stevedore::test::kMemoryBoundsApply ? 9 : 2; // the sanitizer build is slower
        request->options.compression = stevedore::Compression::Gzip;
        request->options.compressionLevel = level;
        const int row = w.queuePush(*request);
        connect(queue, &stevedore::models::TransferModel::jobFinished, this,
                [&](int, Job::State state) {
                    if (pagingDone || state != Job::State::Succeeded || level >= lastLevel)
                        return;
                    auto next = *request;
                    next.options.compressionLevel = ++level;
                    next.destination = *stevedore::TransportReference::parse(
                        u"docker://%1/zz/push%2:v1"_s.arg(m_registry.hostPort()).arg(level));
                    w.queuePush(next);
                });
        QVERIFY(runUntil([&] { return queue->index(row, stevedore::models::TransferModel::Size)
                                          .data(stevedore::models::TransferModel::BytesDoneRole)
                                          .toLongLong() > 0; },
                         60000));

        // Open the registry: one page, not 10,000 rows.
        view->expand(proxy->mapFromSource(reg));
        QVERIFY(runUntil([&] { return model->rowCount(reg) >= model->pageSize(); }, 30000));
        auto repositories = [&] {
            int n = 0;
            for (int r = 0; r < model->rowCount(reg); ++r)
                n += model->index(r, 0, reg).data().toString().startsWith(u"big/r"_s) ? 1 : 0;
            return n;
        };
        QCOMPARE(repositories(), model->pageSize()); // (and, while it loads, a status row)
        // Scroll to the end, again and again: each time the view asks for the next page.
        QVERIFY(queue->stateAt(row) == Job::State::Running); // the paging starts while the layers go out
        QElapsedTimer paging;
        paging.start();
        int pagesSeen = 1;
        int lastCount = model->rowCount(reg);
        const bool all = runUntil(
            [&] { return !model->canFetchMore(reg) && model->rowCount(reg) >= kRepositories; }, 180000,
            [&] {
                view->scrollToBottom();
                if (model->rowCount(reg) != lastCount) {
                    ++pagesSeen;
                    lastCount = model->rowCount(reg);
                }
            });
        QVERIFY2(all, qPrintable(u"%1 rows after %2 ms"_s.arg(model->rowCount(reg)).arg(paging.elapsed())));
        const qint64 pagingMs = paging.elapsed();
        pagingDone = true;
        const bool pushing = queue->unfinishedCount() > 0;
        QVERIFY(runUntil([&] { return queue->unfinishedCount() == 0; }, 180000));
        meter.stop();
        qint64 pushMs = 0;
        for (int r = 0; r < queue->jobCount(); ++r) {
            QCOMPARE(queue->stateAt(r), Job::State::Succeeded);
            QCOMPARE(queue->index(r, stevedore::models::TransferModel::Size)
                         .data(stevedore::models::TransferModel::BytesTotalRole)
                         .toLongLong()
                         > 4 * 48ll * 1024 * 1024,
                     true);
            pushMs += queue->index(r, stevedore::models::TransferModel::Elapsed)
                          .data(stevedore::models::TransferModel::RawRole)
                          .toLongLong();
        }

        QSet<QString> names;
        for (int r = 0; r < model->rowCount(reg); ++r)
            names.insert(model->index(r, 0, reg).data().toString());
        QCOMPARE(repositories(), kRepositories); // (and the zz/push* the pushes made, where the catalog had them)
        QCOMPARE(names.size(), model->rowCount(reg)); // no page twice
        QVERIFY2(pagesSeen >= kRepositories / model->pageSize() / 2,
                 qPrintable(u"only %1 growth steps for %2 rows"_s.arg(pagesSeen).arg(model->rowCount(reg))));

        std::sort(gaps.begin(), gaps.end());
        const qint64 p99 = gaps.isEmpty() ? 0 : gaps.at(qsizetype(double(gaps.size() - 1) * 0.99));
        const qint64 stall = std::max<qint64>(0, longest - kTickMs);
        qInfo("paged %d rows in %lld ms in %d steps while %d pushes of 4 x 48 MiB ran (%lld ms in all; still pushing "
              "when the paging ended: %s); %lld ticks; event loop stall: longest %lld ms, 99th percentile gap %lld ms",
              model->rowCount(reg), pagingMs, pagesSeen, queue->jobCount(), pushMs, pushing ? "yes" : "no", ticks,
              stall, p99);
        if (stevedore::test::kMemoryBoundsApply)
            QVERIFY2(stall <= kFailAboveMs, qPrintable(u"the event loop stalled for %1 ms"_s.arg(stall)));
    }
};

QTEST_MAIN(TestGuiStall)
#include "tst_guistall.moc"
