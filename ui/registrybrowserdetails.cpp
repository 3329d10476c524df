// The details pane of the registry browser: the summary, layers and platforms, the manifest JSON and the config
// of the current tag or platform image, read on the engine's io pool.
#include "registrybrowser.h"

#include "imagedetailspane.h"

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

} // namespace

QString RegistryBrowser::currentDigest() const
{
    return m_details->digest();
}

void RegistryBrowser::clearDetails()
{
    ++m_detailsGeneration;
    m_details->showNote([] { return tr("Choose a tag or a platform image to see its details."); });
}

void RegistryBrowser::onCurrentChanged()
{
    updateErrorPanel();
    const QModelIndex current = currentSourceIndex();
    const Kind kind = current.isValid() ? Kind(current.data(RegistryTreeModel::KindRole).toInt()) : Kind::Status;
    if (kind == Kind::Layer) {
        ++m_detailsGeneration;
        const QString digest = current.data(RegistryTreeModel::DigestRole).toString();
        const QString mediaType = current.data(RegistryTreeModel::MediaTypeRole).toString();
        const qint64 size = current.data(RegistryTreeModel::SizeRole).toLongLong();
        m_details->showNote([digest, mediaType, size] {
            return tr("Layer %1\n%2, %3").arg(digest, mediaType, size >= 0 ? QLocale().formattedDataSize(size) : QString());
        });
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
    ++m_detailsGeneration;
    m_details->showNote([reference] { return tr("%1\nReading…").arg(reference); });
    const quint64 generation = m_detailsGeneration;
    const QString repository = current.data(RegistryTreeModel::RepositoryRole).toString();
    const QString host = session->host();
    whenDone(this, manifestAsync(session, repository, current.data(RegistryTreeModel::ReferenceRole).toString(),
                                 kInteractivePriority),
             [this, generation, session, repository, reference, host](const Result<RemoteManifest> &manifest) {
        if (generation != m_detailsGeneration)
            return;
        if (!manifest) {
            const Error error = manifest.error();
            m_details->showNote([reference, error, host]() -> QString {
                return reference + u'\n' + RegistryTreeModel::windowMessage(error, host);
            }, error.message);
            Q_EMIT detailsShown();
            return;
        }
        m_details->showManifest(reference, *manifest);
        if (manifest->isIndex)
            showIndexTotal(*manifest);
        if (!manifest->config) {
            Q_EMIT detailsShown();
            return;
        }
        m_details->showConfigNote([] { return tr("Reading…"); });
        whenDone(this, configAsync(session, repository, *manifest->config, kInteractivePriority),
                 [this, generation, host](const Result<RemoteConfig> &config) {
            if (generation != m_detailsGeneration)
                return;
            if (config) {
                m_details->showConfig(*config);
            } else {
                const Error error = config.error();
                m_details->showConfigNote([error, host]() -> QString {
                    return RegistryTreeModel::windowMessage(error, host) + u"\n\n"_s + error.message;
                });
            }
            Q_EMIT detailsShown();
        });
    });
}

// The total of an index: every platform image's config and layers, read one manifest each.
void RegistryBrowser::showIndexTotal(const RemoteManifest &index)
{
    const SessionPtr session = m_model->sessionFor(currentSourceIndex());
    const QString repository = currentSourceIndex().data(RegistryTreeModel::RepositoryRole).toString();
    if (!session || index.platforms.isEmpty())
        return;
    struct Sum {
        qint64 total = 0;
        qsizetype left = 0;
        bool failed = false;
    };
    auto sum = std::make_shared<Sum>();
    sum->left = index.platforms.size();
    const int count = int(index.platforms.size());
    const quint64 generation = m_detailsGeneration;
    for (const Descriptor &d : index.platforms) {
        whenDone(this, manifestAsync(session, repository, d.digest.toString(), kInteractivePriority),
                 [this, sum, generation, count](const Result<RemoteManifest> &image) {
            if (image && image->totalSize() >= 0)
                sum->total += image->totalSize();
            else
                sum->failed = true;
            if (--sum->left > 0 || generation != m_detailsGeneration || sum->failed)
                return;
            m_details->showIndexTotal(sum->total, count);
        });
    }
}

} // namespace stevedore::ui
