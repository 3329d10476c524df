// The credential manager (issue 7), offscreen: CredentialsModel under QAbstractItemModelTester, the problem banner
// for an auth file that does not parse, and the whole window against Debian's docker-registry with htpasswd users:
// add (refused, then stored), test login with its busy bar, explain, a more specific key, edit, export as a pull
// secret, remove — checking the auth files on disk and that no password ever shows.
#include "credentialdialog.h"
#include "credentialexportdialog.h"
#include "credentialmanager.h"
#include "credentialsmodel.h"
#include "i18n.h"
#include "mainwindow.h"
#include "transferqueuefile.h"

#include "credentialmanagertest.h"
#include "support/e2e.h"
#include "support/testsupport.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using stevedore::CredentialEntry;
using stevedore::models::CredentialsModel;
using stevedore::ui::CredentialDialog;
using stevedore::ui::CredentialManager;
using stevedore::ui::MainWindow;
using stevedore::ui::PullSecretDialog;

using namespace credentialtest;

class TestCredentialManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void modelUnderTester();
    void modelListsHelperEntries();
    void corruptAuthFileShowsABanner();
    void dockAndMenus();
    void addTestExplainRemoveAgainstTheRegistry();
    void cancellingTheDialogClearsThePassword();
    void chineseTranslation();

private:
    QString m_root;
};

void TestCredentialManager::initTestCase()
{
    QVERIFY(!g_home.isEmpty());
    QCoreApplication::setOrganizationName(u"StevedoreTest"_s);
    QCoreApplication::setApplicationName(u"tst_credentialmanager"_s);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, g_home + u"/settings"_s);
    m_root = g_home + u"/storage"_s;
    QVERIFY(QDir().mkpath(m_root));
    QVERIFY(stevedore::ui::installTranslators(QLocale(QLocale::English)));
}

void TestCredentialManager::init()
{
    QFile::remove(stevedore::models::TransferQueueFile::defaultPath()); // each test starts with an empty queue
    QSettings().clear();
    for (const QString &f : {runtimeFile(), configFile(), dockerFile()})
        QFile::remove(f);
}

void TestCredentialManager::modelUnderTester()
{
    QVERIFY(writeFile(configFile(), QJsonDocument(QJsonObject{{u"auths"_s, QJsonObject{
        {u"quay.io"_s, QJsonObject{{u"auth"_s, QString::fromLatin1(basic(u"qa"_s, u"x1"_s))}}},
        {u"quay.io/team"_s, QJsonObject{{u"auth"_s, QString::fromLatin1(basic(u"qt"_s, u"x2"_s))}}}}}}).toJson()));
    QVERIFY(writeFile(dockerFile(), QJsonDocument(QJsonObject{{u"auths"_s, QJsonObject{
        {u"quay.io"_s, QJsonObject{{u"auth"_s, QString::fromLatin1(basic(u"old"_s, u"x3"_s))}}}}}}).toJson()));

    CredentialsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.columnCount(), int(CredentialsModel::Count));
    QCOMPARE(model.headerData(CredentialsModel::Key, Qt::Horizontal).toString(), u"Key"_s);
    QCOMPARE(model.headerData(CredentialsModel::LastVerified, Qt::Horizontal).toString(), u"Last Verified"_s);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.searchPaths(), (QStringList{runtimeFile(), configFile(), dockerFile(), g_home + u"/.dockercfg"_s}));

    QSignalSpy loading(&model, &CredentialsModel::loadingChanged);
    QSignalSpy refreshed(&model, &CredentialsModel::refreshed);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.refresh();
    QVERIFY(model.isLoading()); // listed on a worker, never here
    QVERIFY(refreshed.wait(20000));
    QCOMPARE(loading.count(), 2);
    QCOMPARE(resets.count(), 1); // one reset per refresh
    QVERIFY(model.problems().isEmpty());
    QCOMPARE(model.rowCount(), 3);

    const int team = rowOfKey(&model, u"quay.io/team"_s);
    const int host = model.rowOf(u"quay.io"_s, configFile());
    const int old = model.rowOf(u"quay.io"_s, dockerFile());
    QVERIFY(team >= 0 && host >= 0 && old >= 0);
    QCOMPARE(model.index(team, CredentialsModel::User).data().toString(), u"qt"_s);
    QCOMPARE(model.index(team, CredentialsModel::Source).data().toString(), configFile());
    QCOMPARE(model.index(team, CredentialsModel::Source).data(CredentialsModel::RawRole).toString(), configFile());
    QCOMPARE(model.index(team, 0).data(CredentialsModel::FileRole).toString(), configFile());
    QCOMPARE(model.index(team, 0).data(CredentialsModel::KindRole).toInt(), int(CredentialEntry::Kind::File));
    QCOMPARE(model.index(host, CredentialsModel::ShadowedBy).data().toString(), QString());
    QVERIFY(!model.index(host, 0).data(CredentialsModel::ShadowedRole).toBool());
    // The later file's quay.io never serves anything.
    QVERIFY(model.index(old, 0).data(CredentialsModel::ShadowedRole).toBool());
    QVERIFY(model.index(old, CredentialsModel::ShadowedBy).data().toString().contains(configFile()));
    QCOMPARE(model.index(old, CredentialsModel::LastVerified).data().toString(), u"never"_s);
    QVERIFY(!model.index(old, CredentialsModel::LastVerified).data(CredentialsModel::RawRole).toDateTime().isValid());

    // No secret in any role.
    const QHash<int, QByteArray> roles = model.roleNames();
    for (int r = 0; r < model.rowCount(); ++r)
        for (int c = 0; c < model.columnCount(); ++c)
            for (auto it = roles.begin(); it != roles.end(); ++it) {
                const QString v = model.index(r, c).data(it.key()).toString();
                QVERIFY2(!v.contains(u"x1"_s) && !v.contains(u"x2"_s) && !v.contains(u"x3"_s), qPrintable(v));
            }
    // secretFor reads it, for whoever needs it for a moment.
    const auto secret = CredentialsModel::secretFor(*model.entryAt(team));
    QVERIFY(secret);
    QCOMPARE(secret->password, u"x2"_s);

    // Last verified: per key and source.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const QDateTime when = QDateTime::currentDateTime();
    model.markVerified(u"quay.io"_s, configFile(), when);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), host);
    QCOMPARE(changed.first().at(0).value<QModelIndex>().column(), int(CredentialsModel::LastVerified));
    QCOMPARE(model.index(host, CredentialsModel::LastVerified).data(CredentialsModel::RawRole).toDateTime(), when);
    QCOMPARE(model.index(host, CredentialsModel::LastVerified).data().toString(), u"just now"_s);
    QCOMPARE(model.index(old, CredentialsModel::LastVerified).data().toString(), u"never"_s);
    model.markVerified(u"quay.io"_s, dockerFile(), when.addSecs(-7200));
    QCOMPARE(model.index(old, CredentialsModel::LastVerified).data().toString(), u"2 hours ago"_s);

    // The files change; refreshes asked for while one runs give one more listing with the newest state.
    QVERIFY(QFile::remove(dockerFile()));
    resets.clear();
    refreshed.clear();
    model.refresh();
    model.refresh();
    model.refresh();
    QVERIFY(refreshed.wait(20000));
    QCOMPARE(refreshed.count(), 1);
    QVERIFY(resets.count() <= 2);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOf(u"quay.io"_s, dockerFile()), -1);
    // What was verified stays verified across refreshes.
    QCOMPARE(model.index(model.rowOf(u"quay.io"_s, configFile()), CredentialsModel::LastVerified)
                 .data(CredentialsModel::RawRole).toDateTime(), when);

    QVERIFY(QFile::remove(configFile()));
    model.refresh();
    QVERIFY(refreshed.wait(20000));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.entryAt(0));
}

void TestCredentialManager::modelListsHelperEntries()
{
    // A credsStore helper (a script in a temporary PATH folder) holding one entry.
    const QString bin = g_home + u"/bin"_s;
    QVERIFY(QDir().mkpath(bin));
    const QString helper = bin + u"/docker-credential-stvtest"_s;
    QVERIFY(writeFile(helper, "#!/bin/sh\n"
                              "case \"$1\" in\n"
                              "  list) echo '{\"helped.example\":\"helperuser\"}' ;;\n"
                              "  get) read server\n"
                              "       if [ \"$server\" = helped.example ]; then\n"
                              "         echo '{\"ServerURL\":\"helped.example\",\"Username\":\"helperuser\",\"Secret\":\"h3lper\"}'\n"
                              "       else echo 'credentials not found in native keychain'; exit 1; fi ;;\n"
                              "  *) exit 2 ;;\n"
                              "esac\n"));
    QVERIFY(QFile::setPermissions(helper, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    const QByteArray savedPath = qgetenv("PATH");
    qputenv("PATH", bin.toLocal8Bit() + ':' + savedPath);
    auto restore = qScopeGuard([&] { qputenv("PATH", savedPath); });
    QVERIFY(writeFile(dockerFile(), R"({"credsStore":"stvtest","auths":{"helped.example":{}}})"));

    CredentialsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy refreshed(&model, &CredentialsModel::refreshed);
    model.refresh();
    QVERIFY(refreshed.wait(20000));
    QVERIFY2(model.problems().isEmpty(), qPrintable(model.problemMessages().join(u'\n')));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data(CredentialsModel::KindRole).toInt(), int(CredentialEntry::Kind::Helper));
    QCOMPARE(model.index(0, 0).data(CredentialsModel::HelperRole).toString(), u"stvtest"_s);
    QCOMPARE(model.index(0, CredentialsModel::User).data().toString(), u"helperuser"_s);
    QVERIFY(model.index(0, CredentialsModel::Source).data().toString().contains(u"docker-credential-stvtest"_s));
    const auto secret = CredentialsModel::secretFor(*model.entryAt(0));
    QVERIFY2(secret, secret ? "" : qPrintable(secret.error().message));
    QCOMPARE(secret->password, u"h3lper"_s);

    // The pull secret of a helper's entry carries the helper's secret.
    PullSecretDialog dialog({*model.entryAt(0)});
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isReady(), 20000);
    QVERIFY(dialog.text().contains(u"kubernetes.io/dockerconfigjson"_s));
}

void TestCredentialManager::corruptAuthFileShowsABanner()
{
    QVERIFY(writeFile(configFile(), "{\"auths\": {\"quay.io\": {\"auth\": "));
    QVERIFY(writeFile(dockerFile(), QJsonDocument(QJsonObject{{u"auths"_s, QJsonObject{
        {u"ghcr.io"_s, QJsonObject{{u"auth"_s, QString::fromLatin1(basic(u"gh"_s, u"x4"_s))}}}}}}).toJson()));
    CredentialsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    CredentialManager manager(&model);
    QSignalSpy problems(&model, &CredentialsModel::problemsChanged);
    manager.show(); // the first show lists
    QVERIFY(QTest::qWaitForWindowExposed(&manager));
    QTRY_VERIFY_WITH_TIMEOUT(manager.problemBanner()->isVisible(), 20000);
    QCOMPARE(problems.count(), 1);
    QVERIFY2(manager.problemBanner()->text().contains(configFile()), qPrintable(manager.problemBanner()->text()));
    // The other file is still listed.
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 20000);
    QCOMPARE(model.index(0, CredentialsModel::Key).data().toString(), u"ghcr.io"_s);

    // Fixed: the banner goes.
    QVERIFY(QFile::remove(configFile()));
    manager.refreshAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!manager.problemBanner()->isVisible(), 20000);
    QVERIFY(model.problems().isEmpty());
}

void TestCredentialManager::dockAndMenus()
{
    MainWindow w(m_root);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QDockWidget *dock = w.findChild<QDockWidget *>(u"credentialsDock"_s);
    QVERIFY(dock);
    QCOMPARE(dock, w.credentialsDock());
    QCOMPARE(dock->windowTitle(), u"Credentials"_s);
    QVERIFY(!dock->isVisible()); // hidden until asked for
    QCOMPARE(dock->widget(), w.credentialManager());
    QCOMPARE(w.credentialManager()->model(), w.credentialsModel());

    auto *view = w.findChild<QMenu *>(u"viewMenu"_s);
    QVERIFY(view);
    QVERIFY(view->actions().contains(dock->toggleViewAction()));
    QSignalSpy refreshed(w.credentialsModel(), &CredentialsModel::refreshed);
    dock->toggleViewAction()->trigger();
    QVERIFY(dock->isVisible());
    QVERIFY(refreshed.wait(20000)); // showing it lists the credentials

    QStringList titles;
    const QList<QAction *> menus = w.menuBar()->actions();
    for (QAction *a : menus)
        titles << a->text();
    QCOMPARE(titles, (QStringList{u"&File"_s, u"&View"_s, u"&Tools"_s, u"&Help"_s}));
    auto *tools = w.findChild<QMenu *>(u"toolsMenu"_s);
    QVERIFY(tools);
    auto *open = w.findChild<QAction *>(u"credentialsAction"_s);
    QVERIFY(open && tools->actions().contains(open));
    QCOMPARE(open->text(), u"&Credentials…"_s);
    open->trigger();
    auto *window = w.findChild<CredentialManager *>(u"credentialsWindow"_s);
    QVERIFY(window);
    QVERIFY(window->isWindow());
    QVERIFY(window->isVisible());
    QCOMPARE(window->model(), w.credentialsModel()); // dock and window show the same model
    QCOMPARE(w.openCredentialsWindow(), window);     // one window, raised again
}

void TestCredentialManager::addTestExplainRemoveAgainstTheRegistry()
{
    for (const QString &t : {u"docker-registry"_s, u"htpasswd"_s})
        QVERIFY2(!stevedore::test::findTool(t).isEmpty(), qPrintable(t + u" is missing (scripts/install-deps.sh)"_s));
    stevedore::test::RegistryFixture reg(stevedore::test::RegistryOptions{
        .auth = stevedore::test::RegistryAuth::Basic, .user = u"alice"_s, .password = kPassword});
    QString error;
    QVERIFY2(reg.start(&error), qPrintable(error));
    const QString host = reg.hostPort();
    const QString team = host + u"/team-a"_s;

    MainWindow w(m_root);
    w.show();
    CredentialManager *m = w.openCredentialsWindow();
    QVERIFY(QTest::qWaitForWindowExposed(m));
    CredentialsModel *model = m->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    m->tlsVerifyCheck()->setChecked(false);

    // Nothing stored yet: the list is empty and the image goes anonymous.
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), 20000);
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(!m->problemBanner()->isVisible());
    m->explainEdit()->setText(team + u"/app"_s);
    QTest::mouseClick(m->explainButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m->explanationView()->toPlainText().contains(u"anonymous"_s), 20000);
    QVERIFY(m->explanationView()->toPlainText().contains(team + u"/app"_s));

    // Add host in the second file, verifying first with a wrong password: the error shows, nothing is stored.
    QPointer<CredentialDialog> d = m->openAddDialog();
    QVERIFY(d);
    QCOMPARE(d->passwordEdit()->echoMode(), QLineEdit::Password);
    QCOMPARE(d->targetFile(), model->store().defaultWriteFile());
    QVERIFY(d->targetCombo()->findData(configFile()) >= 0);
    QVERIFY(d->targetCombo()->findData(dockerFile()) >= 0);
    fillAndSubmit(d, host, u"alice"_s, kWrongPassword, configFile(), true);
    QVERIFY(d->isBusy());
    QVERIFY(d->busyIndicator()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!d->isBusy(), kNetworkTimeoutMs);
    QVERIFY(d->isVisible());
    QVERIFY2(d->messageLabel()->text().startsWith(u"Not stored:"_s), qPrintable(d->messageLabel()->text()));
    QVERIFY2(d->messageLabel()->text().contains(host), qPrintable(d->messageLabel()->text()));
    QVERIFY(!QFileInfo::exists(configFile()));
    QVERIFY(!QFileInfo::exists(runtimeFile()));
    verifyNoSecretShown(d);

    // The right password: stored in the file picked, 0600, and listed.
    d->passwordEdit()->setText(kPassword);
    QTest::mouseClick(d->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!d || !d->isVisible(), kNetworkTimeoutMs);
    QVERIFY(QFileInfo::exists(configFile()));
    QVERIFY(!QFileInfo::exists(runtimeFile()));
    QCOMPARE(QFileInfo(configFile()).permissions() & 0x7777,
             QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser);
    QCOMPARE(authsOf(configFile()).value(host).toObject().value(u"auth"_s).toString(),
             QString::fromLatin1(basic(u"alice"_s, kPassword)));
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), 20000);
    QCOMPARE(model->index(0, CredentialsModel::Key).data().toString(), host);
    QCOMPARE(model->index(0, CredentialsModel::User).data().toString(), u"alice"_s);
    QCOMPARE(model->index(0, CredentialsModel::Source).data().toString(), configFile());
    // Logged in on the way: verified now; and the new row is the current one.
    const QDateTime addedAt = model->index(0, CredentialsModel::LastVerified).data(CredentialsModel::RawRole).toDateTime();
    QVERIFY(addedAt.isValid());
    QVERIFY(m->currentEntry() && m->currentEntry()->key == host);
    QVERIFY2(m->statusLabel()->text().contains(host), qPrintable(m->statusLabel()->text()));
    // The explanation shown follows what is stored.
    QTRY_VERIFY_WITH_TIMEOUT(m->explanationView()->toPlainText().contains(u"Uses: %1 (user alice) from %2"_s.arg(host, configFile())), 20000);

    // Test login: a busy bar while it runs, the window never waits, the answer in the status line.
    QTest::qWait(5); // let "just now" move on by a few milliseconds
    QSignalSpy tested(m, &CredentialManager::testFinished);
    QElapsedTimer t;
    t.start();
    m->testAction()->trigger();
    QVERIFY2(t.elapsed() < 500, qPrintable(u"%1 ms"_s.arg(t.elapsed())));
    QVERIFY(m->isTesting());
    QVERIFY(m->busyIndicator()->isVisible());
    QCOMPARE(m->busyIndicator()->maximum(), 0); // busy mode
    QVERIFY(!m->testAction()->isEnabled());
    QVERIFY(!m->removeAction()->isEnabled());
    QVERIFY(!m->editAction()->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(tested.count(), 1, kNetworkTimeoutMs);
    QVERIFY2(tested.first().at(0).toBool(), qPrintable(tested.first().at(1).toString()));
    QVERIFY(!m->busyIndicator()->isVisible());
    QVERIFY(m->testAction()->isEnabled());
    QVERIFY2(m->statusLabel()->text().contains(u"accepted"_s), qPrintable(m->statusLabel()->text()));
    const QDateTime testedAt = model->index(0, CredentialsModel::LastVerified).data(CredentialsModel::RawRole).toDateTime();
    QVERIFY(testedAt > addedAt);
    QCOMPARE(model->index(0, CredentialsModel::LastVerified).data().toString(), u"just now"_s);

    // A more specific key in the first file, stored without verifying: it wins for team-a, host stays in use.
    d = m->openAddDialog();
    fillAndSubmit(d, team, u"alice"_s, kPassword, runtimeFile(), false);
    QTRY_VERIFY_WITH_TIMEOUT(!d || !d->isVisible(), kNetworkTimeoutMs);
    QVERIFY(authsOf(runtimeFile()).contains(team));
    QCOMPARE(QFileInfo(runtimeFile()).permissions() & 0x7777,
             QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), 20000);
    const int teamRow = model->rowOf(team, runtimeFile());
    const int hostRow = model->rowOf(host, configFile());
    QVERIFY(teamRow >= 0 && hostRow >= 0);
    QCOMPARE(model->index(hostRow, CredentialsModel::ShadowedBy).data().toString(), QString());
    QCOMPARE(model->index(teamRow, CredentialsModel::ShadowedBy).data().toString(), QString());
    QCOMPARE(model->index(teamRow, CredentialsModel::LastVerified).data().toString(), u"never"_s);
    QCOMPARE(model->index(hostRow, CredentialsModel::LastVerified).data(CredentialsModel::RawRole).toDateTime(), testedAt);
    QTRY_VERIFY_WITH_TIMEOUT(m->explanationView()->toPlainText().contains(u"Uses: %1 (user alice) from %2"_s.arg(team, runtimeFile())), 20000);
    QVERIFY(m->explanationView()->toPlainText().contains(u"Not used:"_s));
    // Another repository of the registry still uses host.
    m->explainEdit()->setText(u"docker://"_s + host + u"/team-b/app:v1"_s);
    QTest::keyClick(m->explainEdit(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(m->explanationView()->toPlainText().contains(u"Uses: %1 (user alice) from %2"_s.arg(host, configFile())), 20000);

    // Edit team-a with a wrong password (not verified): Test login says no, and it stays unverified.
    m->selectEntry(team, runtimeFile());
    d = m->openEditDialog();
    QVERIFY(d);
    QVERIFY(d->keyEdit()->isReadOnly());
    QCOMPARE(d->keyEdit()->text(), team);
    QCOMPARE(d->targetFile(), runtimeFile());
    QVERIFY(!d->targetCombo()->isEnabled());
    QCOMPARE(d->userEdit()->text(), u"alice"_s);
    QVERIFY(d->passwordEdit()->text().isEmpty());
    fillAndSubmit(d, team, u"alice"_s, kWrongPassword, runtimeFile(), false);
    QTRY_VERIFY_WITH_TIMEOUT(!d || !d->isVisible(), kNetworkTimeoutMs);
    QCOMPARE(authsOf(runtimeFile()).value(team).toObject().value(u"auth"_s).toString(),
             QString::fromLatin1(basic(u"alice"_s, kWrongPassword)));
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() == 2, 20000);
    QVERIFY(m->currentEntry() && m->currentEntry()->key == team);
    tested.clear();
    m->testAction()->trigger();
    QVERIFY(m->busyIndicator()->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(tested.count(), 1, kNetworkTimeoutMs);
    QVERIFY(!tested.first().at(0).toBool());
    QVERIFY2(m->statusLabel()->text().startsWith(u"Login failed:"_s), qPrintable(m->statusLabel()->text()));
    QVERIFY2(m->statusLabel()->text().contains(host), qPrintable(m->statusLabel()->text()));
    QCOMPARE(model->index(model->rowOf(team, runtimeFile()), CredentialsModel::LastVerified).data().toString(), u"never"_s);
    verifyNoSecretShown(m);

    // Edit again, verifying: the right password is stored and the row is verified.
    d = m->openEditDialog();
    fillAndSubmit(d, team, u"alice"_s, kPassword, runtimeFile(), true);
    QTRY_VERIFY_WITH_TIMEOUT(!d || !d->isVisible(), kNetworkTimeoutMs);
    QCOMPARE(authsOf(runtimeFile()).value(team).toObject().value(u"auth"_s).toString(),
             QString::fromLatin1(basic(u"alice"_s, kPassword)));
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() == 2, 20000);
    QVERIFY(model->index(model->rowOf(team, runtimeFile()), CredentialsModel::LastVerified)
                .data(CredentialsModel::RawRole).toDateTime().isValid());

    // Export as pull secret: every entry in use, ready to copy or save.
    m->view()->clearSelection();
    QPointer<PullSecretDialog> exported = m->openExportDialog();
    QVERIFY(exported);
    QTRY_VERIFY_WITH_TIMEOUT(exported->isReady(), 20000);
    const QString yaml = exported->text();
    QVERIFY2(yaml.contains(u"kind: Secret"_s), qPrintable(yaml));
    QVERIFY(yaml.contains(u"kubernetes.io/dockerconfigjson"_s));
    QVERIFY(yaml.contains(u"name: regcred"_s));
    QVERIFY(exported->textView()->isReadOnly());
    exported->namespaceEdit()->setText(u"apps"_s);
    QVERIFY(exported->text().contains(u"namespace: apps"_s));
    QString data;
    for (const QString &line : exported->text().split(u'\n')) {
        if (line.trimmed().startsWith(u".dockerconfigjson:"_s))
            data = line.section(u':', 1).trimmed().remove(u'"');
    }
    const QJsonObject auths = QJsonDocument::fromJson(QByteArray::fromBase64(data.toLatin1())).object()
                                  .value(u"auths"_s).toObject();
    QCOMPARE(auths.size(), 2);
    QCOMPARE(auths.value(host).toObject().value(u"password"_s).toString(), kPassword);
    QCOMPARE(auths.value(team).toObject().value(u"username"_s).toString(), u"alice"_s);
    exported->nameEdit()->setText(u"Not A DNS Name"_s);
    QVERIFY(!exported->isReady());
    QVERIFY(!exported->saveButton()->isEnabled());
    exported->nameEdit()->setText(u"team-pull"_s);
    QVERIFY(exported->isReady());
    const QString saved = g_home + u"/team-pull.yaml"_s;
    QVERIFY(exported->saveTo(saved));
    QCOMPARE(QFileInfo(saved).permissions() & 0x7777,
             QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser);
    QFile savedFile(saved);
    QVERIFY(savedFile.open(QIODevice::ReadOnly));
    QVERIFY(savedFile.readAll().contains("name: team-pull"));
    exported->reject();
    QVERIFY(!exported || exported->textView()->toPlainText().isEmpty()); // the secret is gone from the widget

    // Remove team-a (after confirming): gone from the file and the list; team-a uses host again.
    m->selectEntry(team, runtimeFile());
    m->explainEdit()->setText(team + u"/app"_s);
    m->explain();
    QSignalSpy removed(m, &CredentialManager::removeFinished);
    m->removeAction()->trigger();
    auto *box = m->findChild<QMessageBox *>(u"removeConfirmation"_s);
    QVERIFY(box);
    QVERIFY(box->text().contains(team));
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 1, 20000);
    QVERIFY2(removed.first().at(0).toBool(), qPrintable(removed.first().at(1).toString()));
    QVERIFY(!authsOf(runtimeFile()).contains(team));
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() == 1, 20000);
    QCOMPARE(model->rowOf(team, runtimeFile()), -1);
    QTRY_VERIFY_WITH_TIMEOUT(m->explanationView()->toPlainText().contains(u"Uses: %1 (user alice) from %2"_s.arg(host, configFile())), 20000);

    // And host too: the list is empty, the image anonymous again.
    m->selectEntry(host, configFile());
    removed.clear();
    m->removeEntry(*m->currentEntry());
    QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 1, 20000);
    QVERIFY(!authsOf(configFile()).contains(host));
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() == 0, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(m->explanationView()->toPlainText().contains(u"anonymous"_s), 20000);
    verifyNoSecretShown(m);
}

void TestCredentialManager::cancellingTheDialogClearsThePassword()
{
    CredentialsModel model;
    CredentialManager manager(&model);
    QPointer<CredentialDialog> d = manager.openAddDialog();
    d->keyEdit()->setText(u"registry.example"_s);
    d->userEdit()->setText(u"bob"_s);
    d->passwordEdit()->setText(kPassword);
    QVERIFY(d->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    QTest::mouseClick(d->buttons()->button(QDialogButtonBox::Cancel), Qt::LeftButton);
    QVERIFY(d); // deleted later: its fields can still be read
    QVERIFY(d->passwordEdit()->text().isEmpty());
    QVERIFY(!d->passwordEdit()->isUndoAvailable());
    QTRY_VERIFY(!d);
    QVERIFY(!QFileInfo::exists(runtimeFile()));

    // A key that is not one is refused before anything runs.
    d = manager.openAddDialog();
    d->keyEdit()->setText(u"quay.io/Team:tag"_s);
    d->userEdit()->setText(u"bob"_s);
    d->passwordEdit()->setText(kPassword);
    QVERIFY(!d->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(!d->messageLabel()->text().isEmpty());
    d->reject();
}

void TestCredentialManager::chineseTranslation()
{
    QVERIFY(stevedore::ui::installTranslators(QLocale(u"zh_CN"_s)));
    auto restore = qScopeGuard([] { stevedore::ui::installTranslators(QLocale(QLocale::English)); });
    CredentialsModel model;
    CredentialManager manager(&model);
    QCOMPARE(manager.addAction()->text(), u"添加(&A)…"_s);
    QCOMPARE(manager.testAction()->text(), u"测试登录(&T)"_s);
    QCOMPARE(model.headerData(CredentialsModel::LastVerified, Qt::Horizontal).toString(), u"上次验证"_s);
    MainWindow w(m_root);
    QCOMPARE(w.credentialsDock()->windowTitle(), u"凭据"_s);
    // Switching back retranslates a live widget, and its view's header.
    QSignalSpy headers(&model, &QAbstractItemModel::headerDataChanged);
    QVERIFY(stevedore::ui::installTranslators(QLocale(QLocale::English)));
    QTRY_COMPARE(manager.addAction()->text(), u"&Add…"_s); // LanguageChange is posted
    QVERIFY(headers.count() >= 1);
    QCOMPARE(model.headerData(CredentialsModel::LastVerified, Qt::Horizontal).toString(), u"Last Verified"_s);
}

int main(int argc, char **argv)
{
    // Before anything reads them: HOME, the XDG folders and DOCKER_CONFIG in a temporary folder, no
    // REGISTRY_AUTH_FILE.
    QTemporaryDir home;
    if (!home.isValid())
        return 1;
    g_home = home.path();
    stevedore::test::useIsolatedEnvironment(g_home); // HOME, XDG_*, DOCKER_CONFIG inside it; no REGISTRY_AUTH_FILE
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    TestCredentialManager tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_credentialmanager.moc"
