#include "imagedetailspane.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "icons.h"
#include "toolbaractions.h"

using namespace Qt::StringLiterals;

namespace stevedore::ui {

namespace {

QString sizeText(qint64 size)
{
    return size >= 0 ? QLocale().formattedDataSize(size) : QString();
}

// An RFC 3339 time of a config in the chosen locale's short form (as written when it does not parse).
QString dateText(const QString &rfc3339)
{
    const QDateTime t = QDateTime::fromString(rfc3339, Qt::ISODateWithMs);
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : rfc3339;
}

void addEntry(QTreeWidget *list, const QString &what, const Descriptor &d)
{
    auto *item = new QTreeWidgetItem(list);
    item->setText(0, what);
    item->setText(1, d.digest.toString());
    item->setText(2, sizeText(d.size));
    item->setText(3, d.mediaType);
}

} // namespace

ImageDetailsPane::ImageDetailsPane(QWidget *parent) : QTabWidget(parent)
{
    setObjectName(u"registryDetailsTabs"_s);
    auto *summaryPage = new QWidget(this);
    m_summary = new QLabel(summaryPage);
    m_summary->setObjectName(u"registrySummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_digestLabel = new QLabel(summaryPage);
    m_digestLabel->setObjectName(u"registryDigestLabel"_s);
    m_digestLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_copyDigest = new QPushButton(actionIcon("copy"), QString(), summaryPage);
    m_copyDigest->setObjectName(u"copyDigestButton"_s);
    connect(m_copyDigest, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(digest());
        Q_EMIT digestCopied(digest());
    });
    m_digestRow = new QHBoxLayout;
    m_digestRow->addWidget(m_digestLabel, 1);
    m_digestRow->addWidget(m_copyDigest);
    m_entries = new QTreeWidget(summaryPage);
    m_entries->setObjectName(u"registryEntries"_s);
    m_entries->setRootIsDecorated(false);
    m_entries->setColumnCount(4);
    auto *summaryLayout = new QVBoxLayout(summaryPage);
    summaryLayout->addWidget(m_summary);
    summaryLayout->addLayout(m_digestRow);
    summaryLayout->addWidget(m_entries, 1);
    addTab(summaryPage, QString());

    auto *manifestPage = new QWidget(this);
    m_manifestEdit = new QPlainTextEdit(manifestPage);
    m_manifestEdit->setObjectName(u"registryManifestText"_s);
    m_manifestEdit->setReadOnly(true);
    m_manifestEdit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_copyManifest = new QPushButton(actionIcon("copy"), QString(), manifestPage);
    m_copyManifest->setObjectName(u"copyManifestButton"_s);
    connect(m_copyManifest, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_manifestEdit->toPlainText()); });
    auto *manifestLayout = new QVBoxLayout(manifestPage);
    manifestLayout->addWidget(m_manifestEdit, 1);
    manifestLayout->addWidget(m_copyManifest, 0, Qt::AlignRight);
    addTab(manifestPage, QString());

    m_configEdit = new QPlainTextEdit(this);
    m_configEdit->setObjectName(u"registryConfigText"_s);
    m_configEdit->setReadOnly(true);
    m_configEdit->setLineWrapMode(QPlainTextEdit::NoWrap);
    addTab(m_configEdit, QString());
    // The keys work wherever the focus is in the pane (and in the window that adds shortcutActions() to itself).
    m_shortcuts = {addButtonShortcut(this, m_copyDigest, "copyDigestAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
                                     false),
                   addButtonShortcut(this, m_copyManifest, "copyManifestAction",
                                     QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C), false)};
    redraw();
}

void ImageDetailsPane::addDigestButton(QPushButton *button)
{
    m_digestRow->addWidget(button);
    m_digestButtons.append(button);
    button->setEnabled(m_manifest.has_value());
}

void ImageDetailsPane::showNote(Text note, const QString &toolTip)
{
    m_note = std::move(note);
    m_summary->setToolTip(toolTip);
    m_name.clear();
    m_manifest.reset();
    m_config.reset();
    m_configNote = nullptr;
    m_indexTotal = -1;
    m_indexCounted = 0;
    redraw();
}

void ImageDetailsPane::showManifest(const QString &name, const RemoteManifest &manifest)
{
    m_note = nullptr;
    m_summary->setToolTip(QString());
    m_name = name;
    m_manifest = manifest;
    m_config.reset();
    m_configNote = nullptr;
    m_indexTotal = -1;
    m_indexCounted = 0;
    redraw();
}

void ImageDetailsPane::showConfig(const RemoteConfig &config)
{
    m_config = config;
    m_configNote = nullptr;
    drawConfig();
}

void ImageDetailsPane::showConfigNote(Text note)
{
    m_config.reset();
    m_configNote = std::move(note);
    drawConfig();
}

void ImageDetailsPane::showIndexTotal(qint64 total, int counted)
{
    m_indexTotal = total;
    m_indexCounted = counted;
    drawManifest();
}

QString ImageDetailsPane::summaryText() const
{
    return m_summary->text();
}

QString ImageDetailsPane::manifestText() const
{
    return m_manifestEdit->toPlainText();
}

QString ImageDetailsPane::configText() const
{
    return m_configEdit->toPlainText();
}

void ImageDetailsPane::redraw()
{
    setTabText(0, tr("Summary"));
    setTabText(1, tr("Manifest"));
    setTabText(2, tr("Config"));
    setButtonText(m_copyDigest, tr("&Copy Digest"));
    setButtonText(m_copyManifest, tr("Copy &Manifest"));
    m_entries->setHeaderLabels({tr("Entry"), tr("Digest"), tr("Size"), tr("Media type")});
    drawManifest();
    drawConfig();
}

void ImageDetailsPane::drawManifest()
{
    m_entries->clear();
    const bool shown = m_manifest.has_value();
    m_copyDigest->setEnabled(shown);
    for (QPushButton *b : std::as_const(m_digestButtons))
        b->setEnabled(shown);
    if (!shown) {
        m_summary->setText(m_note ? m_note() : QString());
        m_digestLabel->clear();
        m_manifestEdit->clear();
        return;
    }
    const RemoteManifest &m = *m_manifest;
    m_digestLabel->setText(tr("Digest: %1").arg(m.digest.toString()));
    const QJsonDocument doc = QJsonDocument::fromJson(m.raw.bytes);
    const QString json = doc.isNull() ? QString::fromUtf8(m.raw.bytes) : QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    if (m_manifestEdit->toPlainText() != json) // keeps the reader's scroll position across a redraw
        m_manifestEdit->setPlainText(json);
    QStringList lines{m_name};
    if (m.isIndex) {
        for (const Descriptor &d : m.platforms)
            addEntry(m_entries, d.platform ? d.platform->toString() : tr("(no platform)"), d);
        lines << tr("%1, %n platform image(s)", nullptr, int(m.platforms.size())).arg(m.raw.mediaType);
        if (m_indexTotal >= 0 && m_indexCounted >= m.platforms.size())
            lines << tr("%1 in all (compressed, every platform)").arg(sizeText(m_indexTotal));
        else if (m_indexTotal >= 0)
            lines << tr("%1 in all (compressed, the %n platform image(s) here)", nullptr, m_indexCounted)
                         .arg(sizeText(m_indexTotal));
    } else {
        if (m.config)
            addEntry(m_entries, tr("config"), *m.config);
        int n = 0;
        for (const Descriptor &d : m.layers)
            addEntry(m_entries, tr("layer %1").arg(++n), d);
        lines << tr("%1, %n layer(s), %2 in all (compressed)", nullptr, int(m.layers.size()))
                     .arg(m.raw.mediaType, sizeText(m.totalSize()));
    }
    m_summary->setText(lines.join(u'\n'));
}

void ImageDetailsPane::drawConfig()
{
    if (!m_config) {
        if (m_configNote)
            m_configEdit->setPlainText(m_configNote());
        else if (m_manifest && m_manifest->isIndex)
            m_configEdit->setPlainText(tr("An index has no config: each of its platform images has its own."));
        else
            m_configEdit->clear();
        return;
    }
    const RemoteConfig &c = *m_config;
    QStringList lines;
    lines << tr("Platform: %1").arg(c.os + u'/' + c.architecture + (c.variant.isEmpty() ? QString() : u'/' + c.variant));
    if (!c.created.isEmpty())
        lines << tr("Created: %1").arg(dateText(c.created));
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
        lines << u"  "_s + dateText(h.created) + u"  "_s + h.createdBy + (h.emptyLayer ? tr(" (no layer)") : QString())
                     + (h.comment.isEmpty() ? QString() : u"  # "_s + h.comment);
    const QString text = lines.join(u'\n');
    if (m_configEdit->toPlainText() != text)
        m_configEdit->setPlainText(text);
}

void ImageDetailsPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_summary)
        redraw();
    QTabWidget::changeEvent(event);
}

} // namespace stevedore::ui
