#pragma once

#include "copy/copyrequest.h"
#include "core/error.h"
#include "ops/sourcesummary.h"
#include "transport/transportreference.h"
#include "transport/systemcontext.h"

#include <QDialog>
#include <QFutureWatcher>

class QAbstractItemModel;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFileDialog;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTimer;
class QToolButton;

namespace stevedore::ui {

// What the push dialog asks for, ready to become a CopyJob.
using PushRequest = CopyRequest;

// Validates what a push needs, as `stevedore push SOURCE [DESTINATION]` does: an empty destination reuses a
// local image's name as a registry destination (docker://NAME). The messages are translated.
Result<PushRequest> makePushRequest(const QString &source, const QString &destination, const QString &storageRoot);

// The push (destination) dialog: the source — typed, picked from the local images, or a folder found with Browse —
// and what it is, read on the engine ("OCI index, 4 platforms: …"; an index defaults to every platform); the
// destination, with the recent ones offered; the options of `stevedore push` (platform, compression and level,
// manifest format, retries, TLS verification, certificate folder, digest file) and --creds. The destination and the
// options are remembered (QSettings "pushDialog/…"), never the password.
class PushDialog final : public QDialog
{
    Q_OBJECT
public:
    // `storageRoot`: the local store bare names refer to.
    explicit PushDialog(QString storageRoot, QWidget *parent = nullptr);
    ~PushDialog() override { m_describeCancel.cancel(); }

    void setSource(const QString &source);
    void setDestination(const QString &destination);
    QString sourceText() const;
    QString destinationText() const;
    // The local images offered by the "Local image" button (LocalImagesModel::ReferenceRole of column 0).
    void setLocalImages(QAbstractItemModel *images);
    // The validated request; an error (also shown in the dialog) when a field is wrong.
    Result<PushRequest> request() const;
    // The destinations accepted before, most recent first (at most 10).
    static QStringList recentDestinations();
    // Drops the remembered TLS verification and certificate folder: the next dialog starts from Preferences.
    static void forgetTlsOptions();

    QLineEdit *sourceEdit() const { return m_source; }
    QLineEdit *destinationEdit() const { return m_destination; }
    QLineEdit *userEdit() const { return m_user; }
    QLineEdit *passwordEdit() const { return m_password; }
    QCheckBox *allCheck() const { return m_all; }
    QCheckBox *tlsVerifyCheck() const { return m_tlsVerify; }
    QLabel *sourceSummaryLabel() const { return m_summary; }
    QComboBox *platformCombo() const { return m_platform; }
    QComboBox *compressionCombo() const { return m_compression; }
    QSpinBox *compressionLevelSpin() const { return m_level; }
    QComboBox *formatCombo() const { return m_format; }
    QSpinBox *retriesSpin() const { return m_retries; }
    QLineEdit *certDirEdit() const { return m_certDir; }
    QLineEdit *digestFileEdit() const { return m_digestFile; }
    QToolButton *recentButton() const { return m_recent; }
    QToolButton *localImageButton() const { return m_localButton; }
    void accept() override; // also remembers the destination and the options

Q_SIGNALS:
    void sourceDescribed(bool ok);

public:
    // Browse's menu: an archive file, as oci-archive:FILE or docker-archive:FILE from what it holds (returns the file
    // dialog, for tests).
    QFileDialog *browseArchive();

private:
    void validate();
    void scheduleDescribe();
    void describeSource();
    void onDescribed();
    void browseSource();
    void fillLocalMenu();
    void fillRecentMenu();
    void restoreOptions();
    void rememberOptions() const;

    QString m_root;
    QString m_proposed; // the destination setSource() proposed on the default registry
    QLineEdit *m_source = nullptr;
    QToolButton *m_browse = nullptr;
    QToolButton *m_localButton = nullptr;
    QAbstractItemModel *m_images = nullptr;
    QLabel *m_summary = nullptr;
    QLineEdit *m_destination = nullptr;
    QToolButton *m_recent = nullptr;
    QCheckBox *m_all = nullptr;
    bool m_allTouched = false;
    QComboBox *m_platform = nullptr;
    QComboBox *m_compression = nullptr;
    QSpinBox *m_level = nullptr;
    QComboBox *m_format = nullptr;
    QSpinBox *m_retries = nullptr;
    QCheckBox *m_tlsVerify = nullptr;
    QLineEdit *m_certDir = nullptr;
    QLineEdit *m_digestFile = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QTimer *m_describeTimer = nullptr;
    QFutureWatcher<Result<SourceSummary>> m_watcher;
    CancelToken m_describeCancel;
    int m_readGeneration = 0;
};

// "OCI index, 2 platforms: linux/amd64, linux/arm64/v8", "Docker image, 3 layers, 12.3 MiB" (translated).
QString describeSummary(const SourceSummary &summary);

} // namespace stevedore::ui
