#pragma once
// Keeping secrets short-lived in the credential manager's widgets: copies that own their buffer, and overwriting
// before letting go. QString shares its buffer between copies, and overwriting a shared one only detaches: each
// function here overwrites the buffer itself when it is the last holder, which is how the dialogs use them.

#include <QByteArray>
#include <QString>

class QLineEdit;
class QPlainTextEdit;

namespace stevedore {
struct Credentials;
}

namespace stevedore::secrets {

// A copy of `text` in a buffer of its own (not shared with `text`).
QString detachedCopy(const QString &text);
// Overwrites with zeros, then empties.
void wipe(QString &text);
void wipe(QByteArray &bytes);
void wipe(Credentials &credentials);
// Empties the field (its undo history too) and overwrites the text it held.
void wipe(QLineEdit *edit);
void wipe(QPlainTextEdit *edit);

} // namespace stevedore::secrets
