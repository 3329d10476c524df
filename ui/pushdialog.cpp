#include "pushdialog.h"

#include "localimagesmodel.h"
#include "mimereferences.h"
#include "preferencesdialog.h"
#include "registrytreemodel.h"

#include "content/mediatypes.h"

#include <QAbstractItemModel>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStringListModel>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace stevedore::ui {

namespace {
const QString kRecentKey = u"pushDialog/recentDestinations"_s;
const QString kCompressionKey = u"pushDialog/compression"_s;
const QString kLevelKey = u"pushDialog/compressionLevel"_s;
const QString kFormatKey = u"pushDialog/format"_s;
const QString kCertDirKey = u"pushDialog/certDir"_s;
const QString kTlsVerifyKey = u"pushDialog/tlsVerify"_s;
constexpr int kMaxRecent = 10;
constexpr int kDescribeDelayMs = 250;

QLineEdit *lineEdit(QWidget *parent, const QString &name)
{
    auto *e = new QLineEdit(parent);
    e->setObjectName(name);
    return e;
}

QToolButton *toolButton(QWidget *parent, const QString &name)
{
    auto *b = new QToolButton(parent);
    b->setObjectName(name);
    return b;
}

QWidget *row(QWidget *parent, QWidget *main, const QList<QWidget *> &extra)
{
    auto *w = new QWidget(parent);
    auto *l = new QHBoxLayout(w);
    l->setContentsMargins(0, 0, 0, 0);
    l->addWidget(main, 1);
    for (QWidget *x : extra)
        l->addWidget(x);
    return w;
}
} // namespace

QString describeSummary(const SourceSummary &s)
{
    const bool docker = s.mediaType.contains(u"docker"_s);
    if (s.index) {
        QStringList names;
        for (const Platform &p : s.platforms)
            names.append(p.toString());
        const QString kind = docker ? PushDialog::tr("Docker manifest list") : PushDialog::tr("OCI index");
        if (names.isEmpty())
            return PushDialog::tr("%1, %n image(s)", nullptr, s.children).arg(kind);
        return PushDialog::tr("%1, %n platform(s): %2", nullptr, int(names.size())).arg(kind, names.join(u", "_s));
    }
    const QString kind = docker ? PushDialog::tr("Docker image") : PushDialog::tr("OCI image");
    return PushDialog::tr("%1, %n layer(s), %2", nullptr, s.layers).arg(kind, QLocale().formattedDataSize(s.size));
}

PushDialog::PushDialog(QString storageRoot, QWidget *parent)
    : QDialog(parent)
    , m_root(std::move(storageRoot))
{
    setObjectName(u"pushDialog"_s);
    setWindowTitle(tr("Push Image"));

    m_source = lineEdit(this, u"source"_s);
    m_source->setPlaceholderText(tr("myapp:v1 or oci:/path/to/layout:tag"));
    m_browse = toolButton(this, u"browseSource"_s);
    m_browse->setText(tr("&Browse…"));
    m_browse->setToolTip(tr("Choose an OCI layout or dir: folder (the arrow: an OCI or Docker archive file)"));
    m_browse->setPopupMode(QToolButton::MenuButtonPopup);
    m_browse->setMenu(new QMenu(m_browse));
    m_browse->menu()->addAction(tr("&Folder…"), this, &PushDialog::browseSource);
    m_browse->menu()->addAction(tr("&Archive File…"), this, &PushDialog::browseArchive);
    m_localButton = toolButton(this, u"localImage"_s);
    m_localButton->setText(tr("&Local Image"));
    m_localButton->setToolTip(tr("Choose an image of the local store"));
    m_localButton->setPopupMode(QToolButton::InstantPopup);
    m_localButton->setMenu(new QMenu(m_localButton));
    m_localButton->setEnabled(false);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"sourceSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_destination = lineEdit(this, u"destination"_s);
    m_destination->setPlaceholderText(tr("docker://registry.example:5000/team/app:v1"));
    m_recent = toolButton(this, u"recentDestinations"_s);
    m_recent->setText(tr("Recent"));
    m_recent->setPopupMode(QToolButton::InstantPopup);
    m_recent->setMenu(new QMenu(m_recent));
    auto *completer = new QCompleter(new QStringListModel(recentDestinations(), this), this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_destination->setCompleter(completer);

    m_all = new QCheckBox(tr("Push &all platforms of an index"), this);
    m_all->setObjectName(u"all"_s);
    m_platform = new QComboBox(this);
    m_platform->setObjectName(u"platform"_s);
    m_platform->addItem(tr("This computer's (%1)").arg(Platform::host().toString()), QString());
    m_compression = new QComboBox(this);
    m_compression->setObjectName(u"compression"_s);
    m_compression->addItem(tr("As the destination prefers"), QString());
    m_compression->addItem(tr("gzip"), u"gzip"_s);
    m_compression->addItem(tr("zstd"), u"zstd"_s);
    m_compression->addItem(tr("None (uncompressed layers)"), u"none"_s);
    m_level = new QSpinBox(this);
    m_level->setObjectName(u"compressionLevel"_s);
    m_level->setRange(0, 22);
    m_level->setSpecialValueText(tr("Default level"));
    m_format = new QComboBox(this);
    m_format->setObjectName(u"format"_s);
    m_format->addItem(tr("Keep (convert only when needed)"), QString());
    m_format->addItem(tr("OCI"), u"oci"_s);
    m_format->addItem(tr("Docker v2 schema 2"), u"v2s2"_s);
    m_retries = new QSpinBox(this);
    m_retries->setObjectName(u"retries"_s);
    m_retries->setRange(0, 20);
    m_retries->setValue(PreferencesDialog::retries());
    m_tlsVerify = new QCheckBox(tr("&Verify TLS certificates (require https)"), this);
    m_tlsVerify->setObjectName(u"tlsVerify"_s);
    m_tlsVerify->setChecked(true);
    m_certDir = lineEdit(this, u"certDir"_s);
    m_certDir->setPlaceholderText(tr("the system's (/etc/containers/certs.d)"));
    auto *certBrowse = toolButton(this, u"browseCertDir"_s);
    certBrowse->setText(tr("…"));
    m_digestFile = lineEdit(this, u"digestFile"_s);
    m_digestFile->setPlaceholderText(tr("where to write the pushed digest (optional)"));
    auto *digestBrowse = toolButton(this, u"browseDigestFile"_s);
    digestBrowse->setText(tr("…"));
    m_user = lineEdit(this, u"user"_s);
    m_user->setPlaceholderText(tr("from auth.json when empty"));
    m_password = lineEdit(this, u"password"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_message = new QLabel(this);
    m_message->setObjectName(u"message"_s);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Push"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Source:"), row(this, m_source, {m_browse, m_localButton}));
    form->addRow(QString(), m_summary);
    form->addRow(tr("&Destination:"), row(this, m_destination, {m_recent}));
    auto *options = new QGroupBox(tr("Options"), this);
    auto *optionsForm = new QFormLayout(options);
    optionsForm->addRow(QString(), m_all);
    optionsForm->addRow(tr("P&latform:"), m_platform);
    optionsForm->addRow(tr("&Compression:"), row(options, m_compression, {m_level}));
    optionsForm->addRow(tr("&Manifest format:"), m_format);
    optionsForm->addRow(tr("Re&tries:"), m_retries);
    optionsForm->addRow(QString(), m_tlsVerify);
    optionsForm->addRow(tr("Certificate &folder:"), row(options, m_certDir, {certBrowse}));
    optionsForm->addRow(tr("Di&gest file:"), row(options, m_digestFile, {digestBrowse}));
    auto *login = new QGroupBox(tr("Log in for this push only"), this);
    auto *loginForm = new QFormLayout(login);
    loginForm->addRow(tr("&User:"), m_user);
    loginForm->addRow(tr("Pass&word:"), m_password);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(options);
    layout->addWidget(login);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &PushDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PushDialog::reject);
    m_describeTimer = new QTimer(this);
    m_describeTimer->setSingleShot(true);
    m_describeTimer->setInterval(kDescribeDelayMs);
    connect(m_describeTimer, &QTimer::timeout, this, &PushDialog::describeSource);
    connect(&m_watcher, &QFutureWatcher<Result<SourceSummary>>::finished, this, &PushDialog::onDescribed);
    connect(m_source, &QLineEdit::textChanged, this, &PushDialog::scheduleDescribe);
    connect(m_browse, &QToolButton::clicked, this, &PushDialog::browseSource);
    connect(m_localButton->menu(), &QMenu::aboutToShow, this, &PushDialog::fillLocalMenu);
    connect(m_recent->menu(), &QMenu::aboutToShow, this, &PushDialog::fillRecentMenu);
    connect(m_all, &QCheckBox::clicked, this, [this] { m_allTouched = true; });
    connect(m_all, &QCheckBox::toggled, this, [this](bool all) { m_platform->setEnabled(!all); });
    connect(certBrowse, &QToolButton::clicked, this, [this] {
        auto *d = new QFileDialog(this, tr("Certificate Folder"), m_certDir->text());
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->setFileMode(QFileDialog::Directory);
        d->setOption(QFileDialog::ShowDirsOnly);
        connect(d, &QFileDialog::fileSelected, m_certDir, &QLineEdit::setText);
        d->open();
    });
    connect(digestBrowse, &QToolButton::clicked, this, [this] {
        auto *d = new QFileDialog(this, tr("Digest File"), m_digestFile->text());
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->setAcceptMode(QFileDialog::AcceptSave);
        connect(d, &QFileDialog::fileSelected, m_digestFile, &QLineEdit::setText);
        d->open();
    });
    connect(m_compression, &QComboBox::currentIndexChanged, this, &PushDialog::validate);
    connect(m_level, &QSpinBox::valueChanged, this, &PushDialog::validate);
    connect(m_tlsVerify, &QCheckBox::toggled, this, &PushDialog::scheduleDescribe);
    for (QLineEdit *e : {m_source, m_destination, m_user, m_password, m_certDir})
        connect(e, &QLineEdit::textChanged, this, &PushDialog::validate);
    restoreOptions();
    validate();
    resize(620, sizeHint().height());
}

QStringList PushDialog::recentDestinations()
{
    return QSettings().value(kRecentKey).toStringList().mid(0, kMaxRecent);
}

void PushDialog::forgetTlsOptions()
{
    QSettings s;
    s.remove(kCertDirKey);
    s.remove(kTlsVerifyKey);
}

void PushDialog::setSource(const QString &source)
{
    m_source->setText(source);
    // With a default registry (Preferences), the image is proposed there under its own name, until a destination
    // is typed or given.
    const QString host = PreferencesDialog::defaultRegistry();
    const QString destination = destinationText();
    if (!host.isEmpty() && (destination.isEmpty() || destination == m_proposed)) {
        m_proposed = models::destinationOnRegistry(host, source.trimmed());
        m_destination->setText(m_proposed);
    }
}

void PushDialog::setDestination(const QString &destination)
{
    m_destination->setText(destination);
}

QString PushDialog::sourceText() const
{
    return m_source->text().trimmed();
}

QString PushDialog::destinationText() const
{
    return m_destination->text().trimmed();
}

void PushDialog::setLocalImages(QAbstractItemModel *images)
{
    m_images = images;
    m_localButton->setEnabled(images != nullptr);
}

Result<PushRequest> makePushRequest(const QString &sourceText, const QString &destinationText,
                                    const QString &storageRoot)
{
    PushRequest r;
    if (sourceText.isEmpty())
        return fail(ErrorCode::InvalidArgument, PushDialog::tr("Enter the image to push."));
    auto source = TransportReference::parse(sourceText);
    if (!source)
        return fail(source.error().withContext(PushDialog::tr("source")));
    r.source = *source;

    if (destinationText.isEmpty()) {
        // As `stevedore push IMAGE`: a local image goes to the registry its name points at.
        if (r.source.kind != TransportReference::Kind::LocalStore || !r.source.image)
            return fail(ErrorCode::InvalidArgument, PushDialog::tr("Enter a destination, e.g. docker://host/repo:tag."));
        auto destination = TransportReference::parse(u"docker://"_s + r.source.image->toString());
        if (!destination)
            return fail(destination.error().withContext(PushDialog::tr("destination")));
        r.destination = *destination;
    } else {
        auto destination = TransportReference::parse(destinationText);
        if (!destination)
            return fail(destination.error().withContext(PushDialog::tr("destination")));
        r.destination = *destination;
    }
    r.context.storageRoot = storageRoot;
    return r;
}

Result<PushRequest> PushDialog::request() const
{
    auto made = makePushRequest(sourceText(), destinationText(), m_root);
    if (!made)
        return made;
    PushRequest r = *made;
    if (!m_tlsVerify->isChecked())
        r.context.tlsVerify = false;
    const QString user = m_user->text().trimmed();
    if (!user.isEmpty()) {
        if (m_password->text().isEmpty())
            return fail(ErrorCode::CredentialsMissing, tr("Enter the password for %1.").arg(user));
        Credentials c;
        c.username = user;
        c.password = m_password->text();
        r.context.credentials = c;
    } else if (!m_password->text().isEmpty()) {
        return fail(ErrorCode::CredentialsMissing, tr("Enter the user name that goes with the password."));
    }
    r.options.all = m_all->isChecked();
    const QString platform = m_platform->currentData().toString();
    if (!r.options.all && !platform.isEmpty()) {
        auto p = Platform::parse(platform);
        if (!p)
            return fail(p.error());
        r.options.platform = *p;
    }
    const QString compression = m_compression->currentData().toString();
    const int level = m_level->value();
    if (compression == "gzip"_L1)
        r.options.compression = Compression::Gzip;
    else if (compression == "zstd"_L1)
        r.options.compression = Compression::Zstd;
    else if (compression == "none"_L1)
        r.options.compression = Compression::None;
    if (level > 0) {
        if (compression == "gzip"_L1 && level > 9)
            return fail(ErrorCode::InvalidArgument, tr("A gzip level is 1 to 9."));
        if (compression != "gzip"_L1 && compression != "zstd"_L1)
            return fail(ErrorCode::InvalidArgument, tr("Choose gzip or zstd to set a compression level."));
        r.options.compressionLevel = level;
    }
    const QString format = m_format->currentData().toString();
    if (format == "oci"_L1)
        r.options.manifestFormat = ManifestFamily::Oci;
    else if (format == "v2s2"_L1)
        r.options.manifestFormat = ManifestFamily::Docker;
    r.context.retry.maxRetries = m_retries->value();
    const QString certDir = m_certDir->text().trimmed();
    if (!certDir.isEmpty()) {
        if (!QFileInfo(certDir).isDir())
            return fail(ErrorCode::InvalidArgument, tr("The certificate folder %1 does not exist.").arg(certDir));
        r.context.certDir = certDir;
    }
    r.options.digestFile = m_digestFile->text().trimmed();
    return r;
}

void PushDialog::validate()
{
    const auto r = request();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(r.has_value());
    // Only complain about fields the user has started to fill.
    m_message->setText((r || sourceText().isEmpty()) ? QString() : r.error().message);
}

void PushDialog::scheduleDescribe()
{
    m_describeCancel.cancel();
    ++m_readGeneration;
    m_describeTimer->start();
}

void PushDialog::describeSource()
{
    auto source = TransportReference::parse(sourceText());
    if (!source) {
        m_summary->clear();
        return;
    }
    SystemContext ctx;
    ctx.storageRoot = m_root;
    if (!m_tlsVerify->isChecked())
        ctx.tlsVerify = false;
    ctx.certDir = m_certDir->text().trimmed();
    ctx.retry.maxRetries = 0;
    m_describeCancel = CancelToken();
    m_summary->setText(tr("Reading the source…"));
    const int generation = m_readGeneration;
    m_watcher.setProperty("generation", generation);
    m_watcher.setFuture(describeSourceAsync(*source, ctx, m_describeCancel));
}

void PushDialog::onDescribed()
{
    const auto future = m_watcher.future();
    if (m_watcher.property("generation").toInt() != m_readGeneration || future.resultCount() == 0)
        return; // the source changed meanwhile; its own read follows
    const auto result = future.result();
    if (!result) {
        m_summary->setText(tr("Cannot read the source: %1").arg(result.error().message));
        Q_EMIT sourceDescribed(false);
        return;
    }
    m_summary->setText(describeSummary(*result));
    // The platforms of an index to choose from; an index goes whole unless the user said otherwise.
    const QString current = m_platform->currentData().toString();
    while (m_platform->count() > 1)
        m_platform->removeItem(1);
    for (const Platform &p : result->platforms)
        if (m_platform->findData(p.toString()) < 0)
            m_platform->addItem(p.toString(), p.toString());
    m_platform->setCurrentIndex(std::max(0, m_platform->findData(current)));
    if (!m_allTouched)
        m_all->setChecked(result->index);
    Q_EMIT sourceDescribed(true);
}

void PushDialog::browseSource()
{
    auto *d = new QFileDialog(this, tr("Image Folder"));
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->setFileMode(QFileDialog::Directory);
    d->setOption(QFileDialog::ShowDirsOnly);
    connect(d, &QFileDialog::fileSelected, this, [this](const QString &folder) {
        // An OCI layout has its marker file; any other folder is read as a dir: image.
        setSource((QFileInfo::exists(folder + u"/oci-layout"_s) ? u"oci:"_s : u"dir:"_s) + folder);
    });
    d->open();
}

QFileDialog *PushDialog::browseArchive()
{
    auto *d = new QFileDialog(this, tr("Image Archive"));
    d->setObjectName(u"archiveDialog"_s);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->setFileMode(QFileDialog::ExistingFile);
    d->setNameFilters({tr("Image archives (*.tar *.tar.gz *.tgz)"), tr("All files (*)")});
    connect(d, &QFileDialog::fileSelected, this, [this](const QString &file) {
        setSource(models::archiveTransportOf(file) + u':' + file); // an OCI layout's archive or docker save's
    });
    d->open();
    return d;
}

void PushDialog::fillLocalMenu()
{
    QMenu *menu = m_localButton->menu();
    menu->clear();
    if (!m_images || m_images->rowCount() == 0) {
        menu->addAction(tr("No local images"))->setEnabled(false);
        return;
    }
    for (int r = 0; r < m_images->rowCount(); ++r) {
        const QString ref = m_images->index(r, 0).data(models::LocalImagesModel::ReferenceRole).toString();
        if (ref.isEmpty())
            continue;
        connect(menu->addAction(ref), &QAction::triggered, this, [this, ref] { setSource(ref); });
    }
}

void PushDialog::fillRecentMenu()
{
    QMenu *menu = m_recent->menu();
    menu->clear();
    const QStringList recent = recentDestinations();
    if (recent.isEmpty())
        menu->addAction(tr("No recent destinations"))->setEnabled(false);
    for (const QString &d : recent)
        connect(menu->addAction(d), &QAction::triggered, this, [this, d] { setDestination(d); });
}

void PushDialog::restoreOptions()
{
    QSettings s;
    m_compression->setCurrentIndex(std::max(0, m_compression->findData(s.value(kCompressionKey).toString())));
    m_level->setValue(s.value(kLevelKey, 0).toInt());
    m_format->setCurrentIndex(std::max(0, m_format->findData(s.value(kFormatKey).toString())));
    m_certDir->setText(s.value(kCertDirKey, PreferencesDialog::defaultCertDir()).toString());
    m_tlsVerify->setChecked(s.value(kTlsVerifyKey, PreferencesDialog::tlsVerifyDefault()).toBool());
}

void PushDialog::rememberOptions() const
{
    QSettings s;
    QStringList recent = recentDestinations();
    const QString destination = destinationText();
    if (!destination.isEmpty()) {
        recent.removeAll(destination);
        recent.prepend(destination);
        s.setValue(kRecentKey, recent.mid(0, kMaxRecent));
    }
    s.setValue(kCompressionKey, m_compression->currentData().toString());
    s.setValue(kLevelKey, m_level->value());
    s.setValue(kFormatKey, m_format->currentData().toString());
    s.setValue(kCertDirKey, m_certDir->text().trimmed());
    s.setValue(kTlsVerifyKey, m_tlsVerify->isChecked());
}

void PushDialog::accept()
{
    const auto r = request();
    if (!r) {
        m_message->setText(r.error().message);
        return;
    }
    rememberOptions();
    QDialog::accept();
}

} // namespace stevedore::ui
