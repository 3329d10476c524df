#include "platformdelegate.h"

#include "content/platformnames.h"
#include "manifestlistmodel.h"

#include <QComboBox>
#include <QCompleter>
#include <QLineEdit>

using namespace Qt::StringLiterals;

namespace stevedore::ui {

using models::ManifestListModel;

PlatformDelegate::PlatformDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QStringList PlatformDelegate::choices(int column, const QString &architecture)
{
    switch (column) {
    case ManifestListModel::Os:
        return knownOperatingSystems();
    case ManifestListModel::Architecture:
        return knownArchitectures();
    case ManifestListModel::Variant: {
        QStringList v = knownVariants(architecture);
        v.prepend(QString()); // none
        return v;
    }
    default:
        return {};
    }
}

QWidget *PlatformDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                        const QModelIndex &index) const
{
    const int column = index.column();
    if (column != ManifestListModel::Os && column != ManifestListModel::Architecture
        && column != ManifestListModel::Variant) {
        auto *edit = qobject_cast<QLineEdit *>(QStyledItemDelegate::createEditor(parent, option, index));
        if (edit) {
            edit->setObjectName(u"cellEditor"_s);
            if (column == ManifestListModel::Annotations)
                edit->setPlaceholderText(tr("key=value; key2=value2"));
            else if (column == ManifestListModel::OsFeatures)
                edit->setPlaceholderText(tr("feature1, feature2"));
        }
        return edit;
    }
    const QString arch = index.siblingAtColumn(ManifestListModel::Architecture).data(ManifestListModel::RawRole)
                             .toString();
    auto *combo = new QComboBox(parent);
    combo->setObjectName(u"platformCombo"_s);
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    combo->setMaxVisibleItems(16);
    const QStringList values = choices(column, arch);
    for (const QString &v : values)
        combo->addItem(v.isEmpty() ? tr("(none)") : v, v);
    combo->completer()->setCompletionMode(QCompleter::InlineCompletion);
    combo->completer()->setCaseSensitivity(Qt::CaseSensitive);
    if (column == ManifestListModel::Variant && values.size() <= 1)
        combo->setToolTip(tr("Architecture %1 takes no variant").arg(arch));
    return combo;
}

void PlatformDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    if (!combo) {
        QStyledItemDelegate::setEditorData(editor, index);
        return;
    }
    const QString value = index.data(Qt::EditRole).toString();
    const int at = combo->findData(value);
    if (at >= 0)
        combo->setCurrentIndex(at);
    else
        combo->setEditText(value);
}

void PlatformDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    if (!combo) {
        QStyledItemDelegate::setModelData(editor, model, index);
        return;
    }
    QString value = combo->currentText().trimmed();
    // The item shown for "no variant" stands for the empty value.
    const int at = combo->findText(value);
    if (at >= 0)
        value = combo->itemData(at).toString();
    if (value != index.data(Qt::EditRole).toString())
        model->setData(index, value, Qt::EditRole);
}

void PlatformDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                                            const QModelIndex &) const
{
    editor->setGeometry(option.rect);
}

} // namespace stevedore::ui
