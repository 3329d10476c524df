#include "credentialsecrets.h"

#include "auth/credentials.h"

#include <QLineEdit>
#include <QPlainTextEdit>

namespace stevedore::secrets {

QString detachedCopy(const QString &text)
{
    return QString(text.constData(), text.size());
}

void wipe(QString &text)
{
    text.fill(QChar(0));
    text.clear();
}

void wipe(QByteArray &bytes)
{
    bytes.fill('\0');
    bytes.clear();
}

void wipe(Credentials &credentials)
{
    wipe(credentials.password);
    wipe(credentials.identityToken);
}

void wipe(QLineEdit *edit)
{
    QString held = edit->text();
    edit->setText(QString()); // setText also forgets the undo history: `held` is then the buffer's last holder
    wipe(held);
}

void wipe(QPlainTextEdit *edit)
{
    QString held = edit->toPlainText();
    edit->clear();
    wipe(held);
}

} // namespace stevedore::secrets
