#include "credentialmanager.h"
#include "toolbaractions.h"
#include "warningbanner.h"
#include "busyindicator.h"

#include "credentialdialog.h"
#include "credentialexportdialog.h"
#include "credentialsecrets.h"
#include "credentialsmodel.h"

#include "core/threadpools.h"
#include "ops/login.h"
#include "reference/imagereference.h"

#include <QAction>
#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace stevedore::ui {

using models::CredentialsModel;

CredentialManager::CredentialManager(models::CredentialsModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    setObjectName(u"credentialManager"_s);

    m_toolBar = textToolBar(this, u"credentialsToolBar"_s);
    auto action = [this](const char *name, const char *icon, const QKeySequence &keys) {
        return addToolBarAction(m_toolBar, this, name, icon, keys);
    };
    m_add = action("addCredentialAction", "add", QKeySequence::New);
    m_edit = action("editCredentialAction", "edit", QKeySequence(Qt::Key_F2));
    m_remove = action("removeCredentialAction", "remove", QKeySequence::Delete);
    m_toolBar->addSeparator();
    m_test = action("testLoginAction", "test-login", QKeySequence(Qt::CTRL | Qt::Key_L));
    m_export = action("exportPullSecretAction", "export", QKeySequence(Qt::CTRL | Qt::Key_E));
    m_toolBar->addSeparator();
    // Not F5: that is the window's Refresh, and one key for two actions in reach would trigger neither.
    m_refresh = action("refreshCredentialsAction", "refresh", QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(m_add, &QAction::triggered, this, &CredentialManager::openAddDialog);
    connect(m_edit, &QAction::triggered, this, &CredentialManager::openEditDialog);
    connect(m_remove, &QAction::triggered, this, &CredentialManager::removeCurrent);
    connect(m_test, &QAction::triggered, this, &CredentialManager::testCurrent);
    connect(m_export, &QAction::triggered, this, &CredentialManager::openExportDialog);
    connect(m_refresh, &QAction::triggered, this, &CredentialManager::refresh);

    m_banner = warningBanner(this, u"problemBanner"_s, 6);

    m_view = new QTableView(this);
    m_view->setObjectName(u"credentialsView"_s);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(CredentialsModel::Source, QHeaderView::Stretch);
    connect(m_view, &QAbstractItemView::doubleClicked, this, &CredentialManager::openEditDialog);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &CredentialManager::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CredentialManager::updateActions);

    m_tlsVerify = new QCheckBox(this);
    m_tlsVerify->setObjectName(u"tlsVerify"_s);
    m_tlsVerify->setChecked(true);
    m_busy = stevedore::ui::busyIndicator(this);
    m_status = new QLabel(this);
    m_status->setObjectName(u"statusLabel"_s);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_tlsVerify);
    statusRow->addWidget(m_busy);
    statusRow->addWidget(m_status, 1);

    m_explainLabel = new QLabel(this);
    m_explainEdit = new QLineEdit(this);
    m_explainEdit->setObjectName(u"explainImage"_s);
    m_explainEdit->setClearButtonEnabled(true);
    m_explainLabel->setBuddy(m_explainEdit);
    m_explainButton = new QPushButton(this);
    m_explainButton->setObjectName(u"explainButton"_s);
    connect(m_explainButton, &QPushButton::clicked, this, &CredentialManager::explain);
    connect(m_explainEdit, &QLineEdit::returnPressed, this, &CredentialManager::explain);
    m_explanation = new QPlainTextEdit(this);
    m_explanation->setObjectName(u"explanation"_s);
    m_explanation->setReadOnly(true);
    m_explanation->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    auto *explainRow = new QHBoxLayout;
    explainRow->addWidget(m_explainLabel);
    explainRow->addWidget(m_explainEdit, 1);
    explainRow->addWidget(m_explainButton);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_banner);
    topLayout->addWidget(m_view, 1);
    topLayout->addLayout(statusRow);
    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addLayout(explainRow);
    bottomLayout->addWidget(m_explanation, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(u"credentialsSplitter"_s);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_toolBar);
    layout->addWidget(splitter, 1);

    m_testWatcher = new QFutureWatcher<Result<TestOutcome>>(this);
    connect(m_testWatcher, &QFutureWatcherBase::finished, this, &CredentialManager::onTestFinished);
    m_explainWatcher = new QFutureWatcher<Result<CredentialResolution>>(this);
    connect(m_explainWatcher, &QFutureWatcherBase::finished, this, &CredentialManager::onExplained);
    m_removeWatcher = new QFutureWatcher<Result<QString>>(this);

    // The row the user was on survives the model's reset.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        if (m_reselectKey.isEmpty()) {
            if (const CredentialEntry *e = currentEntry()) {
                m_reselectKey = e->key;
                m_reselectFile = e->file;
            }
        }
    });
    connect(m_model, &CredentialsModel::refreshed, this, &CredentialManager::onRefreshed);
    connect(m_model, &CredentialsModel::problemsChanged, this, &CredentialManager::updateBanner);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CredentialManager::updateActions);

    retranslate();
    updateBanner();
    updateActions();
}

CredentialManager::~CredentialManager()
{
    m_cancel.cancel(); // a login in flight stops at its next cancellation point; its answer goes nowhere
    for (QFutureWatcherBase *w : {static_cast<QFutureWatcherBase *>(m_testWatcher),
                                  static_cast<QFutureWatcherBase *>(m_explainWatcher),
                                  static_cast<QFutureWatcherBase *>(m_removeWatcher)})
        w->disconnect(this);
}

void CredentialManager::retranslate()
{
    m_add->setText(tr("&Add…"));
    m_add->setToolTip(tr("Add a credential to an auth file (or the helper it names)"));
    m_edit->setText(tr("&Edit…"));
    m_edit->setToolTip(tr("Replace the user and password of the selected credential"));
    m_remove->setText(tr("&Remove"));
    m_remove->setToolTip(tr("Remove the selected credential from its source"));
    m_test->setText(tr("&Test Login"));
    m_test->setToolTip(tr("Log in to the registry with the selected credential (nothing is stored)"));
    m_export->setText(tr("E&xport as Pull Secret…"));
    m_export->setToolTip(tr("A Kubernetes Secret of type kubernetes.io/dockerconfigjson for the selected credentials"));
    m_refresh->setText(tr("Re&load"));
    m_refresh->setToolTip(tr("Read the auth files and credential helpers again"));
    m_tlsVerify->setText(tr("&Verify TLS certificates (require https)"));
    m_explainLabel->setText(tr("Ex&plain image:"));
    m_explainEdit->setPlaceholderText(tr("quay.io/team/app:v1 — which credential would a push or pull use?"));
    m_explainButton->setText(tr("Explain"));
    m_explanation->setPlaceholderText(tr("Type an image reference and press Explain to see which credential it uses "
                                         "and why the others do not."));
    m_view->setToolTip(tr("Searched, in order: %1").arg(m_model->searchPaths().join(u", "_s)));
    updateBanner();
}

void CredentialManager::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_add) {
        retranslate();
        m_model->retranslate();
    }
    QWidget::changeEvent(event);
}

void CredentialManager::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Helpers are run only when someone looks: the first time this shows, not when the main window starts.
    if (!m_listedOnce) {
        m_listedOnce = true;
        if (!m_model->isLoading())
            m_model->refresh();
    }
}

void CredentialManager::refresh()
{
    m_listedOnce = true;
    m_model->refresh();
}

bool CredentialManager::isTesting() const
{
    return m_testing;
}

bool CredentialManager::isExplaining() const
{
    return m_explaining;
}

const CredentialEntry *CredentialManager::currentEntry() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (current.isValid())
        return m_model->entryAt(current.row());
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_model->entryAt(rows.first().row());
}

QList<CredentialEntry> CredentialManager::selectedEntries() const
{
    QList<CredentialEntry> out;
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &i : std::as_const(rows)) {
        if (const CredentialEntry *e = m_model->entryAt(i.row()))
            out.append(*e);
    }
    return out;
}

void CredentialManager::selectEntry(const QString &key, const QString &file)
{
    const int row = m_model->rowOf(key, file);
    if (row < 0)
        return;
    m_view->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void CredentialManager::onRefreshed()
{
    if (!m_reselectKey.isEmpty()) {
        selectEntry(m_reselectKey, m_reselectFile);
        m_reselectKey.clear();
        m_reselectFile.clear();
    }
    m_view->setToolTip(tr("Searched, in order: %1").arg(m_model->searchPaths().join(u", "_s)));
    updateActions();
    // The answer shown stays true to what is stored.
    if (!m_explainedImage.isEmpty())
        explainImage(m_explainedImage);
}

void CredentialManager::updateBanner()
{
    const QStringList problems = m_model->problemMessages();
    if (problems.isEmpty()) {
        m_banner->hide();
        m_banner->clear();
        return;
    }
    m_banner->setText(tr("Some credentials could not be read; the others are listed:") + u"\n• "_s
                      + problems.join(u"\n• "_s));
    m_banner->show();
}

void CredentialManager::updateActions()
{
    const bool testing = isTesting();
    const bool removing = m_removeWatcher->isRunning();
    const bool hasEntry = currentEntry() != nullptr;
    m_edit->setEnabled(hasEntry && !testing && !removing);
    m_remove->setEnabled(hasEntry && !testing && !removing);
    m_test->setEnabled(hasEntry && !testing && !removing);
    m_tlsVerify->setEnabled(!testing);
    m_export->setEnabled(m_model->rowCount() > 0);
    m_busy->setVisible(testing || removing);
}

void CredentialManager::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setProperty("error", error);
    QPalette p = palette();
    if (error)
        p.setColor(QPalette::WindowText, QColor(0xb0, 0x1c, 0x1c));
    m_status->setPalette(p);
}

void CredentialManager::watchDialog(CredentialDialog *dialog)
{
    dialog->tlsVerifyCheck()->setChecked(m_tlsVerify->isChecked());
    connect(dialog, &CredentialDialog::stored, this,
            [this](const QString &key, const QString &file, const QString &where, bool verified) {
                if (verified)
                    m_model->markVerified(key, file);
                setStatus(verified ? tr("Logged in and stored %1 in %2.").arg(key, where)
                                   : tr("Stored %1 in %2 (not verified).").arg(key, where));
                m_reselectKey = key;
                m_reselectFile = file;
                refresh();
            });
    dialog->open();
}

CredentialDialog *CredentialManager::openAddDialog()
{
    auto *dialog = new CredentialDialog(m_model, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    watchDialog(dialog);
    return dialog;
}

CredentialDialog *CredentialManager::openEditDialog()
{
    const CredentialEntry *entry = currentEntry();
    if (!entry || isTesting())
        return nullptr;
    auto *dialog = new CredentialDialog(m_model, *entry, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    watchDialog(dialog);
    return dialog;
}

void CredentialManager::removeCurrent()
{
    const CredentialEntry *current = currentEntry();
    if (!current || isTesting() || m_removeWatcher->isRunning())
        return;
    const CredentialEntry entry = *current;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove Credential"),
                                tr("Remove the credential for %1 from %2?").arg(entry.key, entry.source()),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(u"removeConfirmation"_s);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, entry](int result) {
        if (result == QMessageBox::Yes)
            removeEntry(entry);
    });
    box->open();
}

void CredentialManager::removeEntry(const CredentialEntry &entry)
{
    if (m_removeWatcher->isRunning())
        return;
    const CredentialStore store = m_model->store();
    const QString key = entry.key;
    const QString file = entry.file;
    const CancelToken cancel = m_cancel;
    m_removeWatcher->disconnect(this);
    connect(m_removeWatcher, &QFutureWatcherBase::finished, this, [this, key] {
        const Result<QString> r = m_removeWatcher->result();
        const QString message = r ? tr("Removed %1 from %2.").arg(key, *r)
                                  : tr("Could not remove %1: %2").arg(key, r.error().message);
        setStatus(message, !r);
        updateActions();
        refresh();
        Q_EMIT removeFinished(r.has_value(), message);
    });
    setStatus(tr("Removing %1…").arg(key));
    m_removeWatcher->setFuture(
        QtConcurrent::run(pools::io(), [store, key, file, cancel] { return store.erase(key, file, cancel); }));
    updateActions();
}

void CredentialManager::testCurrent()
{
    const CredentialEntry *current = currentEntry();
    if (!current || isTesting())
        return;
    const CredentialEntry entry = *current;
    std::optional<bool> tlsVerify;
    if (!m_tlsVerify->isChecked())
        tlsVerify = false;
    const QString authFile = m_model->authFile();
    const CancelToken cancel = m_cancel;
    setStatus(tr("Logging in to %1 with %2…").arg(entry.key.section(u'/', 0, 0), entry.writtenKey));
    m_testing = true;
    m_testWatcher->setFuture(QtConcurrent::run(pools::io(), [entry, tlsVerify, authFile, cancel]() -> Result<TestOutcome> {
        auto secret = CredentialsModel::secretFor(entry, cancel);
        if (!secret)
            return fail(secret.error());
        LoginRequest request;
        request.key = entry.key;
        request.credentials = std::move(*secret);
        request.context.tlsVerify = tlsVerify;
        request.context.authFile = authFile;
        request.store = false; // verify only
        auto done = login(request, cancel);
        secrets::wipe(request.credentials);
        if (!done)
            return fail(done.error());
        return TestOutcome{entry.key, entry.source(), done->registry,
                           entry.identityToken ? tr("an identity token") : entry.username};
    }));
    updateActions();
}

void CredentialManager::onTestFinished()
{
    m_testing = false;
    const Result<TestOutcome> r = m_testWatcher->result();
    QString message;
    if (r) {
        m_model->markVerified(r->key, r->source);
        message = tr("Login succeeded: %1 accepted %2 (%3).").arg(r->registry, r->key, r->user);
    } else {
        message = tr("Login failed: %1").arg(r.error().message);
    }
    setStatus(message, !r);
    updateActions();
    Q_EMIT testFinished(r.has_value(), message);
}

void CredentialManager::explain()
{
    explainImage(m_explainEdit->text());
}

void CredentialManager::explainImage(const QString &typed)
{
    QString text = typed.trimmed();
    if (text.startsWith("docker://"_L1))
        text = text.mid(9);
    if (text.isEmpty()) {
        m_explanation->setPlainText(tr("Type an image reference, e.g. quay.io/team/app:v1."));
        return;
    }
    auto image = ImageReference::parse(text, false);
    if (!image) {
        m_explainedImage.clear();
        m_explanation->setPlainText(tr("Not an image reference: %1").arg(image.error().message));
        Q_EMIT explained(m_explanation->toPlainText());
        return;
    }
    m_explainedImage = text;
    m_explaining = true;
    m_explainWatcher->setFuture(m_model->store().resolveAsync(image->domain(), image->path()));
}

void CredentialManager::onExplained()
{
    // Taken out of the future, not copied, so the secret it carries is overwritten here and nowhere else.
    m_explaining = false;
    Result<CredentialResolution> r = m_explainWatcher->future().takeResult();
    if (r && r->match)
        secrets::wipe(r->match->credentials);
    const QString text = r ? r->explanation() : tr("Cannot tell: %1").arg(r.error().message);
    m_explanation->setPlainText(text);
    Q_EMIT explained(text);
}

PullSecretDialog *CredentialManager::openExportDialog()
{
    QList<CredentialEntry> entries = selectedEntries();
    if (entries.isEmpty()) {
        // Everything that is used: a shadowed entry would change what the cluster picks for some images.
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (m_model->entryAt(row)->shadowedBy.isEmpty())
                entries.append(*m_model->entryAt(row));
        }
    }
    if (entries.isEmpty())
        return nullptr;
    auto *dialog = new PullSecretDialog(entries, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

} // namespace stevedore::ui
