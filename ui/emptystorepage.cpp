// EmptyStorePage: the empty local store's next steps.
#include "emptystorepage.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace stevedore::ui {

EmptyStorePage::EmptyStorePage(QAction *sandboxAction, QAction *pushAction, QAction *pullAction, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"emptyStorePage"_s);
    m_title = new QLabel(this);
    m_title->setObjectName(u"emptyStoreTitle"_s);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setAlignment(Qt::AlignCenter);
    m_text = new QLabel(this);
    m_text->setObjectName(u"emptyStoreText"_s);
    m_text->setWordWrap(true);
    m_text->setAlignment(Qt::AlignCenter);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    const std::pair<const char *, QAction *> next[] = {{"emptyStoreSandboxButton", sandboxAction},
                                                       {"emptyStorePushButton", pushAction},
                                                       {"emptyStorePullButton", pullAction}};
    for (const auto &[name, action] : next) {
        auto *button = new QToolButton(this);
        button->setObjectName(QString::fromLatin1(name));
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        buttons->addWidget(button);
    }
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(m_title);
    layout->addWidget(m_text);
    layout->addSpacing(12);
    layout->addLayout(buttons);
    layout->addStretch(2);
    retranslate();
}

void EmptyStorePage::retranslate()
{
    m_title->setText(tr("No images in the local store yet"));
    m_text->setText(tr("Start the sandbox registry: it puts a sample image here and gives you a registry on this "
                       "computer to push it to — drag the image onto the push queue. Or push an OCI layout "
                       "folder: drop it on the push queue, or choose File → Push Image…. Or pull an image of a "
                       "registry with File → Pull Image…. Images imported with the stevedore command show here "
                       "too."));
}

} // namespace stevedore::ui
