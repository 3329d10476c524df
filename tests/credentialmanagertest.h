#pragma once
// Helpers of tst_credentialmanager (header-only, part of no library): the temporary HOME it runs in, the auth files
// there, filling and submitting the Add/Edit dialog, and the texts a window shows (to prove no password is among them).

#include "credentialdialog.h"
#include "credentialsmodel.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QCheckBox>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;

namespace credentialtest {

using stevedore::models::CredentialsModel;
using stevedore::ui::CredentialDialog;

inline constexpr int kNetworkTimeoutMs = 30000;
inline const QString kPassword = u"Corr3ct-Horse-77"_s;
inline const QString kWrongPassword = u"Wr0ng-Battery-99"_s;

// Set in main() before the application object exists, so nothing reads the user's own credentials.
inline QString g_home;

inline QString runtimeFile() { return g_home + u"/run/containers/auth.json"_s; }
inline QString configFile() { return g_home + u"/.config/containers/auth.json"_s; }
inline QString dockerFile() { return g_home + u"/.docker/config.json"_s; }

inline bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

inline QJsonObject authsOf(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object().value(u"auths"_s).toObject();
}

inline QByteArray basic(const QString &user, const QString &password)
{
    return (user + u':' + password).toUtf8().toBase64();
}

inline void fillAndSubmit(CredentialDialog *d, const QString &key, const QString &user, const QString &password,
                   const QString &file, bool verify)
{
    if (!d->isEditing())
        d->keyEdit()->setText(key);
    d->userEdit()->setText(user);
    d->passwordEdit()->setText(password);
    if (!d->isEditing())
        d->setTargetFile(file);
    d->verifyCheck()->setChecked(verify);
    d->tlsVerifyCheck()->setChecked(false); // the registry speaks plain http on the loopback
    QPushButton *ok = d->buttons()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
}

// Every text a user can see in `root` and its children (the password fields' contents excepted).
inline QStringList visibleTexts(QWidget *root)
{
    QStringList out;
    QList<QWidget *> all = root->findChildren<QWidget *>();
    all.prepend(root);
    for (QWidget *w : std::as_const(all)) {
        if (auto *l = qobject_cast<QLabel *>(w))
            out << l->text();
        else if (auto *e = qobject_cast<QLineEdit *>(w); e && e->echoMode() == QLineEdit::Normal)
            out << e->text();
        else if (auto *p = qobject_cast<QPlainTextEdit *>(w))
            out << p->toPlainText();
        else if (auto *v = qobject_cast<QTableView *>(w)) {
            const QAbstractItemModel *m = v->model();
            for (int r = 0; r < m->rowCount(); ++r)
                for (int c = 0; c < m->columnCount(); ++c)
                    out << m->index(r, c).data().toString() << m->index(r, c).data(Qt::ToolTipRole).toString();
        }
    }
    return out;
}

inline void verifyNoSecretShown(QWidget *root)
{
    const QStringList texts = visibleTexts(root);
    for (const QString &t : texts) {
        QVERIFY2(!t.contains(kPassword) && !t.contains(kWrongPassword), qPrintable(t));
        QVERIFY2(!t.contains(QString::fromLatin1(basic(u"alice"_s, kPassword))), qPrintable(t));
    }
}

inline int rowOfKey(const CredentialsModel *m, const QString &key)
{
    for (int r = 0; r < m->rowCount(); ++r)
        if (m->index(r, CredentialsModel::Key).data(CredentialsModel::RawRole).toString() == key)
            return r;
    return -1;
}

} // namespace credentialtest
