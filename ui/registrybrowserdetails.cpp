// The details pane of the registry browser: the summary, layers and platforms, the manifest JSON and the config
// of the current tag or platform image, read on the engine's io pool.
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

QString sizeText(qint64 size)
{
    return size >= 0 ? QLocale().formattedDataSize(size) : QString();
}

} // namespace

// --- Add registry… ---

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
    const Kind kind = current.isValid() ? Kind(current.data(RegistryTreeModel::KindRole).toInt()) : Kind::Status;
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


} // namespace stevedore::ui
