#include "registrybrowser.h"

#include "imagedetailspane.h"
#include "toolbaractions.h"

#include "addregistrydialog.h"
#include "credentialdialog.h"
#include "credentialsmodel.h"
#include "icons.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QFrame>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <memory>

using namespace Qt::StringLiterals;

namespace stevedore::ui {

using models::RegistryTreeModel;
using Kind = RegistryTreeModel::Kind;

namespace {

Kind kindOf(const QModelIndex &i)
{
    return Kind(i.data(RegistryTreeModel::KindRole).toInt());
}

} // namespace


RegistryBrowser::RegistryBrowser(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"registryBrowser"_s);
    m_model = new RegistryTreeModel(this);
    m_filter = new models::RegistryFilterModel(this);
    connect(m_model, &RegistryTreeModel::pushDropped, this, &RegistryBrowser::pushRequested);
    m_filter->setSourceModel(m_model);

    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(u"registryFilterEdit"_s);
    m_filterEdit->setClearButtonEnabled(true);
    connect(m_filterEdit, &QLineEdit::textChanged, m_filter, &models::RegistryFilterModel::setNameFilter);
    m_addButton = new QPushButton(actionIcon("add"), QString(), this);
    m_addButton->setObjectName(u"addRegistryButton"_s);
    connect(m_addButton, &QPushButton::clicked, this, &RegistryBrowser::addRegistryDialog);
    auto *top = new QHBoxLayout;
    top->addWidget(m_filterEdit, 1);
    top->addWidget(m_addButton);

    m_view = new QTreeView(this);
    m_view->setObjectName(u"registryTree"_s);
    m_view->setModel(m_filter);
    m_view->setUniformRowHeights(true);
    m_view->setDragEnabled(true);
    m_view->setDragDropMode(QAbstractItemView::DragDrop); // tags drag out; images dropped on a row are pushed there
    m_view->setDefaultDropAction(Qt::CopyAction);
    m_view->setDropIndicatorShown(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->header()->setSectionResizeMode(RegistryTreeModel::Name, QHeaderView::Stretch);
    m_view->header()->setStretchLastSection(false);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &RegistryBrowser::onCurrentChanged);

    m_repoEdit = new QLineEdit(this);
    m_repoEdit->setObjectName(u"repositoryEdit"_s);
    m_openRepoButton = new QPushButton(this);
    m_openRepoButton->setObjectName(u"openRepositoryButton"_s);
    connect(m_openRepoButton, &QPushButton::clicked, this, &RegistryBrowser::openTypedRepository);
    connect(m_repoEdit, &QLineEdit::returnPressed, this, &RegistryBrowser::openTypedRepository);
    auto *repoRow = new QHBoxLayout;
    repoRow->addWidget(m_repoEdit, 1);
    repoRow->addWidget(m_openRepoButton);

    m_errorPanel = new QFrame(this);
    m_errorPanel->setObjectName(u"registryErrorPanel"_s);
    m_errorPanel->setFrameShape(QFrame::StyledPanel);
    m_errorText = new QLabel(m_errorPanel);
    m_errorText->setObjectName(u"registryErrorText"_s);
    m_errorText->setWordWrap(true);
    m_errorText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retryButton = new QPushButton(actionIcon("retry"), QString(), m_errorPanel);
    m_retryButton->setObjectName(u"registryRetryButton"_s);
    connect(m_retryButton, &QPushButton::clicked, this, &RegistryBrowser::retryCurrent);
    m_loginButton = new QPushButton(actionIcon("credentials"), QString(), m_errorPanel);
    m_loginButton->setObjectName(u"registryLoginButton"_s);
    connect(m_loginButton, &QPushButton::clicked, this, &RegistryBrowser::logIn);
    m_trustButton = new QPushButton(actionIcon("open"), QString(), m_errorPanel);
    m_trustButton->setObjectName(u"registryTrustButton"_s);
    connect(m_trustButton, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Certificate Folder"));
        if (!dir.isEmpty())
            trustCertificateFolder(dir);
    });
    auto *errorLayout = new QVBoxLayout(m_errorPanel);
    errorLayout->addWidget(m_errorText);
    auto *errorButtons = new QHBoxLayout;
    errorButtons->addWidget(m_retryButton);
    errorButtons->addWidget(m_loginButton);
    errorButtons->addWidget(m_trustButton);
    errorButtons->addStretch();
    errorLayout->addLayout(errorButtons);
    m_errorPanel->hide();

    // Details: summary (digest, sizes, layers or platforms), manifest, config.
    m_details = new ImageDetailsPane(this);
    connect(m_details, &ImageDetailsPane::digestCopied, this,
            [this](const QString &digest) { Q_EMIT statusMessage(tr("Copied %1.").arg(digest)); });
    m_deleteButton = new QPushButton(actionIcon("remove"), QString(), m_details);
    m_deleteButton->setObjectName(u"registryDeleteButton"_s);
    connect(m_deleteButton, &QPushButton::clicked, this, &RegistryBrowser::deleteCurrent);
    m_details->addDigestButton(m_deleteButton);

    // The buttons' keys, while the focus is anywhere in the browser (the tree, the fields, the details).
    addButtonShortcut(this, m_addButton, "addRegistryAction", QKeySequence::New, false);
    addButtonShortcut(this, m_retryButton, "registryRetryAction", QKeySequence(Qt::CTRL | Qt::Key_R), true);
    addButtonShortcut(this, m_loginButton, "registryLoginAction", QKeySequence(Qt::CTRL | Qt::Key_L), true);
    addButtonShortcut(this, m_trustButton, "registryTrustAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T), true);
    addButtonShortcut(this, m_deleteButton, "registryDeleteAction", QKeySequence::Delete, false);
    addActions(m_details->shortcutActions());
    // Ctrl+O: to the repository field, or, with a name typed in it, open that repository.
    m_openRepoAction = addShortcutAction(this, "openRepositoryAction", QKeySequence::Open, "open");
    connect(m_openRepoAction, &QAction::triggered, this, [this] {
        if (m_repoEdit->text().trimmed().isEmpty())
            m_repoEdit->setFocus(Qt::ShortcutFocusReason);
        else
            openTypedRepository();
    });
    m_findAction = addFocusAction(this, "registryFilterAction", QKeySequence::Find, m_filterEdit);

    m_status = new QLabel(this);
    m_status->setObjectName(u"registryBrowserStatus"_s);
    m_status->setWordWrap(true);

    auto *treePane = new QWidget(this);
    auto *treeLayout = new QVBoxLayout(treePane);
    treeLayout->setContentsMargins(0, 0, 0, 0);
    treeLayout->addLayout(top);
    treeLayout->addWidget(m_view, 1);
    treeLayout->addLayout(repoRow);
    treeLayout->addWidget(m_errorPanel);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(treePane);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);

    connect(m_model, &RegistryTreeModel::fetchFinished, this, [this] { updateErrorPanel(); });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] { updateErrorPanel(); });
    connect(m_model, &RegistryTreeModel::deleteFinished, this, [this](bool ok, const QString &message) {
        m_status->setText(message);
        Q_EMIT statusMessage(message);
        if (ok)
            clearDetails();
    });

    retranslate();
    clearDetails();
    m_model->loadRegistries();
}

RegistryBrowser::~RegistryBrowser() = default;

void RegistryBrowser::retranslate()
{
    m_filterEdit->setPlaceholderText(tr("Filter by name"));
    setButtonText(m_addButton, tr("&Add Registry…"));
    m_repoEdit->setPlaceholderText(tr("Repository name, e.g. team/app"));
    m_openRepoButton->setText(tr("&Open Repository"));
    m_openRepoAction->setText(m_openRepoButton->text());
    m_findAction->setText(tr("&Filter by Name"));
    setButtonText(m_retryButton, tr("&Retry"));
    setButtonText(m_loginButton, tr("&Log In…"));
    setButtonText(m_trustButton, tr("&Trust Certificate Folder…"));
    setButtonText(m_deleteButton, tr("&Delete…"));
    if (m_model)
        m_model->retranslate();
}

void RegistryBrowser::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_filterEdit)
        retranslate();
    QWidget::changeEvent(event);
}

QModelIndex RegistryBrowser::currentSourceIndex() const
{
    return m_filter->mapToSource(m_view->currentIndex());
}

void RegistryBrowser::setCurrentSourceIndex(const QModelIndex &index)
{
    m_view->setCurrentIndex(m_filter->mapFromSource(index));
}

QString RegistryBrowser::manifestText() const
{
    return m_details->manifestText();
}

QString RegistryBrowser::configText() const
{
    return m_details->configText();
}

AddRegistryDialog *RegistryBrowser::addRegistryDialog()
{
    auto *dialog = new AddRegistryDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (auto spec = dialog->spec())
            setCurrentSourceIndex(m_model->addRegistry(*spec));
    });
    dialog->open();
    return dialog;
}

void RegistryBrowser::openTypedRepository()
{
    QModelIndex registry = currentSourceIndex();
    while (registry.isValid() && kindOf(registry) != Kind::Registry)
        registry = registry.parent();
    if (!registry.isValid() && m_model->rowCount() == 1)
        registry = m_model->index(0, 0);
    if (!registry.isValid()) {
        m_status->setText(tr("Choose the registry the repository is in first."));
        return;
    }
    const QString name = m_repoEdit->text().trimmed();
    if (name.isEmpty())
        return;
    const QModelIndex repo = m_model->openRepository(registry, name);
    if (!repo.isValid())
        return;
    m_view->expand(m_filter->mapFromSource(registry));
    const QModelIndex shown = m_filter->mapFromSource(repo);
    m_view->setCurrentIndex(shown);
    m_view->expand(shown);
    m_repoEdit->clear();
}

QModelIndex RegistryBrowser::failedIndexNearCurrent() const
{
    const QModelIndex current = currentSourceIndex();
    if (!current.isValid())
        return {};
    auto failed = [](const QModelIndex &i) {
        return kindOf(i) == Kind::Status
               && RegistryTreeModel::StatusKind(i.data(RegistryTreeModel::StatusKindRole).toInt())
                      == RegistryTreeModel::StatusKind::Error;
    };
    if (failed(current))
        return current;
    if (const QModelIndex status = m_model->statusIndex(current); status.isValid() && failed(status))
        return status;
    return {};
}

void RegistryBrowser::updateErrorPanel()
{
    const QModelIndex failed = failedIndexNearCurrent();
    if (!failed.isValid()) {
        m_errorPanel->hide();
        return;
    }
    const auto code = ErrorCode(failed.data(RegistryTreeModel::ErrorCodeRole).toInt());
    m_errorText->setText(failed.data(Qt::DisplayRole).toString());
    m_errorText->setToolTip(failed.data(RegistryTreeModel::ErrorDetailRole).toString());
    m_loginButton->setVisible(code == ErrorCode::Unauthorized || code == ErrorCode::Denied
                              || code == ErrorCode::CredentialsMissing);
    m_trustButton->setVisible(code == ErrorCode::TlsError);
    m_errorPanel->show();
}

void RegistryBrowser::retryCurrent()
{
    const QModelIndex failed = failedIndexNearCurrent();
    if (!failed.isValid())
        return;
    const QModelIndex owner = failed.parent();
    m_model->retry(failed);
    setCurrentSourceIndex(owner);
    updateErrorPanel();
}

void RegistryBrowser::trustCertificateFolder(const QString &folder)
{
    const QModelIndex current = currentSourceIndex();
    QModelIndex registry = current;
    while (registry.isValid() && kindOf(registry) != Kind::Registry)
        registry = registry.parent();
    if (!registry.isValid())
        return;
    models::RegistrySpec spec = m_model->registrySpec(registry);
    spec.certDir = folder;
    spec.fromCredentials = false; // remembered from now on, with its folder
    m_model->updateRegistry(registry, spec);
    setCurrentSourceIndex(registry);
    m_view->expand(m_filter->mapFromSource(registry));
    m_status->setText(tr("%1 is now reached with the certificates of %2.").arg(spec.host, folder));
}

CredentialDialog *RegistryBrowser::logIn()
{
    QModelIndex registry = currentSourceIndex();
    while (registry.isValid() && kindOf(registry) != Kind::Registry)
        registry = registry.parent();
    if (!registry.isValid())
        return nullptr;
    const models::RegistrySpec spec = m_model->registrySpec(registry);
    if (!m_credentials) {
        Q_EMIT loginRequested(spec.host);
        return nullptr;
    }
    if (m_loginDialog)
        m_loginDialog->close();
    auto *dialog = new CredentialDialog(m_credentials, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->keyEdit()->setText(spec.host);
    dialog->verifyCheck()->setChecked(true);
    dialog->tlsVerifyCheck()->setChecked(spec.tlsVerify);
    const QPersistentModelIndex persistent(registry);
    connect(dialog, &CredentialDialog::stored, this,
            [this, persistent](const QString &key, const QString &, const QString &where, bool verified) {
        m_status->setText(verified ? tr("Logged in and stored %1 in %2.").arg(key, where)
                                   : tr("Stored %1 in %2 (not verified).").arg(key, where));
        m_credentials->refresh();
        if (persistent.isValid()) {
            m_model->retry(persistent); // a new session: the credentials are looked up again
            setCurrentSourceIndex(persistent);
            m_view->expand(m_filter->mapFromSource(persistent));
        }
    });
    m_loginDialog = dialog;
    dialog->open();
    return dialog;
}

void RegistryBrowser::deleteCurrent()
{
    const QModelIndex current = currentSourceIndex();
    const Kind kind = current.isValid() ? kindOf(current) : Kind::Status;
    if (kind != Kind::Tag && kind != Kind::Platform)
        return;
    const QString reference = current.data(RegistryTreeModel::ImageReferenceRole).toString();
    const QString digest = m_details->digest().isEmpty() ? current.data(RegistryTreeModel::DigestRole).toString() : m_details->digest();
    const QString text = tr("Delete %1 from the registry?\n\nThe registry deletes the manifest %2 and every tag that "
                            "names it. This cannot be undone.")
                             .arg(reference, digest.isEmpty() ? tr("it names") : digest);
    QPointer<RegistryBrowser> self(this);
    const auto answer = QMessageBox::question(this, tr("Delete Image"), text, QMessageBox::Yes | QMessageBox::Cancel,
                                              QMessageBox::Cancel);
    if (!self || answer != QMessageBox::Yes)
        return;
    m_status->setText(tr("Deleting %1…").arg(reference));
    m_model->deleteManifest(current);
}

} // namespace stevedore::ui
