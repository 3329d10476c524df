#include "openlistdialog.h"

#include "core/threadpools.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace stevedore::ui {

OpenListDialog::OpenListDialog(QString storageRoot, QWidget *parent)
    : QDialog(parent)
    , m_root(std::move(storageRoot))
{
    setObjectName(u"openListDialog"_s);
    setWindowTitle(tr("Open Manifest List"));
    m_localChoice = new QRadioButton(tr("A list saved in the &local store:"), this);
    m_localChoice->setObjectName(u"localChoice"_s);
    m_localChoice->setChecked(true);
    m_lists = new QListWidget(this);
    m_lists->setObjectName(u"localLists"_s);
    m_remoteChoice = new QRadioButton(tr("A list in a &registry:"), this);
    m_remoteChoice->setObjectName(u"remoteChoice"_s);
    m_remote = new QLineEdit(this);
    m_remote->setObjectName(u"remoteReference"_s);
    m_remote->setPlaceholderText(tr("docker://registry.example:5000/team/app:v1"));
    m_message = new QLabel(tr("Reading the local lists…"), this);
    m_message->setObjectName(u"message"_s);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_localChoice);
    layout->addWidget(m_lists, 1);
    layout->addWidget(m_remoteChoice);
    layout->addWidget(m_remote);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_lists, &QListWidget::itemDoubleClicked, this, [this] {
        m_localChoice->setChecked(true);
        if (localList())
            accept();
    });
    connect(m_lists, &QListWidget::currentRowChanged, this, [this] {
        m_localChoice->setChecked(true);
        updateButtons();
    });
    connect(m_remote, &QLineEdit::textEdited, this, [this] {
        m_remoteChoice->setChecked(true);
        updateButtons();
    });
    connect(m_localChoice, &QRadioButton::toggled, this, &OpenListDialog::updateButtons);

    m_watcher = new QFutureWatcher<Result<QList<StoredList>>>(this);
    connect(m_watcher, &QFutureWatcherBase::finished, this, &OpenListDialog::onRead);
    m_reading = true;
    const QString root = m_root;
    m_watcher->setFuture(QtConcurrent::run(pools::io(), [root] { return ListStore(root).lists(); }));
    updateButtons();
    resize(520, 420);
}

OpenListDialog::~OpenListDialog()
{
    m_watcher->disconnect(this);
}

void OpenListDialog::onRead()
{
    m_reading = false;
    const auto result = m_watcher->result();
    m_lists->clear();
    if (!result) {
        m_message->setText(tr("Cannot read the local lists: %1").arg(result.error().message));
    } else {
        m_stored = *result;
        for (const StoredList &s : std::as_const(m_stored)) {
            auto *item = new QListWidgetItem(
                tr("%1 (%n image(s))", nullptr, int(s.list.entries.size())).arg(s.name.toString()), m_lists);
            item->setToolTip(s.digest.toString());
        }
        m_message->setText(m_stored.isEmpty() ? tr("No list is saved in the local store yet.") : QString());
        if (!m_stored.isEmpty())
            m_lists->setCurrentRow(0);
    }
    updateButtons();
    Q_EMIT listsRead();
}

void OpenListDialog::updateButtons()
{
    const bool ok = m_localChoice->isChecked() ? localList().has_value() : !remoteReference().isEmpty();
    m_buttons->button(QDialogButtonBox::Open)->setEnabled(ok);
}

std::optional<StoredList> OpenListDialog::localList() const
{
    if (!m_localChoice->isChecked())
        return std::nullopt;
    const int row = m_lists->currentRow();
    if (row < 0 || row >= m_stored.size())
        return std::nullopt;
    return m_stored[row];
}

QString OpenListDialog::remoteReference() const
{
    if (!m_remoteChoice->isChecked())
        return {};
    QString text = m_remote->text().trimmed();
    if (!text.isEmpty() && !text.contains(u"://"_s) && !text.startsWith(u"oci:"_s) && !text.startsWith(u"dir:"_s))
        text.prepend(u"docker://"_s); // a list "in a registry"
    return text;
}

} // namespace stevedore::ui
