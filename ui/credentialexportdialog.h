#pragma once

#include "auth/authfile.h"
#include "auth/credentials.h"
#include "core/error.h"

#include <QDialog>
#include <QFutureWatcher>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace stevedore::ui {

// "Export as pull secret": a Kubernetes Secret of type kubernetes.io/dockerconfigjson for some entries, as
// `kubectl create secret docker-registry` writes it (renderPullSecret), ready to copy or save. The entries' secrets
// are read from their files and helpers on the engine's io pool when the dialog opens; the text is rendered again
// as the name, namespace or format change. Everything secret (the credentials, the text) is overwritten when the
// dialog closes. A key that two entries share is exported once, from the entry that wins (the first).
class PullSecretDialog final : public QDialog
{
    Q_OBJECT
public:
    PullSecretDialog(const QList<CredentialEntry> &entries, QWidget *parent = nullptr);
    ~PullSecretDialog() override;

    bool isLoading() const;
    bool isReady() const; // the secrets are loaded and the text rendered
    QString text() const; // the rendered Secret (empty while loading or when invalid)

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *namespaceEdit() const { return m_namespace; }
    QComboBox *formatCombo() const { return m_format; }
    QPlainTextEdit *textView() const { return m_text; }
    QLabel *messageLabel() const { return m_message; }
    QPushButton *copyButton() const { return m_copy; }
    QPushButton *saveButton() const { return m_save; }

    // Writes the text to `path` (mode 0600: it holds passwords). Also shown in the dialog.
    Status saveTo(const QString &path);
    void done(int result) override;

Q_SIGNALS:
    void loaded(); // the secrets were read (or could not be)

private:
    struct Loaded {
        QList<AuthFileEntry> entries;
        QStringList skipped;
    };
    void render();
    void copyToClipboard();
    void chooseFile();
    void wipe();

    QFutureWatcher<Result<Loaded>> *m_watcher = nullptr;
    QList<AuthFileEntry> m_entries;
    QStringList m_skipped;
    bool m_ready = false;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_namespace = nullptr;
    QComboBox *m_format = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QLabel *m_message = nullptr;
    QProgressBar *m_busy = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace stevedore::ui
