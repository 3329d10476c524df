// The manifest list editor (issue 9, GUI), offscreen: ManifestListModel under QAbstractItemModelTester, real drops of
// OCI layout references onto the editor (read by describeListImageAsync, no network), editing with undo and redo,
// reordering, validation in place (duplicate platforms, unknown values, unreadable images), Save through ListStore
// compared with what the model shows and with what the real `stevedore manifest inspect` prints, Replace after a
// question, Open List…, the Chinese translation. The main window's part is tst_manifesteditor_window.
#include "manifesteditortest.h"
#include "openlistdialog.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QCheckBox>
#include <QSignalSpy>
#include <QTableView>
#include <QUndoStack>

using stevedore::ListStore;
using namespace editortest;

class TestManifestEditor : public QObject, public EditorFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { writeLayouts(u"tst_manifesteditor"_s); }
    void init() { newStore(); }
    void modelUnderTester();
    void dropAddsARow();
    void dropOfAnIndexWithAllPlatforms();
    void unreadableImageIsMarked();
    void annotateThenUndo();
    void undoAnAddWhileItLoads();
    void reorderAndUndo();
    void duplicatePlatformsAreMarked();
    void unknownArchitectureIsMarked();
    void delegateOffersValidValues();
    void saveWritesWhatTheModelShows();
    void saveMatchesCliInspect();
    void replaceAsksFirst();
    void openStoredList();
    void chineseTranslation();
    void screenshot();
};

void TestManifestEditor::modelUnderTester()
{
    ManifestListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    stevedore::SystemContext ctx;
    ctx.storageRoot = m_root;
    model.setContext(ctx);
    QCOMPARE(model.columnCount(), int(ManifestListModel::Count));
    QCOMPARE(model.headerData(ManifestListModel::Variant, Qt::Horizontal).toString(), u"Variant"_s);

    // Rows are inserted Loading, then become one row per child of the index.
    model.insertPlaced({{0, model.newLoadingRow(m_index, true)}, {1, model.newLoadingRow(m_single, false)}});
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(model.isLoading());
    QVERIFY(cell(&model, 0, ManifestListModel::Source, Qt::DisplayRole).startsWith(u"Reading "_s));
    QTRY_VERIFY_WITH_TIMEOUT(allReady(&model), kReadTimeoutMs);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(cell(&model, 0, ManifestListModel::Architecture), u"arm64"_s);
    QCOMPARE(cell(&model, 0, ManifestListModel::Variant), u"v8"_s);
    QCOMPARE(cell(&model, 1, ManifestListModel::Architecture), u"arm"_s);
    QCOMPARE(cell(&model, 2, ManifestListModel::Architecture), u"amd64"_s);
    QCOMPARE(cell(&model, 2, ManifestListModel::Digest), m_singleDigest);
    QVERIFY(model.index(2, ManifestListModel::Size).data(ManifestListModel::RawRole).toLongLong() > 0);
    QVERIFY(!cell(&model, 2, ManifestListModel::MediaType).isEmpty());
    QVERIFY(model.problems().isEmpty());

    // Without an edit handler, setData edits directly; flags say what is editable.
    QVERIFY(model.flags(model.index(0, ManifestListModel::OsVersion)) & Qt::ItemIsEditable);
    QVERIFY(!(model.flags(model.index(0, ManifestListModel::Digest)) & Qt::ItemIsEditable));
    QVERIFY(model.setData(model.index(2, ManifestListModel::OsFeatures), u"sse4, avx2"_s));
    QCOMPARE(model.index(2, ManifestListModel::OsFeatures).data(ManifestListModel::RawRole).toStringList(),
             (QStringList{u"sse4"_s, u"avx2"_s}));
    QVERIFY(model.setData(model.index(2, ManifestListModel::Annotations), u"org.example.a=1; b=two"_s));
    QCOMPARE(cell(&model, 2, ManifestListModel::Annotations, Qt::DisplayRole), u"b=two; org.example.a=1"_s);
    QVERIFY(!model.setData(model.index(2, ManifestListModel::Annotations), u"no-equals-sign"_s));

    // Moves, removal and putting back.
    const quint64 last = model.rowAt(2)->id;
    QVERIFY(model.moveRowTo(last, 0));
    QCOMPARE(model.rowOfId(last), 0);
    auto taken = model.takeRows({last});
    QCOMPARE(model.rowCount(), 2);
    model.insertPlaced(taken);
    QCOMPARE(model.rowOfId(last), 0);
    QCOMPARE(model.list().entries.size(), 3);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestManifestEditor::dropAddsARow()
{
    ManifestEditor editor(m_root);
    editor.resize(1000, 400);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    auto *mime = new QMimeData;
    mime->setText(m_single);
    dropOn(editor.view(), mime);
    delete mime;
    QCOMPARE(editor.model()->rowCount(), 1);
    QCOMPARE(editor.model()->rowAt(0)->state, ManifestListModel::RowState::Loading); // the window did not wait
    QTRY_VERIFY_WITH_TIMEOUT(allReady(editor.model()), kReadTimeoutMs);
    QCOMPARE(cell(editor.model(), 0, ManifestListModel::Digest), m_singleDigest);
    QCOMPARE(cell(editor.model(), 0, ManifestListModel::Os), u"linux"_s);
    QCOMPARE(cell(editor.model(), 0, ManifestListModel::Architecture), u"amd64"_s);
    QCOMPARE(editor.undoStack()->count(), 1);

    // A text/uri-list of a layout folder (from a file manager) is an oci: reference; dropped on row 0, it goes
    // before it.
    auto *uris = new QMimeData;
    uris->setUrls({QUrl::fromLocalFile(m_tmp.filePath(u"layouts/other"_s))});
    QCOMPARE(ManifestListModel::referencesFrom(uris), QStringList{u"oci:"_s + m_tmp.filePath(u"layouts/other"_s)});
    delete uris;
    // The typed reference with Add.
    editor.referenceEdit()->setText(m_other);
    QVERIFY(editor.addButton()->isEnabled());
    QTest::mouseClick(editor.addButton(), Qt::LeftButton);
    QVERIFY(editor.referenceEdit()->text().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(allReady(editor.model()) && editor.model()->rowCount() == 2, kReadTimeoutMs);
    QCOMPARE(editor.undoStack()->count(), 2);
    // Dropped on row 0, an image goes before it (here an index, with all its platforms: two rows).
    editor.allPlatformsCheck()->setChecked(true);
    auto *onRow = new QMimeData;
    onRow->setText(m_index);
    dropOn(editor.view(), onRow, editor.view()->visualRect(editor.model()->index(0, 0)).center());
    delete onRow;
    QCOMPARE(editor.model()->rowCount(), 3);
    QCOMPARE(cell(editor.model(), 0, ManifestListModel::Source), m_index);
    QTRY_VERIFY_WITH_TIMEOUT(allReady(editor.model()) && editor.model()->rowCount() == 4, kReadTimeoutMs);
    QCOMPARE(cell(editor.model(), 1, ManifestListModel::Architecture), u"arm"_s);
    QCOMPARE(cell(editor.model(), 2, ManifestListModel::Digest), m_singleDigest);
}

void TestManifestEditor::dropOfAnIndexWithAllPlatforms()
{
    ManifestEditor editor(m_root);
    editor.allPlatformsCheck()->setChecked(true);
    QVERIFY(editor.model()->dropMimeData([&] {
        auto *m = new QMimeData;
        m->setText(m_index);
        m->deleteLater();
        return m;
    }(), Qt::CopyAction, -1, -1, {}));
    QTRY_VERIFY_WITH_TIMEOUT(allReady(editor.model()), kReadTimeoutMs);
    QCOMPARE(editor.model()->rowCount(), 2);
    // The two rows are one addition: one undo removes both, redo brings both back.
    QCOMPARE(editor.undoStack()->count(), 1);
    editor.undoStack()->undo();
    QCOMPARE(editor.model()->rowCount(), 0);
    editor.undoStack()->redo();
    QCOMPARE(editor.model()->rowCount(), 2);
    QVERIFY(allReady(editor.model()));
}

void TestManifestEditor::unreadableImageIsMarked()
{
    ManifestEditor editor(m_root);
    const QString missing = u"oci:"_s + m_tmp.filePath(u"layouts/nothing-here"_s) + u":v1"_s;
    editor.addReferences({missing});
    QTRY_COMPARE_WITH_TIMEOUT(editor.model()->rowAt(0)->state, ManifestListModel::RowState::Failed, kReadTimeoutMs);
    const QModelIndex source = editor.model()->index(0, ManifestListModel::Source);
    QVERIFY(!source.data(ManifestListModel::ProblemRole).toString().isEmpty());
    QVERIFY(source.data(Qt::ToolTipRole).toString().contains(u"nothing-here"_s));
    QVERIFY(source.data(Qt::BackgroundRole).isValid());
    QVERIFY(!source.data(Qt::DecorationRole).isNull());
    QVERIFY(cell(editor.model(), 0, ManifestListModel::Digest, Qt::DisplayRole).startsWith(u"Cannot read"_s));
    QVERIFY(!editor.statusLabel()->text().isEmpty());
    QVERIFY(editor.problemsLabel()->isVisibleTo(&editor));
    // Such a list is not saved.
    QSignalSpy saved(&editor, &ManifestEditor::saveFinished);
    editor.saveAs(u"team/app:v1"_s, ListStore::SaveMode::Create);
    QCOMPARE(saved.count(), 1);
    QCOMPARE(saved.first().at(0).toBool(), false);
}

void TestManifestEditor::annotateThenUndo()
{
    ManifestEditor editor(m_root);
    editor.addReferences({m_single});
    QTRY_VERIFY_WITH_TIMEOUT(allReady(editor.model()), kReadTimeoutMs);
    auto *model = editor.model();
    QCOMPARE(cell(model, 0, ManifestListModel::Variant), QString());
    // Through setData, as the delegate does: one undo step.
    QVERIFY(model->setData(model->index(0, ManifestListModel::Variant), u"v3"_s));
    QCOMPARE(cell(model, 0, ManifestListModel::Variant), u"v3"_s);
    QCOMPARE(editor.undoStack()->count(), 2);
    QVERIFY(editor.undoAction()->text().contains(u"Variant"_s));
    editor.undoAction()->trigger();
    QCOMPARE(cell(model, 0, ManifestListModel::Variant), QString());
    editor.redoAction()->trigger();
    QCOMPARE(cell(model, 0, ManifestListModel::Variant), u"v3"_s);
    // Setting the same value again is no step.
    QVERIFY(model->setData(model->index(0, ManifestListModel::Variant), u"v3"_s));
    QCOMPARE(editor.undoStack()->count(), 2);
    // An architecture change clears a variant the new one does not take, undone in one step.
    QVERIFY(editor.editField(0, ManifestListModel::Architecture, u"s390x"_s));
    QCOMPARE(cell(model, 0, ManifestListModel::Variant), QString());
    editor.undoStack()->undo();
    QCOMPARE(cell(model, 0, ManifestListModel::Architecture), u"amd64"_s);
    QCOMPARE(cell(model, 0, ManifestListModel::Variant), u"v3"_s);
    // Annotations and os.version.
    QVERIFY(editor.editField(0, ManifestListModel::Annotations, u"org.opencontainers.image.title=app"_s));
    QVERIFY(editor.editField(0, ManifestListModel::OsVersion, u"10.0.17763"_s));
    QCOMPARE(model->list().entries.first().descriptor.annotations.value(u"org.opencontainers.image.title"_s),
             u"app"_s);
    editor.undoStack()->undo();
    editor.undoStack()->undo();
    QVERIFY(model->list().entries.first().descriptor.annotations.isEmpty());
    QCOMPARE(cell(model, 0, ManifestListModel::OsVersion), QString());
}

void TestManifestEditor::undoAnAddWhileItLoads()
{
    ManifestEditor editor(m_root);
    editor.addReferences({m_single});
    QCOMPARE(editor.model()->rowCount(), 1);
    editor.undoStack()->undo(); // before the answer came
    QCOMPARE(editor.model()->rowCount(), 0);
    QTest::qWait(300); // the answer arrives meanwhile (or after the redo): either way the row fills
    editor.undoStack()->redo();
    QCOMPARE(editor.model()->rowCount(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(allReady(editor.model()), kReadTimeoutMs);
    QCOMPARE(cell(editor.model(), 0, ManifestListModel::Digest), m_singleDigest);
}

void TestManifestEditor::reorderAndUndo()
{
    ManifestEditor editor(m_root);
    fillThree(editor);
    auto *model = editor.model();
    const QString first = cell(model, 0, ManifestListModel::Digest);
    const QString third = cell(model, 2, ManifestListModel::Digest);
    // A drag of row 2 onto row 0 (the view's internal move arrives as the model's drop).
    QMimeData *mime = model->mimeData({model->index(2, 0)});
    QVERIFY(mime->hasFormat(ManifestListModel::rowsMimeType()));
    QVERIFY(model->dropMimeData(mime, Qt::MoveAction, 0, 0, {}));
    delete mime;
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(cell(model, 0, ManifestListModel::Digest), third);
    QCOMPARE(cell(model, 1, ManifestListModel::Digest), first);
    // The view removes the dragged rows after a move: the model refuses, nothing is lost.
    QVERIFY(!model->removeRows(0, 1));
    editor.undoStack()->undo();
    QCOMPARE(cell(model, 0, ManifestListModel::Digest), first);
    QCOMPARE(cell(model, 2, ManifestListModel::Digest), third);
    // Move Down with a selection; Remove; undo both.
    editor.view()->selectRow(0);
    editor.moveDownAction()->trigger();
    QCOMPARE(cell(model, 1, ManifestListModel::Digest), first);
    editor.removeAction()->trigger();
    QCOMPARE(model->rowCount(), 2);
    editor.undoStack()->undo();
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(cell(model, 1, ManifestListModel::Digest), first);
    editor.undoStack()->undo();
    QCOMPARE(cell(model, 0, ManifestListModel::Digest), first);
}

void TestManifestEditor::duplicatePlatformsAreMarked()
{
    ManifestEditor editor(m_root);
    editor.addReferences({m_single, m_other}); // two linux/amd64 images
    QTRY_VERIFY_WITH_TIMEOUT(allReady(editor.model()) && editor.model()->rowCount() == 2, kReadTimeoutMs);
    auto *model = editor.model();
    for (int row : {0, 1}) {
        const QModelIndex arch = model->index(row, ManifestListModel::Architecture);
        const QString problem = arch.data(ManifestListModel::ProblemRole).toString();
        QVERIFY2(problem.contains(u"linux/amd64"_s) && problem.contains(u"2 times"_s), qPrintable(problem));
        QVERIFY(arch.data(Qt::BackgroundRole).isValid());
        QVERIFY(arch.data(Qt::ToolTipRole).toString().contains(u"rows 1, 2"_s));
    }
    QVERIFY(!model->problems().isEmpty());
    QVERIFY(editor.problemsLabel()->isVisibleTo(&editor));
    QVERIFY(editor.problemsLabel()->text().contains(u"linux/amd64"_s));
    // A different variant on one of them: no duplicate any more.
    QVERIFY(editor.editField(1, ManifestListModel::Variant, u"v2"_s));
    QVERIFY(cell(model, 0, ManifestListModel::Architecture, ManifestListModel::ProblemRole).isEmpty());
    QVERIFY(model->problems().isEmpty());
    QVERIFY(!editor.problemsLabel()->isVisibleTo(&editor));
    editor.undoStack()->undo();
    QVERIFY(!cell(model, 0, ManifestListModel::Architecture, ManifestListModel::ProblemRole).isEmpty());
    // The same image twice is marked on the digest.
    editor.addReferences({m_single});
    QTRY_VERIFY_WITH_TIMEOUT(allReady(model) && model->rowCount() == 3, kReadTimeoutMs);
    QVERIFY(cell(model, 2, ManifestListModel::Digest, ManifestListModel::ProblemRole).contains(m_singleDigest));
}

void TestManifestEditor::unknownArchitectureIsMarked()
{
    ManifestEditor editor(m_root);
    editor.addReferences({m_single});
    QTRY_VERIFY_WITH_TIMEOUT(allReady(editor.model()), kReadTimeoutMs);
    auto *model = editor.model();
    QVERIFY(model->setData(model->index(0, ManifestListModel::Architecture), u"amd46"_s));
    const QModelIndex arch = model->index(0, ManifestListModel::Architecture);
    QCOMPARE(arch.data(ManifestListModel::RawRole).toString(), u"amd46"_s); // kept, and marked
    const QString problem = arch.data(ManifestListModel::ProblemRole).toString();
    QVERIFY2(problem.contains(u"amd46"_s), qPrintable(problem));
    QVERIFY(arch.data(Qt::ToolTipRole).toString().contains(u"amd46"_s));
    QVERIFY(arch.data(Qt::BackgroundRole).isValid());
    QVERIFY(arch.data(Qt::ForegroundRole).isValid());
    QVERIFY(!arch.data(Qt::DecorationRole).isNull());
    // Not savable until fixed.
    QSignalSpy saved(&editor, &ManifestEditor::saveFinished);
    editor.saveAs(u"team/app:v1"_s, ListStore::SaveMode::Create);
    QCOMPARE(saved.count(), 1);
    QCOMPARE(saved.first().at(0).toBool(), false);
    QVERIFY(saved.first().at(1).toString().contains(u"amd46"_s));
    QVERIFY(!ListStore(m_root).contains(*stevedore::parseListName(u"team/app:v1"_s)));
    // An unknown os and a variant the architecture does not take are marked too.
    editor.undoStack()->undo();
    QVERIFY(model->problems().isEmpty());
    QVERIFY(editor.editField(0, ManifestListModel::Os, u"linuks"_s));
    QVERIFY(!cell(model, 0, ManifestListModel::Os, ManifestListModel::ProblemRole).isEmpty());
    editor.undoStack()->undo();
    QVERIFY(editor.editField(0, ManifestListModel::Variant, u"v7"_s)); // amd64 takes v1-v4
    QVERIFY(!cell(model, 0, ManifestListModel::Variant, ManifestListModel::ProblemRole).isEmpty());
}

void TestManifestEditor::delegateOffersValidValues()
{
    ManifestEditor editor(m_root);
    editor.resize(1100, 400);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    fillThree(editor);
    // Row 0 is arm64: the variant editor offers arm64's variants (and none).
    const QModelIndex variant = editor.model()->index(0, ManifestListModel::Variant);
    editor.view()->edit(variant);
    auto *combo = editor.view()->findChild<QComboBox *>(u"platformCombo"_s);
    QVERIFY(combo);
    QVERIFY(combo->findData(u"v8"_s) >= 0);
    QVERIFY(combo->findData(u"v9"_s) >= 0);
    QVERIFY(combo->findData(u"v3"_s) < 0);
    QCOMPARE(combo->currentData().toString(), u"v8"_s);
    combo->setCurrentIndex(combo->findData(u"v9"_s));
    QTest::keyClick(combo, Qt::Key_Return);
    QTRY_COMPARE(cell(editor.model(), 0, ManifestListModel::Variant), u"v9"_s);
    editor.undoStack()->undo();
    QCOMPARE(cell(editor.model(), 0, ManifestListModel::Variant), u"v8"_s);
    // The architecture editor offers the known architectures.
    QTRY_VERIFY(!editor.view()->findChild<QComboBox *>(u"platformCombo"_s));
    editor.view()->edit(editor.model()->index(2, ManifestListModel::Architecture));
    combo = editor.view()->findChild<QComboBox *>(u"platformCombo"_s);
    QVERIFY(combo);
    QVERIFY(combo->findData(u"riscv64"_s) >= 0);
    QCOMPARE(combo->currentData().toString(), u"amd64"_s);
    // A value typed that is not offered is kept, and marked.
    combo->lineEdit()->selectAll();
    QTest::keyClicks(combo->lineEdit(), u"amd46"_s);
    QCOMPARE(combo->currentText(), u"amd46"_s);
    QTest::keyClick(combo, Qt::Key_Return);
    QTRY_COMPARE(cell(editor.model(), 2, ManifestListModel::Architecture), u"amd46"_s);
    QVERIFY(cell(editor.model(), 2, ManifestListModel::Architecture, ManifestListModel::ProblemRole)
                .contains(u"unknown architecture"_s));
    editor.undoStack()->undo();
    QCOMPARE(cell(editor.model(), 2, ManifestListModel::Architecture), u"amd64"_s);
}

void TestManifestEditor::saveWritesWhatTheModelShows()
{
    ManifestEditor editor(m_root);
    fillThree(editor);
    auto *model = editor.model();
    QVERIFY(editor.editField(0, ManifestListModel::Annotations, u"org.example.note=arm server"_s));
    QVERIFY(editor.editField(2, ManifestListModel::OsFeatures, u"sse4"_s));
    QVERIFY(model->problems().isEmpty());
    editor.nameEdit()->setText(u"localhost:5000/team/app:v1"_s);
    QSignalSpy saved(&editor, &ManifestEditor::saveFinished);
    editor.saveAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kReadTimeoutMs);
    QVERIFY2(saved.first().at(0).toBool(), qPrintable(saved.first().at(1).toString()));
    QVERIFY(editor.undoStack()->isClean());

    const auto stored = ListStore(m_root).load(*stevedore::parseListName(u"localhost:5000/team/app:v1"_s));
    QVERIFY2(stored, stored ? "" : qPrintable(stored.error().message));
    QCOMPARE(stored->list.toBytes(), model->list().toBytes());
    // Entry by entry, what the table shows.
    QCOMPARE(stored->list.entries.size(), qsizetype(model->rowCount()));
    for (int r = 0; r < model->rowCount(); ++r) {
        const stevedore::ListEntry &e = stored->list.entries.at(r);
        QCOMPARE(e.descriptor.digest.toString(), cell(model, r, ManifestListModel::Digest));
        QCOMPARE(e.descriptor.size, model->index(r, ManifestListModel::Size).data(ManifestListModel::RawRole)
                                        .toLongLong());
        QCOMPARE(e.descriptor.mediaType, cell(model, r, ManifestListModel::MediaType));
        QCOMPARE(e.descriptor.platform->os, cell(model, r, ManifestListModel::Os));
        QCOMPARE(e.descriptor.platform->architecture, cell(model, r, ManifestListModel::Architecture));
        QCOMPARE(e.descriptor.platform->variant, cell(model, r, ManifestListModel::Variant));
        QCOMPARE(e.descriptor.platform->osFeatures,
                 model->index(r, ManifestListModel::OsFeatures).data(ManifestListModel::RawRole).toStringList());
        QCOMPARE(ManifestListModel::annotationsText(e.descriptor.annotations),
                 cell(model, r, ManifestListModel::Annotations, Qt::DisplayRole));
        QCOMPARE(e.source, cell(model, r, ManifestListModel::Source));
    }
    QCOMPARE(stored->list.entries.at(0).descriptor.annotations.value(u"org.example.note"_s), u"arm server"_s);
    // The JSON itself: the platform of each manifest as shown.
    const QJsonArray manifests = QJsonDocument::fromJson(stored->list.toBytes()).object()
                                     .value(u"manifests"_s).toArray();
    QCOMPARE(manifests.size(), 3);
    QCOMPARE(manifests.at(0).toObject().value(u"platform"_s).toObject().value(u"variant"_s).toString(), u"v8"_s);
    QCOMPARE(manifests.at(2).toObject().value(u"platform"_s).toObject().value(u"os.features"_s).toArray().size(), 1);
    QCOMPARE(editor.nameEdit()->text(), u"localhost:5000/team/app:v1"_s);
}

void TestManifestEditor::saveMatchesCliInspect()
{
    // `stevedore manifest inspect NAME` prints the stored bytes: exactly what the editor saved.
    QVERIFY2(QFileInfo::exists(cliPath()), qPrintable(u"the CLI is not built: "_s + cliPath()));
    ManifestEditor editor(m_root);
    fillThree(editor);
    QVERIFY(editor.editField(1, ManifestListModel::OsVersion, u"1.2"_s));
    QSignalSpy saved(&editor, &ManifestEditor::saveFinished);
    editor.saveAs(u"team/app:v2"_s, ListStore::SaveMode::Create);
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kReadTimeoutMs);
    QVERIFY2(saved.first().at(0).toBool(), qPrintable(saved.first().at(1).toString()));
    const auto env = stevedore::test::isolatedEnvironment(m_tmp.filePath(u"clihome"_s));
    const auto run = stevedore::test::runProcess(cliPath(), {u"--root"_s, m_root, u"manifest"_s, u"inspect"_s,
                                                             u"team/app:v2"_s}, 60000, env);
    QVERIFY2(run.ok(), run.err.constData());
    QCOMPARE(run.out, editor.model()->list().toBytes());
    // And `manifest ls` knows it.
    const auto ls = stevedore::test::runProcess(cliPath(), {u"--root"_s, m_root, u"manifest"_s, u"ls"_s}, 60000, env);
    QVERIFY2(ls.ok(), ls.err.constData());
    QVERIFY(ls.out.contains("docker.io/team/app:v2"));
}

void TestManifestEditor::replaceAsksFirst()
{
    ManifestEditor editor(m_root);
    editor.addReferences({m_single});
    QTRY_VERIFY_WITH_TIMEOUT(allReady(editor.model()), kReadTimeoutMs);
    editor.nameEdit()->setText(u"team/app:v3"_s);
    QSignalSpy saved(&editor, &ManifestEditor::saveFinished);
    editor.save();
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kReadTimeoutMs);
    QVERIFY(saved.takeFirst().at(0).toBool());
    // Another image, saved under the same name: asked, cancelled, nothing changes.
    editor.addReferences({m_index}, -1, true);
    QTRY_VERIFY_WITH_TIMEOUT(allReady(editor.model()) && editor.model()->rowCount() == 3, kReadTimeoutMs);
    editor.save();
    QTRY_VERIFY_WITH_TIMEOUT(editor.replaceQuestion(), kReadTimeoutMs);
    editor.replaceQuestion()->button(QMessageBox::Cancel)->click();
    QTRY_COMPARE(saved.count(), 1);
    QVERIFY(!saved.takeFirst().at(0).toBool());
    QTRY_VERIFY(!editor.replaceQuestion());
    const auto name = *stevedore::parseListName(u"team/app:v3"_s);
    QCOMPARE(ListStore(m_root).load(name)->list.entries.size(), 1);
    // Asked again, replaced.
    editor.save();
    QTRY_VERIFY_WITH_TIMEOUT(editor.replaceQuestion(), kReadTimeoutMs);
    QPushButton *replace = nullptr;
    for (QAbstractButton *b : editor.replaceQuestion()->buttons())
        if (editor.replaceQuestion()->buttonRole(b) == QMessageBox::AcceptRole)
            replace = qobject_cast<QPushButton *>(b);
    QVERIFY(replace);
    replace->click();
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kReadTimeoutMs);
    QVERIFY2(saved.first().at(0).toBool(), qPrintable(saved.first().at(1).toString()));
    QCOMPARE(ListStore(m_root).load(name)->list.toBytes(), editor.model()->list().toBytes());
}

void TestManifestEditor::openStoredList()
{
    {
        ManifestEditor writer(m_root);
        fillThree(writer);
        QVERIFY(writer.editField(2, ManifestListModel::Annotations, u"k=v"_s));
        QSignalSpy saved(&writer, &ManifestEditor::saveFinished);
        writer.saveAs(u"team/opened:v1"_s, ListStore::SaveMode::Create);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kReadTimeoutMs);
        QVERIFY(saved.first().at(0).toBool());
    }
    const QByteArray bytes = ListStore(m_root).load(*stevedore::parseListName(u"team/opened:v1"_s))->list.toBytes();
    ManifestEditor editor(m_root);
    editor.show();
    stevedore::ui::OpenListDialog *dialog = editor.openListDialog();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isReading(), kReadTimeoutMs);
    QCOMPARE(dialog->localLists()->count(), 1);
    QVERIFY(dialog->localLists()->item(0)->text().contains(u"docker.io/team/opened:v1"_s));
    dialog->localLists()->setCurrentRow(0);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Open)->click();
    QTRY_COMPARE(editor.model()->rowCount(), 3);
    QCOMPARE(editor.model()->list().toBytes(), bytes);
    QCOMPARE(editor.nameEdit()->text(), u"docker.io/team/opened:v1"_s);
    QCOMPARE(editor.undoStack()->count(), 0);
    // A "remote" list: the children of an index reference (here an OCI layout; docker:// works the same way).
    editor.openRemote(m_index);
    QTRY_VERIFY_WITH_TIMEOUT(allReady(editor.model()) && editor.model()->rowCount() == 2, kReadTimeoutMs);
    QCOMPARE(editor.undoStack()->count(), 0);
}

void TestManifestEditor::chineseTranslation()
{
    ManifestEditor editor(m_root);
    QCOMPARE(editor.saveAction()->text(), u"&Save"_s);
    QVERIFY(stevedore::ui::installTranslators(QLocale(u"zh_CN"_s)));
    QTRY_COMPARE(editor.saveAction()->text(), u"保存(&S)"_s); // LanguageChange is posted
    QCOMPARE(editor.model()->headerData(ManifestListModel::Architecture, Qt::Horizontal).toString(), u"架构"_s);
    QCOMPARE(editor.addButton()->text(), u"添加(&A)"_s);
    QVERIFY(stevedore::ui::installTranslators(QLocale(QLocale::English)));
    QTRY_COMPARE(editor.saveAction()->text(), u"&Save"_s);
}

void TestManifestEditor::screenshot()
{
    // STEVEDORE_SCREENSHOT=path: a PNG of the editor with three rows (docs/screenshots/manifest-editor.png).
    const QString path = qEnvironmentVariable("STEVEDORE_SCREENSHOT");
    if (path.isEmpty())
        QSKIP("set STEVEDORE_SCREENSHOT=file.png to write the documentation's screenshot");
    ManifestEditor editor(m_root);
    editor.resize(1240, 440);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    fillThree(editor);
    QVERIFY(editor.editField(0, ManifestListModel::Annotations, u"org.opencontainers.image.title=api"_s));
    editor.addReferences({m_other});
    QTRY_VERIFY_WITH_TIMEOUT(allReady(editor.model()) && editor.model()->rowCount() == 4, kReadTimeoutMs);
    QVERIFY(editor.editField(3, ManifestListModel::Architecture, u"amd46"_s)); // a typo, marked
    editor.nameEdit()->setText(u"registry.example:5000/team/api:v2"_s);
    editor.view()->selectRow(1);
    QTest::qWait(200);
    QVERIFY(editor.grab().save(path));
}

EDITORTEST_MAIN(TestManifestEditor)

#include "tst_manifesteditor.moc"
