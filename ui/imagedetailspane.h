#pragma once
// The details of one image or index, as the registry browser and the images panel's Inspect show them.

#include "ops/registrybrowse.h"

#include <QTabWidget>

#include <functional>
#include <optional>

class QAction;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;
class QHBoxLayout;

namespace stevedore::ui {

// Three tabs: Summary (the name, media type, layers or platforms and the total compressed size; the digest with a
// copy button; a list of the config and layers, or of the platform images, with digests, sizes and media types),
// Manifest (the JSON, pretty, with a copy button) and Config (platform, user, working directory, entrypoint,
// command, environment, labels, history). It keeps what it shows and draws it again after a language switch, so
// the texts, sizes and dates follow the new locale.
class ImageDetailsPane final : public QTabWidget
{
    Q_OBJECT
public:
    // A text made again at each drawing (in the language of the moment).
    using Text = std::function<QString()>;

    explicit ImageDetailsPane(QWidget *parent = nullptr);

    // Only a note in the summary (nothing chosen, reading, an error), with `toolTip`; the rest is cleared.
    void showNote(Text note, const QString &toolTip = {});
    // The manifest of the image or index called `name`; the config tab waits for showConfig or showConfigNote (an
    // index says it has none).
    void showManifest(const QString &name, const RemoteManifest &manifest);
    void showConfig(const RemoteConfig &config);
    void showConfigNote(Text note);
    // An index: the compressed total of `counted` of its platform images (all of them: "every platform").
    void showIndexTotal(qint64 total, int counted);

    QString digest() const { return m_manifest ? m_manifest->digest.toString() : QString(); }
    QString summaryText() const;
    QString manifestText() const;
    QString configText() const;
    // Puts `button` beside Copy Digest (enabled with it: the registry browser's Delete…).
    void addDigestButton(QPushButton *button);
    QPushButton *copyDigestButton() const { return m_copyDigest; }
    // Copy Digest (Ctrl+Shift+C) and Copy Manifest (Ctrl+Alt+C), for a window to add to itself.
    QList<QAction *> shortcutActions() const { return m_shortcuts; }

Q_SIGNALS:
    void digestCopied(const QString &digest);

protected:
    void changeEvent(QEvent *event) override;

private:
    void redraw();
    void drawManifest();
    void drawConfig();

    QLabel *m_summary = nullptr;
    QLabel *m_digestLabel = nullptr;
    QPushButton *m_copyDigest = nullptr;
    QHBoxLayout *m_digestRow = nullptr;
    QList<QPushButton *> m_digestButtons;
    QList<QAction *> m_shortcuts;
    QTreeWidget *m_entries = nullptr;
    QPlainTextEdit *m_manifestEdit = nullptr;
    QPushButton *m_copyManifest = nullptr;
    QPlainTextEdit *m_configEdit = nullptr;

    Text m_note;
    QString m_name;
    std::optional<RemoteManifest> m_manifest;
    std::optional<RemoteConfig> m_config;
    Text m_configNote;
    qint64 m_indexTotal = -1;
    int m_indexCounted = 0;
};

} // namespace stevedore::ui
