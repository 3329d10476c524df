#include "manifestlistmodel.h"

#include "content/platformnames.h"

using namespace Qt::StringLiterals;

// ManifestListModel: validation (what is marked in the cells, what keeps the list from being saved) and the text
// form of annotations.
namespace stevedore::models {

QString ManifestListModel::annotationsText(const QMap<QString, QString> &annotations)
{
    QStringList parts;
    for (auto it = annotations.cbegin(); it != annotations.cend(); ++it)
        parts.append(it.key() + u'=' + it.value());
    return parts.join(u"; "_s);
}

Result<QMap<QString, QString>> ManifestListModel::parseAnnotations(const QString &text)
{
    QMap<QString, QString> out;
    const QStringList parts = text.split(u';', Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const QString t = part.trimmed();
        if (t.isEmpty())
            continue;
        const qsizetype eq = t.indexOf(u'=');
        if (eq <= 0)
            return fail(ErrorCode::InvalidArgument,
                        tr("annotation \"%1\" is not KEY=VALUE (separate annotations with \";\")").arg(t));
        out.insert(t.left(eq).trimmed(), t.mid(eq + 1).trimmed());
    }
    return out;
}

QStringList ManifestListModel::problems() const
{
    QStringList out;
    if (m_rows.isEmpty())
        out.append(tr("The list is empty: add images first."));
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &r = m_rows[i];
        if (r.state == RowState::Loading)
            out.append(tr("Row %1: %2 is still being read.").arg(i + 1).arg(r.reference));
        const auto cells = m_problems.value(r.id);
        for (int c = 0; c < Count; ++c)
            if (cells.contains(c))
                out.append(tr("Row %1: %2").arg(i + 1).arg(cells.value(c)));
    }
    out.removeDuplicates();
    return out;
}

void ManifestListModel::revalidate()
{
    m_problems.clear();
    m_duplicates.clear();
    QHash<QString, QList<int>> byPlatform;
    QHash<QString, QList<int>> byDigest;
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &r = m_rows[i];
        auto &cells = m_problems[r.id];
        if (r.state == RowState::Failed) {
            cells.insert(Source, tr("%1 cannot be read: %2").arg(r.reference, r.error));
            continue;
        }
        if (r.state != RowState::Ready)
            continue;
        const Platform p = r.entry.descriptor.platform.value_or(Platform{});
        if (p.os.isEmpty())
            cells.insert(Os, tr("os is required"));
        else if (auto ok = checkPlatform(Platform{p.os, {}, {}, {}, {}}); !ok)
            cells.insert(Os, ok.error().message);
        if (p.architecture.isEmpty())
            cells.insert(Architecture, tr("architecture is required"));
        else if (auto ok = checkPlatform(Platform{{}, p.architecture, {}, {}, {}}); !ok)
            cells.insert(Architecture, ok.error().message);
        if (!p.variant.isEmpty() && !cells.contains(Architecture)) {
            const QStringList variants = knownVariants(p.architecture);
            if (auto ok = checkPlatform(Platform{{}, p.architecture, p.variant, {}, {}}); !ok)
                cells.insert(Variant, ok.error().message);
            else if (!variants.contains(p.variant))
                cells.insert(Variant, variants.isEmpty()
                                          ? tr("architecture %1 takes no variant").arg(p.architecture)
                                          : tr("unknown variant \"%1\" for %2: valid values are %3")
                                                .arg(p.variant, p.architecture, variants.join(u", "_s)));
        }
        byPlatform[platformKey(r.entry.descriptor.platform)].append(i);
        byDigest[r.entry.descriptor.digest.toString()].append(i);
    }
    auto rowsText = [](const QList<int> &rows) {
        QStringList numbers;
        for (int r : rows)
            numbers.append(QString::number(r + 1));
        return numbers.join(u", "_s);
    };
    for (auto it = byPlatform.cbegin(); it != byPlatform.cend(); ++it) {
        if (it.value().size() < 2)
            continue;
        const QString text = tr("platform %1 is listed %2 times (rows %3)")
                                 .arg(it.key()).arg(it.value().size()).arg(rowsText(it.value()));
        for (int r : it.value()) {
            auto &cells = m_problems[m_rows[r].id];
            for (int c : {int(Os), int(Architecture), int(Variant)}) {
                if (!cells.contains(c)) {
                    cells.insert(c, text);
                    m_duplicates[m_rows[r].id].insert(c);
                }
            }
        }
    }
    for (auto it = byDigest.cbegin(); it != byDigest.cend(); ++it) {
        if (it.value().size() < 2)
            continue;
        const QString text = tr("the image %1 is listed %2 times (rows %3)")
                                 .arg(it.key()).arg(it.value().size()).arg(rowsText(it.value()));
        for (int r : it.value()) {
            m_problems[m_rows[r].id].insert(Digest, text);
            m_duplicates[m_rows[r].id].insert(Digest);
        }
    }
    for (auto it = m_problems.begin(); it != m_problems.end();) {
        if (it.value().isEmpty())
            it = m_problems.erase(it);
        else
            ++it;
    }
}

QString ManifestListModel::cellProblem(int row, int column) const
{
    const Row *r = rowAt(row);
    return r ? m_problems.value(r->id).value(column) : QString();
}

} // namespace stevedore::models
