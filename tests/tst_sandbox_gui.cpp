// The sandbox in the window (offscreen): with no registry known the status bar offers it; a click starts Debian's
// docker-registry off the GUI thread, adds it to the registry browser (whose catalog then lists what was pushed),
// puts the sample image in the local store, and a push of it through the queue lands in the sandbox's storage;
// Stop and closing the window stop the registry. English and Chinese texts.
#include "emptystorepage.h"
#include "i18n.h"
#include "localimagesmodel.h"
#include "mainwindow.h"
#include "pushdialog.h"
#include "registrybrowser.h"
#include "registrytreemodel.h"
#include "sandboxcontroller.h"
#include "transfermodel.h"
#include "transferqueuefile.h"

#include "copy/copyjob.h"
#include "ops/sandbox.h"
#include "ops/sandboxservice.h"
#include "support/e2e.h"
#include "support/testsupport.h"

#include <QAction>
#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QElapsedTimer>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;
using stevedore::models::RegistryTreeModel;
using stevedore::ui::MainWindow;
using stevedore::test::portAnswers;

namespace {

QString g_home;

quint16 portOf(const QString &host)
{
    return quint16(host.section(u':', -1).toUInt());
}

} // namespace

class TestSandboxGui : public QObject
{
    Q_OBJECT

private:
    QString m_root;

    QString sandboxDir() const { return g_home + u"/.local/share/stevedore/sandbox-registry"_s; }

private Q_SLOTS:
    void init() { QFile::remove(stevedore::models::TransferQueueFile::defaultPath()); } // an empty queue each time
    void initTestCase()
    {
        const QString missing = stevedore::test::missingE2ePeers(QString::fromUtf8(STEVEDORE_CLI_PATH),
                                                                 {u"docker-registry"_s});
        QVERIFY2(missing.isEmpty(), qPrintable(missing));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, g_home + u"/config"_s);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, g_home + u"/config"_s);
        QCoreApplication::setOrganizationName(u"StevedoreTest"_s);
        QCoreApplication::setApplicationName(u"tst_sandbox_gui"_s);
        m_root = g_home + u"/.local/share/stevedore/storage"_s;
        QVERIFY(stevedore::ui::installTranslators(QLocale(QLocale::English)));
    }

    void offeredStartedBrowsedPushedStopped()
    {
        MainWindow w(m_root);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        stevedore::ui::SandboxController *sandbox = w.sandbox();
        QVERIFY(sandbox);
        RegistryTreeModel *registries = w.registryBrowser()->model();
        QPushButton *offer = sandbox->offerButton();
        QVERIFY(offer);
        QTRY_VERIFY(offer->isVisible()); // no registry known in this HOME
        QCOMPARE(registries->rowCount(), 0);
        // The empty store says what to do next, with the sandbox's button, instead of a blank table.
        QTRY_VERIFY(w.emptyStorePage()->isVisible());
        QVERIFY(!w.imagesView()->isVisible());
        auto *emptySandbox = w.emptyStorePage()->findChild<QToolButton *>(u"emptyStoreSandboxButton"_s);
        QVERIFY(emptySandbox && emptySandbox->defaultAction() == sandbox->action());
        QCOMPARE(sandbox->action()->text(), u"Start &Sandbox Registry"_s);
        QVERIFY(w.findChild<QMenu *>(u"toolsMenu"_s)->actions().contains(sandbox->action()));

        // Starting never blocks the window: the click returns at once, the registry comes up on its thread.
        QElapsedTimer clickTime;
        clickTime.start();
        QTest::mouseClick(offer, Qt::LeftButton);
        QVERIFY2(clickTime.elapsed() < 200, qPrintable(u"the click took %1 ms"_s.arg(clickTime.elapsed())));
        QTRY_VERIFY_WITH_TIMEOUT(sandbox->service()->isRunning(), 30000);
        const QString host = sandbox->service()->host();
        QVERIFY(host.startsWith(u"127.0.0.1:"_s));
        QVERIFY(portAnswers(portOf(host)));
        // The service runs before its started() (queued from its thread) reaches the window: wait for that.
        QTRY_VERIFY(registries->registryIndex(host).isValid());
        QTRY_VERIFY(!offer->isVisible());
        QCOMPARE(sandbox->action()->text(), u"Stop &Sandbox Registry"_s);
        const QModelIndex registry = registries->registryIndex(host);
        QVERIFY(!registries->registrySpec(registry).tlsVerify);

        // The sample image is in the local store, shown in the images table.
        QTRY_COMPARE(w.imagesModel()->rowCount(), 1);
        QTRY_VERIFY(w.imagesView()->isVisible());
        QVERIFY(!w.emptyStorePage()->isVisible());
        QVERIFY(w.imagesModel()->index(0, 0).data().toString().contains(u"stevedore/sample"_s));

        // A push of it through the queue lands in the sandbox.
        auto request = stevedore::ui::makePushRequest(stevedore::sampleImageName(),
                                                      u"docker://%1/stevedore/sample:latest"_s.arg(host), m_root);
        QVERIFY2(request, request ? "" : qPrintable(request.error().message));
        request->context.tlsVerify = false;
        const int row = w.queuePush(*request);
        QPointer<stevedore::CopyJob> job = w.transferModel()->jobAt(row);
        QVERIFY(job);
        QTRY_VERIFY_WITH_TIMEOUT(job->state() == stevedore::Job::State::Succeeded
                                     || job->state() == stevedore::Job::State::Failed,
                                 30000);
        QVERIFY2(job->state() == stevedore::Job::State::Succeeded,
                 qPrintable(job->error() ? job->error()->message : QString()));
        const QString link = QString::fromUtf8(stevedore::test::readFileBytes(
            sandboxDir() + u"/storage/docker/registry/v2/repositories/stevedore/sample/_manifests/tags/latest/current/link"_s));
        QCOMPARE(link.trimmed(), job->resultDigest().toString());

        // The browser reads the sandbox's catalog: the pushed repository is there.
        const QModelIndex reg = registries->registryIndex(host);
        if (registries->canFetchMore(reg))
            registries->fetchMore(reg);
        auto hasSample = [&] {
            for (int i = 0; i < registries->rowCount(reg); ++i)
                if (registries->index(i, 0, reg).data().toString() == u"stevedore/sample"_s)
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(hasSample(), 15000);

        // Chinese texts, then back.
        QVERIFY(stevedore::ui::installTranslators(QLocale(u"zh_CN"_s)));
        QTRY_COMPARE(sandbox->action()->text(), u"停止沙盒仓库(&S)"_s);
        QVERIFY(stevedore::ui::installTranslators(QLocale(QLocale::English)));
        QTRY_COMPARE(sandbox->action()->text(), u"Stop &Sandbox Registry"_s);

        // Stop: the registry goes, its row too, the offer comes back.
        sandbox->action()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!sandbox->service()->isRunning() && !sandbox->service()->isBusy(), 10000);
        QVERIFY(!portAnswers(portOf(host)));
        QTRY_VERIFY(!registries->registryIndex(host).isValid()); // when stopped() arrives
        QTRY_VERIFY(offer->isVisible());
        QCOMPARE(sandbox->action()->text(), u"Start &Sandbox Registry"_s);
    }

    // Closing the window stops a running sandbox (before the window is gone); the next start finds what was pushed.
    void closingTheWindowStopsIt()
    {
        quint16 port = 0;
        {
            MainWindow w(m_root);
            w.sandbox()->action()->trigger();
            QTRY_VERIFY_WITH_TIMEOUT(w.sandbox()->service()->isRunning(), 30000);
            port = portOf(w.sandbox()->service()->host());
            QVERIFY(portAnswers(port));
        }
        QVERIFY2(!portAnswers(port), "the sandbox registry outlived the window");
        stevedore::SandboxRegistry again(sandboxDir());
        auto started = again.start(stevedore::CancelToken());
        QVERIFY2(started, started ? "" : qPrintable(started.error().message));
        QCOMPARE(again.port(), port); // the same port as before, when it is free
    }
};

int main(int argc, char **argv)
{
    QTemporaryDir home;
    if (!home.isValid())
        return 1;
    g_home = home.path();
    stevedore::test::useIsolatedEnvironment(g_home);
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    TestSandboxGui tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_sandbox_gui.moc"
