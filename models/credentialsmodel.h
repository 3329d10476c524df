#pragma once

#include "auth/credentials.h"
#include "core/error.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QFutureWatcher>
#include <QHash>
#include <QList>
#include <QStringList>

namespace stevedore::models {

// Every credential of the auth files and their helpers (CredentialStore::list()), one row per entry, in
// resolution order. refresh() lists on the engine's io pool and swaps the result in on the GUI thread with one
// model reset; a source that cannot be read is reported in problems(), the others are still listed.
// Never holds a secret: secretFor() reads one, off the GUI thread, for whoever needs it for a moment.
// "Last verified" is this session's memory of the last successful login per key and source (markVerified()).
class CredentialsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
public:
    enum Column { Key, User, Source, ShadowedBy, LastVerified, Count };
    Q_ENUM(Column)
    enum Role {
        RawRole = Qt::UserRole, // QString key / user / source / shadowed by, QDateTime last verified (invalid: never)
        WrittenKeyRole,         // the key as the file or helper spells it
        FileRole,               // the auth file holding the entry (or naming its helper)
        HelperRole,             // the helper's name, empty for an entry of the file
        KindRole,               // int(CredentialEntry::Kind)
        IdentityTokenRole,      // bool
        ShadowedRole,           // bool: another entry wins for every image this one could serve
    };
    Q_ENUM(Role)

    // `authFile`: as --authfile (then only that file is listed); empty: REGISTRY_AUTH_FILE, else the default files.
    explicit CredentialsModel(QString authFile = {}, QObject *parent = nullptr);
    ~CredentialsModel() override;

    CredentialStore store() const { return CredentialStore(m_authFile); }
    const QString &authFile() const { return m_authFile; }
    bool isLoading() const { return m_loading; }
    // The files consulted, in order (those of the last listing; before the first one, the store's).
    QStringList searchPaths() const;
    // What could not be read in the last listing (a file that does not parse, a failing helper), and the whole
    // listing's failure if it failed.
    const QList<Error> &problems() const { return m_problems; }
    QStringList problemMessages() const;

    const CredentialEntry *entryAt(int row) const;
    // The row of the entry for `key` (normalised) from `file`, or -1.
    int rowOf(const QString &key, const QString &file) const;

    QDateTime lastVerified(const CredentialEntry &entry) const;
    // Remembers a successful login of `key` against its registry with the credentials of `source`
    // (CredentialEntry::source() or the file the credentials went to) at `when` (default: now).
    void markVerified(const QString &key, const QString &source, const QDateTime &when = {});

    // The secret of `entry`, from its file or its helper. Blocking (a helper may run): call it from a worker.
    static Result<Credentials> secretFor(const CredentialEntry &entry, const CancelToken &cancel = {});

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

public Q_SLOTS:
    // Lists again asynchronously; a refresh asked for while one runs starts again once it is done.
    void refresh();
    // The language changed: headers and texts are told again (views call this on QEvent::LanguageChange).
    void retranslate();

Q_SIGNALS:
    void loadingChanged(bool loading);
    void problemsChanged(const QStringList &messages);
    void refreshed(); // a refresh finished (successfully or not)

private:
    void startList();
    void apply(const Result<CredentialListing> &result);
    QString relativeTime(const QDateTime &when) const;
    static QString verifiedKey(const QString &key, const QString &source);

    QString m_authFile;
    QList<CredentialEntry> m_entries;
    QStringList m_searchPaths;
    QList<Error> m_problems;
    QHash<QString, QDateTime> m_verified; // key + '\n' + source -> when
    QFutureWatcher<Result<CredentialListing>> *m_watcher = nullptr;
    bool m_loading = false;
    bool m_pending = false;
};

} // namespace stevedore::models
