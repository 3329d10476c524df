#include "registrybrowser.h"

#include "credentialdialog.h"
#include "credentialsmodel.h"

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

template <typename T, typename F>
void whenDone(QObject *context, QFuture<T> future, F done)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)]() mutable {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(future);
}

Kind kindOf(const QModelIndex &i)
{
    return Kind(i.data(RegistryTreeModel::KindRole).toInt());
}

QString sizeText(qint64 size)
{
    return size >= 0 ? QLocale().formattedDataSize(size) : QString();
}

} // namespace

// --- Add registry… ---

AddRegistryDialog::AddRegistryDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(u"addRegistryDialog"_s);
    setWindowTitle(tr("Add Registry"));
    auto *form = new QFormLayout;
    m_url = new QLineEdit(this);
    m_url->setObjectName(u"registryUrlEdit"_s);
    m_url->setPlaceholderText(tr("registry.example.com:5000"));
    m_tlsVerify = new QCheckBox(tr("Check the registry's TLS certificate"), this);
    m_tlsVerify->setObjectName(u"registryTlsVerifyBox"_s);
    m_tlsVerify->setChecked(true);
    m_certDir = new QLineEdit(this);
    m_certDir->setObjectName(u"registryCertDirEdit"_s);
    m_certDir->setPlaceholderText(tr("the system's (certs.d)"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Certificate Folder"), m_certDir->text());
        if (!dir.isEmpty())
            m_certDir->setText(dir);
    });
    auto *certRow = new QHBoxLayout;
    certRow->addWidget(m_certDir);
    certRow->addWidget(browse);
    form->addRow(tr("Registry &URL:"), m_url);
    form->addRow(QString(), m_tlsVerify);
    form->addRow(tr("&Certificate folder:"), certRow);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(m_url, &QLineEdit::textChanged, this, &AddRegistryDialog::validate);
    validate();
}

void AddRegistryDialog::validate()
{
    m_ok->setEnabled(spec().has_value());
}

std::optional<models::RegistrySpec> AddRegistryDialog::spec() const
{
    auto spec = models::RegistrySpec::fromUrl(m_url->text());
    if (!spec)
        return std::nullopt;
    if (!m_tlsVerify->isChecked())
        spec->tlsVerify = false;
    spec->certDir = m_certDir->text().trimmed();
    return spec;
}

// --- the browser ---

RegistryBrowser::RegistryBrowser(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"registryBrowser"_s);
    m_model = new RegistryTreeModel(this);
    m_filter = new models::RegistryFilterModel(this);
    m_filter->setSourceModel(m_model);

    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(u"registryFilterEdit"_s);
    m_filterEdit->setClearButtonEnabled(true);
    connect(m_filterEdit, &QLineEdit::textChanged, m_filter, &models::RegistryFilterModel::setNameFilter);
    m_addButton = new QPushButton(this);
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
    m_view->setDragDropMode(QAbstractItemView::DragOnly);
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
    m_retryButton = new QPushButton(m_errorPanel);
    m_retryButton->setObjectName(u"registryRetryButton"_s);
    connect(m_retryButton, &QPushButton::clicked, this, &RegistryBrowser::retryCurrent);
    m_loginButton = new QPushButton(m_errorPanel);
    m_loginButton->setObjectName(u"registryLoginButton"_s);
    connect(m_loginButton, &QPushButton::clicked, this, &RegistryBrowser::logIn);
    m_trustButton = new QPushButton(m_errorPanel);
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
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"registryDetailsTabs"_s);
    auto *summaryPage = new QWidget(m_tabs);
    m_summary = new QLabel(summaryPage);
    m_summary->setObjectName(u"registrySummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_digestLabel = new QLabel(summaryPage);
    m_digestLabel->setObjectName(u"registryDigestLabel"_s);
    m_digestLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_copyDigest = new QPushButton(summaryPage);
    m_copyDigest->setObjectName(u"copyDigestButton"_s);
    connect(m_copyDigest, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_digest);
        Q_EMIT statusMessage(tr("Copied %1.").arg(m_digest));
    });
    m_deleteButton = new QPushButton(summaryPage);
    m_deleteButton->setObjectName(u"registryDeleteButton"_s);
    connect(m_deleteButton, &QPushButton::clicked, this, &RegistryBrowser::deleteCurrent);
    auto *digestRow = new QHBoxLayout;
    digestRow->addWidget(m_digestLabel, 1);
    digestRow->addWidget(m_copyDigest);
    digestRow->addWidget(m_deleteButton);
    m_entries = new QTreeWidget(summaryPage);
    m_entries->setObjectName(u"registryEntries"_s);
    m_entries->setRootIsDecorated(false);
    m_entries->setColumnCount(4);
    auto *summaryLayout = new QVBoxLayout(summaryPage);
    summaryLayout->addWidget(m_summary);
    summaryLayout->addLayout(digestRow);
    summaryLayout->addWidget(m_entries, 1);
    m_tabs->addTab(summaryPage, QString());

    auto *manifestPage = new QWidget(m_tabs);
    m_manifestEdit = new QPlainTextEdit(manifestPage);
    m_manifestEdit->setObjectName(u"registryManifestText"_s);
    m_manifestEdit->setReadOnly(true);
    m_manifestEdit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_copyManifest = new QPushButton(manifestPage);
    m_copyManifest->setObjectName(u"copyManifestButton"_s);
    connect(m_copyManifest, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_manifestEdit->toPlainText());
    });
    auto *manifestLayout = new QVBoxLayout(manifestPage);
    manifestLayout->addWidget(m_manifestEdit, 1);
    manifestLayout->addWidget(m_copyManifest, 0, Qt::AlignRight);
    m_tabs->addTab(manifestPage, QString());

    m_configEdit = new QPlainTextEdit(m_tabs);
    m_configEdit->setObjectName(u"registryConfigText"_s);
    m_configEdit->setReadOnly(true);
    m_configEdit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_tabs->addTab(m_configEdit, QString());

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
    splitter->addWidget(m_tabs);
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
    m_addButton->setText(tr("&Add Registry…"));
    m_repoEdit->setPlaceholderText(tr("Repository name, e.g. team/app"));
    m_openRepoButton->setText(tr("&Open Repository"));
    m_retryButton->setText(tr("&Retry"));
    m_loginButton->setText(tr("&Log In…"));
    m_trustButton->setText(tr("&Trust Certificate Folder…"));
    m_copyDigest->setText(tr("&Copy Digest"));
    m_deleteButton->setText(tr("&Delete…"));
    m_copyManifest->setText(tr("Copy &Manifest"));
    m_tabs->setTabText(0, tr("Summary"));
    m_tabs->setTabText(1, tr("Manifest"));
    m_tabs->setTabText(2, tr("Config"));
    m_entries->setHeaderLabels({tr("Entry"), tr("Digest"), tr("Size"), tr("Media type")});
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
    return m_manifestEdit->toPlainText();
}

QString RegistryBrowser::configText() const
{
    return m_configEdit->toPlainText();
}

void RegistryBrowser::addRegistryDialog()
{
    AddRegistryDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (auto spec = dialog.spec()) {
        const QModelIndex added = m_model->addRegistry(*spec);
        setCurrentSourceIndex(added);
    }
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

void RegistryBrowser::clearDetails(const QString &note)
{
    ++m_detailsGeneration;
    m_digest.clear();
    m_summary->setText(note.isEmpty() ? tr("Choose a tag or a platform image to see its details.") : note);
    m_digestLabel->clear();
    m_copyDigest->setEnabled(false);
    m_deleteButton->setEnabled(false);
    m_entries->clear();
    m_manifestEdit->clear();
    m_configEdit->clear();
}

void RegistryBrowser::onCurrentChanged()
{
    updateErrorPanel();
    const QModelIndex current = currentSourceIndex();
    const Kind kind = current.isValid() ? kindOf(current) : Kind::Status;
    if (kind == Kind::Layer) {
        clearDetails(tr("Layer %1\n%2, %3")
                         .arg(current.data(RegistryTreeModel::DigestRole).toString(),
                              current.data(RegistryTreeModel::MediaTypeRole).toString(),
                              sizeText(current.data(RegistryTreeModel::SizeRole).toLongLong())));
        return;
    }
    if (kind != Kind::Tag && kind != Kind::Platform) {
        clearDetails();
        return;
    }
    const SessionPtr session = m_model->sessionFor(current);
    if (!session)
        return;
    const QString reference = current.data(RegistryTreeModel::ImageReferenceRole).toString();
    clearDetails(tr("%1\nReading…").arg(reference));
    const quint64 generation = m_detailsGeneration;
    const QString repository = current.data(RegistryTreeModel::RepositoryRole).toString();
    const QString host = session->host();
    whenDone(this, manifestAsync(session, repository, current.data(RegistryTreeModel::ReferenceRole).toString()),
             [this, generation, session, repository, reference, host](const Result<RemoteManifest> &manifest) {
        if (generation != m_detailsGeneration)
            return;
        if (!manifest) {
            m_summary->setText(reference + u'\n' + RegistryTreeModel::windowMessage(manifest.error(), host));
            m_summary->setToolTip(manifest.error().message);
            Q_EMIT detailsShown();
            return;
        }
        m_summary->setText(reference);
        showManifest(*manifest);
        if (!manifest->config) {
            m_configEdit->setPlainText(manifest->isIndex ? tr("An index has no config: choose one of its platform images.")
                                                         : QString());
            Q_EMIT detailsShown();
            return;
        }
        m_configEdit->setPlainText(tr("Reading…"));
        whenDone(this, configAsync(session, repository, *manifest->config),
                 [this, generation, host](const Result<RemoteConfig> &config) {
            if (generation != m_detailsGeneration)
                return;
            if (config)
                showConfig(*config);
            else
                m_configEdit->setPlainText(RegistryTreeModel::windowMessage(config.error(), host) + u"\n\n"_s
                                           + config.error().message);
            Q_EMIT detailsShown();
        });
    });
}

void RegistryBrowser::showManifest(const RemoteManifest &manifest)
{
    m_digest = manifest.digest.toString();
    m_digestLabel->setText(tr("Digest: %1").arg(m_digest));
    m_copyDigest->setEnabled(true);
    m_deleteButton->setEnabled(true);
    const QJsonDocument doc = QJsonDocument::fromJson(manifest.raw.bytes);
    m_manifestEdit->setPlainText(doc.isNull() ? QString::fromUtf8(manifest.raw.bytes)
                                              : QString::fromUtf8(doc.toJson(QJsonDocument::Indented)));
    m_entries->clear();
    if (manifest.isIndex) {
        for (const Descriptor &d : manifest.platforms) {
            auto *item = new QTreeWidgetItem(m_entries);
            item->setText(0, d.platform ? d.platform->toString() : tr("(no platform)"));
            item->setText(1, d.digest.toString());
            item->setText(2, sizeText(d.size));
            item->setText(3, d.mediaType);
        }
        const QString head = m_summary->text() + u'\n'
                             + tr("%1, %n platform image(s)", nullptr, int(manifest.platforms.size()))
                                   .arg(manifest.raw.mediaType);
        m_summary->setText(head);
        // The total: every platform image's config and layers, read one manifest each.
        const SessionPtr session = m_model->sessionFor(currentSourceIndex());
        const QString repository = currentSourceIndex().data(RegistryTreeModel::RepositoryRole).toString();
        if (!session || manifest.platforms.isEmpty())
            return;
        struct Sum {
            qint64 total = 0;
            qsizetype left = 0;
            bool failed = false;
        };
        auto sum = std::make_shared<Sum>();
        sum->left = manifest.platforms.size();
        const quint64 generation = m_detailsGeneration;
        for (const Descriptor &d : manifest.platforms) {
            whenDone(this, manifestAsync(session, repository, d.digest.toString()),
                     [this, sum, generation, head](const Result<RemoteManifest> &image) {
                if (image && image->totalSize() >= 0)
                    sum->total += image->totalSize();
                else
                    sum->failed = true;
                if (--sum->left > 0 || generation != m_detailsGeneration || sum->failed)
                    return;
                m_summary->setText(head + u'\n' + tr("%1 in all (compressed, every platform)").arg(sizeText(sum->total)));
            });
        }
        return;
    }
    if (manifest.config) {
        auto *item = new QTreeWidgetItem(m_entries);
        item->setText(0, tr("config"));
        item->setText(1, manifest.config->digest.toString());
        item->setText(2, sizeText(manifest.config->size));
        item->setText(3, manifest.config->mediaType);
    }
    int n = 0;
    for (const Descriptor &d : manifest.layers) {
        auto *item = new QTreeWidgetItem(m_entries);
        item->setText(0, tr("layer %1").arg(++n));
        item->setText(1, d.digest.toString());
        item->setText(2, sizeText(d.size));
        item->setText(3, d.mediaType);
    }
    m_summary->setText(m_summary->text() + u'\n'
                       + tr("%1, %n layer(s), %2 in all (compressed)", nullptr, int(manifest.layers.size()))
                             .arg(manifest.raw.mediaType, sizeText(manifest.totalSize())));
}

void RegistryBrowser::showConfig(const RemoteConfig &c)
{
    QStringList lines;
    lines << tr("Platform: %1").arg(c.os + u'/' + c.architecture + (c.variant.isEmpty() ? QString() : u'/' + c.variant));
    if (!c.created.isEmpty())
        lines << tr("Created: %1").arg(c.created);
    if (!c.user.isEmpty())
        lines << tr("User: %1").arg(c.user);
    if (!c.workingDir.isEmpty())
        lines << tr("Working directory: %1").arg(c.workingDir);
    lines << tr("Entrypoint: %1").arg(c.entrypoint.join(u' '));
    lines << tr("Command: %1").arg(c.cmd.join(u' '));
    lines << QString() << tr("Environment:");
    for (const QString &e : c.env)
        lines << u"  "_s + e;
    lines << QString() << tr("Labels:");
    for (auto it = c.labels.cbegin(); it != c.labels.cend(); ++it)
        lines << u"  "_s + it.key() + u'=' + it.value();
    lines << QString() << tr("History:");
    for (const RemoteConfig::History &h : c.history)
        lines << u"  "_s + h.created + u"  "_s + h.createdBy + (h.emptyLayer ? tr(" (no layer)") : QString())
                     + (h.comment.isEmpty() ? QString() : u"  # "_s + h.comment);
    m_configEdit->setPlainText(lines.join(u'\n'));
}

void RegistryBrowser::deleteCurrent()
{
    const QModelIndex current = currentSourceIndex();
    const Kind kind = current.isValid() ? kindOf(current) : Kind::Status;
    if (kind != Kind::Tag && kind != Kind::Platform)
        return;
    const QString reference = current.data(RegistryTreeModel::ImageReferenceRole).toString();
    const QString digest = m_digest.isEmpty() ? current.data(RegistryTreeModel::DigestRole).toString() : m_digest;
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
