#include "pushqueuecontroller.h"

#include "preferencesdialog.h"
#include "transfermodel.h"
#include "transferqueuefile.h"

#include <QApplication>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;

namespace stevedore::ui {

PushQueueController::PushQueueController(models::TransferModel *model, QMainWindow *window, const QString &queuePath)
    : QObject(window)
    , m_model(model)
    , m_window(window)
    , m_file(new models::TransferQueueFile(model, queuePath.isEmpty() ? models::TransferQueueFile::defaultPath()
                                                                      : queuePath,
                                           this))
{
    connect(m_model, &models::TransferModel::jobFinished, this,
            [this](int row, Job::State state, const QString &message) { onJobFinished(row, int(state), message); });
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        m_tray->setToolTip(u"Stevedore"_s);
        connect(m_tray, &QSystemTrayIcon::activated, m_window, [w = m_window] {
            w->showNormal();
            w->raise();
            w->activateWindow();
        });
    }
    applyPreferences();
}

PushQueueController::~PushQueueController() = default;

void PushQueueController::load()
{
    m_file->load();
}

void PushQueueController::applyPreferences()
{
    m_model->setMaxConcurrent(PreferencesDialog::concurrentJobs());
    m_notify = PreferencesDialog::notificationsEnabled();
    if (m_tray)
        m_tray->setVisible(m_notify);
}

void PushQueueController::onJobFinished(int row, int state, const QString &message)
{
    if (m_shutDown || !m_notify || m_window->isActiveWindow())
        return;
    const QString what = m_model->index(row, models::TransferModel::Name).data().toString();
    QString title;
    QString text;
    switch (Job::State(state)) {
    case Job::State::Succeeded:
        title = tr("Push finished");
        text = tr("%1\n%2").arg(what, m_model->digestAt(row));
        break;
    case Job::State::Cancelled:
        title = tr("Push cancelled");
        text = what;
        break;
    default:
        title = tr("Push failed");
        text = tr("%1\n%2").arg(what, message);
        break;
    }
    if (m_tray && m_tray->isVisible())
        m_tray->showMessage(title, text,
                            Job::State(state) == Job::State::Failed ? QSystemTrayIcon::Warning
                                                                    : QSystemTrayIcon::Information);
    else
        QApplication::alert(m_window); // no tray: the task bar entry asks for attention
    Q_EMIT notified(title, text);
}

bool PushQueueController::confirmClose()
{
    if (m_confirmed || m_model->unfinishedCount() == 0)
        return true;
    if (m_question) {
        m_question->raise();
        return false;
    }
    const int running = m_model->runningCount();
    const int queued = m_model->unfinishedCount() - running;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Quit Stevedore"),
                                tr("%n push(es) still running", nullptr, running)
                                    + (queued > 0 ? tr(", %n waiting", nullptr, queued) : QString()) + u'.',
                                QMessageBox::NoButton, m_window);
    box->setObjectName(u"quitQuestion"_s);
    box->setInformativeText(tr("Quitting stops them; they come back queued the next time Stevedore starts, and "
                               "start again from the beginning (what the registry already has is not sent again)."));
    QPushButton *quit = box->addButton(tr("&Quit"), QMessageBox::AcceptRole);
    quit->setObjectName(u"quitButton"_s);
    QPushButton *stay = box->addButton(tr("&Keep Pushing"), QMessageBox::RejectRole);
    stay->setObjectName(u"keepButton"_s);
    box->setDefaultButton(stay);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(quit, &QPushButton::clicked, this, [this] {
        m_confirmed = true;
        QMetaObject::invokeMethod(m_window, &QWidget::close, Qt::QueuedConnection);
    });
    m_question = box;
    box->open();
    return false;
}

void PushQueueController::shutdown()
{
    if (m_shutDown)
        return;
    m_shutDown = true;
    m_file->saveNow();
    m_model->cancelAll();
}

} // namespace stevedore::ui
