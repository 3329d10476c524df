// Preferences (issue 8): language, default registry, TLS verification and certificate folder, against Debian's
// docker-registry (RegistryFixture):
//  - values that cannot work (a registry that is not HOST[:PORT], a certificate folder that does not exist) are
//    refused in the dialog with the reason, nothing stored;
//  - the language switches every window at once and is remembered ("The system's" forgets it);
//  - the default registry is in the registry browser, and a push dialog opened on an image proposes it, with the
//    TLS settings of the preferences; that push really lands (skopeo reads it);
//  - new registries start with the preferences' TLS settings, and a push dialog's remembered TLS options give way
//    to new preferences.
#include "addregistrydialog.h"
#include "i18n.h"
#include "mainwindow.h"
#include "preferencesdialog.h"
#include "pushdialog.h"
#include "registrybrowser.h"
#include "registrytreemodel.h"
#include "transfermodel.h"
#include "transferqueuefile.h"

#include "support/e2e.h"
#include "support/guisuite.h"
#include "support/testsupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using stevedore::Job;
using stevedore::ui::MainWindow;
using stevedore::ui::PreferencesDialog;

namespace {
void clickOk(QDialog *dialog)
{
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
}
} // namespace

class TestPreferences : public QObject
{
    Q_OBJECT

    stevedore::test::RegistryFixture m_registry;
    QTemporaryDir m_tmp;
    QString m_root;
    QString m_layout; // oci: reference of a one-platform image

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        stevedore::test::useGuiSuiteEnvironment(m_tmp.filePath(u"home"_s), u"tst_preferences"_s);
        QVERIFY(stevedore::ui::installTranslators(QLocale(QLocale::English)));
        QVERIFY2(!stevedore::test::findTool(u"skopeo"_s).isEmpty(), "skopeo is missing: run scripts/install-deps.sh --test");
        QString error;
        QVERIFY2(m_registry.start(&error), qPrintable(error));
        m_root = m_tmp.filePath(u"storage"_s);
        stevedore::test::TestImageSpec spec;
        spec.asIndex = false;
        spec.layerSize = 512 * 1024;
        spec.seed = 31;
        const QString dir = m_tmp.filePath(u"layouts/webapp"_s);
        QVERIFY2(!stevedore::test::writeTestLayout(dir, u"v2"_s, spec, &error).isEmpty(), qPrintable(error));
        m_layout = u"oci:"_s + dir + u":v2"_s;
    }

    void init() { stevedore::test::resetGuiState(); }

    void cleanup() { QVERIFY(stevedore::ui::installTranslators(QLocale(QLocale::English))); }

    void wrongValuesAreRefusedInPlace()
    {
        PreferencesDialog dialog;
        dialog.show();
        dialog.defaultRegistryEdit()->setText(u"not a registry"_s);
        clickOk(&dialog);
        QVERIFY(dialog.isVisible()); // not accepted
        QVERIFY(dialog.problemLabel()->isVisible());
        QVERIFY2(dialog.problemLabel()->text().contains(u"“not a registry” is not a registry"_s),
                 qPrintable(dialog.problemLabel()->text()));
        // A bare word would be a Docker Hub repository, not a registry.
        dialog.defaultRegistryEdit()->setText(u"myregistry"_s);
        QVERIFY(!dialog.problemLabel()->isVisible()); // editing clears the old message
        clickOk(&dialog);
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.problemLabel()->text().contains(u"myregistry"_s));

        dialog.defaultRegistryEdit()->setText(m_registry.hostPort());
        dialog.certDirEdit()->setText(m_tmp.filePath(u"no-such-certs"_s));
        clickOk(&dialog);
        QVERIFY(dialog.isVisible());
        QVERIFY2(dialog.problemLabel()->text().contains(u"does not exist"_s), qPrintable(dialog.problemLabel()->text()));
        QCOMPARE(PreferencesDialog::defaultRegistry(), QString()); // nothing stored
        QCOMPARE(PreferencesDialog::defaultCertDir(), QString());

        dialog.certDirEdit()->clear();
        clickOk(&dialog);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(PreferencesDialog::defaultRegistry(), m_registry.hostPort());
    }

    void languageSwitchesEveryWindowAndIsRemembered()
    {
        MainWindow w(m_root);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.windowTitle(), u"Container Images"_s);
        PreferencesDialog *dialog = w.openPreferences();
        QComboBox *language = dialog->languageCombo();
        QVERIFY(language->count() >= 3); // the system's, English, 简体中文
        const int zh = language->findData(u"zh_CN"_s);
        QVERIFY(zh > 0);
        QCOMPARE(language->itemText(zh), u"简体中文"_s);
        language->setCurrentIndex(zh);
        clickOk(dialog);
        QTRY_COMPARE(w.windowTitle(), u"容器镜像"_s);
        QCOMPARE(stevedore::ui::chosenLanguage(), u"zh_CN"_s);
        QVERIFY(w.findChild<QAction *>(u"language_zh_CN"_s)->isChecked()); // the menu agrees

        // The next dialog shows the choice, in Chinese; "the system's" forgets it.
        dialog = w.openPreferences();
        QCOMPARE(dialog->languageCombo()->currentData().toString(), u"zh_CN"_s);
        QCOMPARE(dialog->windowTitle(), u"首选项"_s);
        dialog->languageCombo()->setCurrentIndex(0);
        clickOk(dialog);
        QVERIFY(!QSettings().contains(u"language"_s));
        QCOMPARE(stevedore::ui::chosenLanguage(), QString());
    }

    void defaultRegistryAndTlsReachTheBrowserAndThePush()
    {
        const QString host = m_registry.hostPort();
        // Remembered from an earlier push: TLS verification on. New preferences replace it.
        QSettings().setValue(u"pushDialog/tlsVerify"_s, true);
        const QString certs = m_tmp.filePath(u"certs"_s);
        QVERIFY(QDir().mkpath(certs));

        MainWindow w(m_root);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        stevedore::models::RegistryTreeModel *registries = w.registryBrowser()->model();
        QVERIFY(!registries->registryIndex(host).isValid());

        PreferencesDialog *dialog = w.openPreferences();
        dialog->defaultRegistryEdit()->setText(host);
        dialog->tlsVerifyCheck()->setChecked(false); // the fixture's registry speaks plain http
        dialog->certDirEdit()->setText(certs);
        clickOk(dialog);
        QVERIFY(!QSettings().contains(u"pushDialog/tlsVerify"_s));

        // In the browser, with those TLS settings, remembered for the next start.
        const QModelIndex reg = registries->registryIndex(host);
        QVERIFY(reg.isValid());
        QCOMPARE(registries->registrySpec(reg).tlsVerify, false);
        QCOMPARE(registries->registrySpec(reg).certDir, certs);

        // New registries start with them too.
        stevedore::ui::AddRegistryDialog add;
        QVERIFY(!add.findChild<QCheckBox *>(u"registryTlsVerifyBox"_s)->isChecked());
        QCOMPARE(add.findChild<QLineEdit *>(u"registryCertDirEdit"_s)->text(), certs);

        // A push dialog opened on an image proposes the default registry under the image's own name and tag, and
        // follows the source until a destination is typed.
        stevedore::ui::PushDialog *push = w.openPushDialog(u"oci:/elsewhere/other:v1"_s);
        QCOMPARE(push->destinationText(), u"docker://%1/other:v1"_s.arg(host));
        push->setSource(m_layout);
        QCOMPARE(push->destinationText(), u"docker://%1/webapp:v2"_s.arg(host));
        QVERIFY(!push->tlsVerifyCheck()->isChecked());
        QCOMPARE(push->certDirEdit()->text(), certs);
        push->certDirEdit()->clear(); // a folder of no CA is fine for http, but this push needs none
        clickOk(push);
        stevedore::models::TransferModel *model = w.transferModel();
        QCOMPARE(model->rowCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(model->stateAt(0) == Job::State::Succeeded, 60000);
        QProcess skopeo;
        skopeo.start(stevedore::test::findTool(u"skopeo"_s),
                     {u"inspect"_s, u"--raw"_s, u"--tls-verify=false"_s, u"docker://%1/webapp:v2"_s.arg(host)});
        QVERIFY(skopeo.waitForFinished(30000));
        QCOMPARE(skopeo.exitCode(), 0);
        QCOMPARE(stevedore::test::sha256Digest(skopeo.readAllStandardOutput()), model->digestAt(0));

        // A typed destination is kept when the source changes.
        stevedore::ui::PushDialog *typed = w.openPushDialog();
        typed->setDestination(u"docker://%1/mine:1"_s.arg(host));
        typed->setSource(m_layout);
        QCOMPARE(typed->destinationText(), u"docker://%1/mine:1"_s.arg(host));
        typed->reject();
    }
};

QTEST_MAIN(TestPreferences)
#include "tst_preferences.moc"
