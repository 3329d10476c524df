#pragma once
// File → Pull Image…: an image of a registry (or any other location) copied into the local store, as
// `stevedore pull SOURCE [NAME]` does; the push queue runs it, with its progress, retry and cancel.

#include "copy/copyrequest.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace stevedore::ui {

class PullDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit PullDialog(const QString &storageRoot, QWidget *parent = nullptr);

    QLineEdit *imageEdit() const { return m_image; }
    QLineEdit *nameEdit() const { return m_name; }
    QCheckBox *allPlatformsCheck() const { return m_all; }
    QCheckBox *tlsVerifyCheck() const { return m_tlsVerify; }
    QLabel *problemLabel() const { return m_problem; }

    // The copy the dialog describes; an error saying what to fix.
    Result<CopyRequest> request() const;
    void accept() override; // only with a valid request; the owner reads request() on accepted()

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateDefaultName();

    QString m_root;
    QLabel *m_imageLabel = nullptr;
    QLineEdit *m_image = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLineEdit *m_name = nullptr;
    QCheckBox *m_all = nullptr;
    QCheckBox *m_tlsVerify = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_okButton = nullptr;
};

} // namespace stevedore::ui
