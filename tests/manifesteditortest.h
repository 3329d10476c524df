#pragma once
// Helpers of tst_manifesteditor and tst_manifesteditor_window (header-only, part of no library): the temporary HOME
// they run in, the OCI layouts whose references are dropped on the editor, and reading the editor's model.

#include "i18n.h"
#include "localimagesmodel.h"
#include "mainwindow.h"
#include "manifesteditor.h"
#include "manifestlistmodel.h"

#include "manifestlist/liststore.h"
#include "support/testsupport.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace editortest {

using stevedore::models::ManifestListModel;
using stevedore::ui::ManifestEditor;

inline constexpr int kReadTimeoutMs = 30000;
// Set in main() before the application object exists.
inline QString g_home;

inline QString cliPath()
{
    return qEnvironmentVariableIsEmpty("STEVEDORE_CLI") ? QString::fromUtf8(STEVEDORE_CLI_PATH)
                                                        : qEnvironmentVariable("STEVEDORE_CLI");
}

inline QString cell(const QAbstractItemModel *m, int row, int column, int role = ManifestListModel::RawRole)
{
    return m->index(row, column).data(role).toString();
}

inline bool allReady(const ManifestListModel *m)
{
    for (int r = 0; r < m->rowCount(); ++r)
        if (m->rowAt(r)->state != ManifestListModel::RowState::Ready)
            return false;
    return m->rowCount() > 0;
}

// A real drag of `mime` entering the view and dropped at `pos` of its viewport.
inline void dropOn(QAbstractItemView *view, QMimeData *mime, QPoint pos = {10, 10})
{
    QWidget *target = view->viewport();
    QDragEnterEvent enter(pos, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDragMoveEvent move(pos, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &move);
    QVERIFY(move.isAccepted());
    QDropEvent drop(QPointF(pos), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    QVERIFY(drop.isAccepted());
}

// The fixture of the test classes (a second base, after QObject): three OCI layouts and a local store per test.
class EditorFixture
{
protected:
    // In initTestCase: the settings in the temporary HOME, and the layouts.
    void writeLayouts(const QString &applicationName)
    {
        QVERIFY(m_tmp.isValid());
        QCoreApplication::setOrganizationName(u"StevedoreTest"_s);
        QCoreApplication::setApplicationName(applicationName);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, g_home + u"/settings"_s);
        stevedore::test::TestImageSpec one;
        one.asIndex = false;
        one.layerSize = 4096;
        one.gzipLayers = true; // as a registry stores them: a push changes no manifest, so the list goes as shown
        one.seed = 91;
        m_single = layout(u"single"_s, one, &m_singleDigest);
        one.seed = 92;
        m_other = layout(u"other"_s, one);
        stevedore::test::TestImageSpec multi;
        multi.platforms = {u"linux/arm64/v8"_s, u"linux/arm/v7"_s};
        multi.layerSize = 4096;
        multi.gzipLayers = true;
        multi.seed = 93;
        m_index = layout(u"index"_s, multi);
        QVERIFY2(!m_single.isEmpty() && !m_other.isEmpty() && !m_index.isEmpty(),
                 "the test layouts were not written");
    }

    // In init: a store of its own for each test (lists saved by one test do not meet another's), in English.
    void newStore()
    {
        m_root = m_tmp.filePath(u"store%1"_s.arg(++m_storeCounter));
        QVERIFY(QDir().mkpath(m_root));
        QVERIFY(stevedore::ui::installTranslators(QLocale(QLocale::English)));
    }

    // An editor with three rows: arm64/v8 and arm/v7 (children of an index), then amd64 (a single image).
    void fillThree(ManifestEditor &editor)
    {
        editor.addReferences({m_index}, -1, true);
        editor.addReferences({m_single});
        QTRY_VERIFY_WITH_TIMEOUT(allReady(editor.model()) && editor.model()->rowCount() == 3, kReadTimeoutMs);
    }

    QString layout(const QString &name, const stevedore::test::TestImageSpec &spec, QString *digest = nullptr)
    {
        const QString dir = m_tmp.filePath(u"layouts/"_s + name);
        QString error;
        const QString d = stevedore::test::writeTestLayout(dir, u"v1"_s, spec, &error);
        if (d.isEmpty()) {
            qWarning("writeTestLayout failed: %s", qPrintable(error));
            return {};
        }
        if (digest)
            *digest = d;
        return u"oci:"_s + dir + u":v1"_s;
    }

    QTemporaryDir m_tmp;
    QString m_root;
    QString m_single;  // oci:... of one linux/amd64 image
    QString m_singleDigest;
    QString m_other;   // oci:... of another linux/amd64 image
    QString m_index;   // oci:... of an index linux/arm64/v8 + linux/arm/v7
    int m_storeCounter = 0;
};

// main(): HOME, the XDG folders and DOCKER_CONFIG in a temporary folder, no REGISTRY_AUTH_FILE or STEVEDORE_ROOT,
// before the application object exists.
#define EDITORTEST_MAIN(TestClass)                                                                                 \
    int main(int argc, char **argv)                                                                                \
    {                                                                                                              \
        QTemporaryDir home;                                                                                        \
        if (!home.isValid())                                                                                       \
            return 1;                                                                                              \
        editortest::g_home = home.path();                                                                          \
        const QString h = home.path();                                                                             \
        qputenv("HOME", h.toLocal8Bit());                                                                          \
        qputenv("XDG_CONFIG_HOME", (h + u"/config"_s).toLocal8Bit());                                              \
        qputenv("XDG_DATA_HOME", (h + u"/data"_s).toLocal8Bit());                                                  \
        qputenv("XDG_CACHE_HOME", (h + u"/cache"_s).toLocal8Bit());                                                \
        qputenv("DOCKER_CONFIG", (h + u"/docker"_s).toLocal8Bit());                                                \
        qunsetenv("REGISTRY_AUTH_FILE");                                                                           \
        qunsetenv("STEVEDORE_ROOT");                                                                               \
        QApplication app(argc, argv);                                                                              \
        QStandardPaths::setTestModeEnabled(true);                                                                  \
        TestClass tc;                                                                                              \
        QTEST_SET_MAIN_SOURCE_PATH                                                                                 \
        return QTest::qExec(&tc, argc, argv);                                                                      \
    }

} // namespace editortest
