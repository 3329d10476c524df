#include "credentialsmodel.h"

#include "auth/authfile.h"
#include "auth/credhelper.h"

#include <QFileInfo>
#include <QLocale>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace stevedore::models {

namespace {
// How often "Last verified" is told again (its relative time moves on).
constexpr int kRelativeTimeTickMs = 30000;
} // namespace

CredentialsModel::CredentialsModel(QString authFile, QObject *parent)
    : QAbstractTableModel(parent)
    , m_authFile(std::move(authFile))
{
    auto *tick = new QTimer(this);
    tick->setInterval(kRelativeTimeTickMs);
    connect(tick, &QTimer::timeout, this, [this] {
        if (!m_verified.isEmpty() && !m_entries.isEmpty())
            Q_EMIT dataChanged(index(0, LastVerified), index(int(m_entries.size()) - 1, LastVerified));
    });
    tick->start();
}

CredentialsModel::~CredentialsModel()
{
    // The worker holds only a copy of the store (a path); its result goes nowhere once we are gone.
    if (m_watcher)
        m_watcher->disconnect(this);
}

QStringList CredentialsModel::searchPaths() const
{
    return m_searchPaths.isEmpty() ? store().searchPaths() : m_searchPaths;
}

QStringList CredentialsModel::problemMessages() const
{
    QStringList out;
    for (const Error &e : m_problems)
        out << e.message;
    return out;
}

void CredentialsModel::refresh()
{
    if (m_loading) {
        m_pending = true; // list again once the current listing is done, so the newest state wins
        return;
    }
    m_loading = true;
    Q_EMIT loadingChanged(true);
    startList();
}

void CredentialsModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, Count - 1);
    if (!m_entries.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_entries.size()) - 1, Count - 1));
}

void CredentialsModel::startList()
{
    if (!m_watcher) {
        m_watcher = new QFutureWatcher<Result<CredentialListing>>(this);
        connect(m_watcher, &QFutureWatcherBase::finished, this, [this] {
            apply(m_watcher->result());
            if (m_pending) {
                m_pending = false;
                startList();
                return;
            }
            m_loading = false;
            Q_EMIT loadingChanged(false);
            Q_EMIT refreshed();
        });
    }
    m_watcher->setFuture(store().listAsync());
}

void CredentialsModel::apply(const Result<CredentialListing> &result)
{
    const QStringList before = problemMessages();
    beginResetModel();
    if (result) {
        m_entries = result->entries;
        m_searchPaths = result->searchPaths;
        m_problems = result->problems;
    } else {
        m_entries.clear();
        m_problems = {result.error()};
    }
    endResetModel();
    const QStringList now = problemMessages();
    if (now != before)
        Q_EMIT problemsChanged(now);
}

const CredentialEntry *CredentialsModel::entryAt(int row) const
{
    if (row < 0 || row >= m_entries.size())
        return nullptr;
    return &m_entries[row];
}

int CredentialsModel::rowOf(const QString &key, const QString &file) const
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].key == key && m_entries[i].file == file)
            return int(i);
    }
    return -1;
}

QString CredentialsModel::verifiedKey(const QString &key, const QString &source)
{
    return key + u'\n' + source;
}

QDateTime CredentialsModel::lastVerified(const CredentialEntry &entry) const
{
    QDateTime t = m_verified.value(verifiedKey(entry.key, entry.source()));
    if (!t.isValid() && entry.kind == CredentialEntry::Kind::Helper)
        t = m_verified.value(verifiedKey(entry.key, entry.file)); // stored through the file that names the helper
    return t;
}

void CredentialsModel::markVerified(const QString &key, const QString &source, const QDateTime &when)
{
    m_verified.insert(verifiedKey(key, source), when.isValid() ? when : QDateTime::currentDateTime());
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        const CredentialEntry &e = m_entries[i];
        if (e.key == key && (e.source() == source || e.file == source))
            Q_EMIT dataChanged(index(int(i), LastVerified), index(int(i), LastVerified));
    }
}

Result<Credentials> CredentialsModel::secretFor(const CredentialEntry &entry, const CancelToken &cancel)
{
    if (entry.kind == CredentialEntry::Kind::Helper) {
        const CredentialHelper helper(entry.helper);
        auto got = helper.get(entry.writtenKey, cancel);
        if (got && !*got && entry.writtenKey != CredentialHelper::serverUrlFor(entry.key))
            got = helper.get(CredentialHelper::serverUrlFor(entry.key), cancel);
        if (!got)
            return fail(got.error());
        if (!*got)
            return fail(ErrorCode::NotFound, tr("%1 holds no credentials for %2 any more.").arg(helper.program(), entry.key));
        return **got;
    }
    auto file = AuthFile::load(entry.file, QFileInfo(entry.file).fileName() == ".dockercfg"_L1);
    if (!file)
        return fail(file.error());
    const auto found = file->entry(entry.key);
    if (!found || found->credentials.isEmpty())
        return fail(ErrorCode::NotFound, tr("%1 holds no credentials for %2 any more.").arg(entry.file, entry.key));
    return found->credentials;
}

QString CredentialsModel::relativeTime(const QDateTime &when) const
{
    if (!when.isValid())
        return tr("never");
    const qint64 secs = when.secsTo(QDateTime::currentDateTime());
    if (secs < 60)
        return tr("just now");
    if (secs < 3600)
        return tr("%n minute(s) ago", nullptr, int(secs / 60));
    if (secs < 12 * 3600)
        return tr("%n hour(s) ago", nullptr, int(secs / 3600));
    return QLocale().toString(when.toLocalTime(), QLocale::ShortFormat);
}

int CredentialsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int CredentialsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

QVariant CredentialsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CredentialEntry &e = m_entries[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Key:
            return e.writtenKey.isEmpty() ? e.key : e.writtenKey;
        case User:
            return e.identityToken ? tr("(identity token)") : e.username;
        case Source:
            return e.source();
        case ShadowedBy:
            return e.shadowedBy;
        case LastVerified:
            return relativeTime(lastVerified(e));
        }
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Key:
            return e.writtenKey == e.key ? e.key : tr("%1 (written as %2)").arg(e.key, e.writtenKey);
        case Source:
            return e.source();
        case ShadowedBy:
            return e.shadowedBy.isEmpty() ? QString() : tr("Never used: %1 wins for every image this entry could serve.").arg(e.shadowedBy);
        case LastVerified: {
            const QDateTime t = lastVerified(e);
            return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::LongFormat)
                               : tr("Not tested against the registry in this session.");
        }
        }
        break;
    case RawRole:
        switch (index.column()) {
        case Key:
            return e.key;
        case User:
            return e.username;
        case Source:
            return e.source();
        case ShadowedBy:
            return e.shadowedBy;
        case LastVerified:
            return lastVerified(e);
        }
        break;
    case WrittenKeyRole:
        return e.writtenKey;
    case FileRole:
        return e.file;
    case HelperRole:
        return e.helper;
    case KindRole:
        return int(e.kind);
    case IdentityTokenRole:
        return e.identityToken;
    case ShadowedRole:
        return !e.shadowedBy.isEmpty();
    }
    return {};
}

QVariant CredentialsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Key:
        return tr("Key");
    case User:
        return tr("User");
    case Source:
        return tr("Source");
    case ShadowedBy:
        return tr("Shadowed By");
    case LastVerified:
        return tr("Last Verified");
    }
    return {};
}

QHash<int, QByteArray> CredentialsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(RawRole, "raw");
    names.insert(WrittenKeyRole, "writtenKey");
    names.insert(FileRole, "file");
    names.insert(HelperRole, "helper");
    names.insert(KindRole, "kind");
    names.insert(IdentityTokenRole, "identityToken");
    names.insert(ShadowedRole, "shadowed");
    return names;
}

} // namespace stevedore::models
