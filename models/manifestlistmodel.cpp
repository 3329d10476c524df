#include "manifestlistmodel.h"

#include "content/platformnames.h"
#include "manifestlist/listimages.h"

#include <QColor>
#include <QFutureWatcher>
#include <QImage>
#include <QLocale>
#include <QMimeData>
#include <QPainter>
#include <QPixmap>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace stevedore::models {

namespace {
constexpr int kSpinnerFrames = 12;
constexpr int kSpinnerIntervalMs = 90;

QIcon badge(const QColor &colour, QChar sign)
{
    QImage image(16, 16, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    p.drawEllipse(QRectF(1, 1, 14, 14));
    p.setPen(Qt::white);
    QFont f = p.font();
    f.setBold(true);
    f.setPixelSize(11);
    p.setFont(f);
    p.drawText(QRectF(0, 0, 16, 16), Qt::AlignCenter, QString(sign));
    p.end();
    return QIcon(QPixmap::fromImage(image));
}

QPixmap spinnerFrame(int frame)
{
    QImage image(16, 16, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    for (int i = 0; i < kSpinnerFrames; ++i) {
        const int age = (frame - i + kSpinnerFrames) % kSpinnerFrames;
        QColor c(0x30, 0x60, 0xa0);
        c.setAlphaF(1.0 - age / double(kSpinnerFrames));
        p.save();
        p.translate(8, 8);
        p.rotate(i * 360.0 / kSpinnerFrames);
        p.setPen(QPen(c, 2, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(0, -3.5), QPointF(0, -6.5));
        p.restore();
    }
    p.end();
    return QPixmap::fromImage(image);
}

const QColor kErrorBackground(0xfd, 0xdc, 0xdc);
const QColor kErrorText(0xa0, 0x10, 0x10);
const QColor kWarningBackground(0xff, 0xee, 0xc0);

bool isPlatformColumn(int column)
{
    return column >= ManifestListModel::Os && column <= ManifestListModel::Annotations;
}
} // namespace

ManifestListModel::ManifestListModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_mediaType(QString(mediatype::OciIndex))
{
    m_spinner = new QTimer(this);
    m_spinner->setInterval(kSpinnerIntervalMs);
    connect(m_spinner, &QTimer::timeout, this, &ManifestListModel::tick);
}

ManifestListModel::~ManifestListModel()
{
    m_cancel.cancel();
    for (auto *w : std::as_const(m_readings))
        w->disconnect(this);
}

void ManifestListModel::setList(const ManifestList &list)
{
    beginResetModel();
    m_rows.clear();
    m_parked.clear();
    for (const ListEntry &e : list.entries) {
        Row r;
        r.id = r.group = m_nextId++;
        r.state = RowState::Ready;
        r.reference = e.source;
        r.entry = e;
        m_rows.append(r);
    }
    m_mediaType = list.mediaType.isEmpty() ? QString(mediatype::OciIndex) : list.mediaType;
    m_annotations = list.annotations;
    revalidate();
    endResetModel();
    Q_EMIT contentChanged();
}

void ManifestListModel::clear()
{
    setList(ManifestList{});
}

ManifestList ManifestListModel::list() const
{
    ManifestList out;
    out.mediaType = m_mediaType;
    out.annotations = m_annotations;
    for (const Row &r : m_rows)
        if (r.state == RowState::Ready)
            out.entries.append(r.entry);
    return out;
}

const ManifestListModel::Row *ManifestListModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int ManifestListModel::rowOfId(quint64 id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id == id)
            return i;
    return -1;
}

bool ManifestListModel::isLoading() const
{
    return std::any_of(m_rows.cbegin(), m_rows.cend(), [](const Row &r) { return r.state == RowState::Loading; });
}

ManifestListModel::Row ManifestListModel::newLoadingRow(const QString &reference, bool all)
{
    Row r;
    r.id = r.group = m_nextId++;
    r.state = RowState::Loading;
    r.reference = reference;
    r.all = all;
    return r;
}

void ManifestListModel::insertPlaced(const QList<PlacedRow> &rows)
{
    for (const PlacedRow &p : rows) {
        const int at = std::clamp(p.position, 0, int(m_rows.size()));
        beginInsertRows({}, at, at);
        m_rows.insert(at, p.row);
        endInsertRows();
    }
    revalidate();
    for (const PlacedRow &p : rows) {
        if (p.row.state != RowState::Loading)
            continue;
        if (m_parked.contains(p.row.id))
            applyReading(p.row.id, m_parked.take(p.row.id));
        else if (!m_readings.contains(p.row.id))
            startReading(p.row);
    }
    if (isLoading())
        m_spinner->start();
    Q_EMIT contentChanged();
}

QList<ManifestListModel::PlacedRow> ManifestListModel::takeRows(const QList<quint64> &ids)
{
    QList<PlacedRow> taken;
    for (int i = 0; i < m_rows.size(); ++i)
        if (ids.contains(m_rows[i].id))
            taken.append({i, m_rows[i]});
    for (qsizetype k = taken.size() - 1; k >= 0; --k) {
        beginRemoveRows({}, taken[k].position, taken[k].position);
        m_rows.removeAt(taken[k].position);
        endRemoveRows();
    }
    revalidate();
    Q_EMIT contentChanged();
    return taken;
}

QList<ManifestListModel::PlacedRow> ManifestListModel::takeGroups(const QList<quint64> &groups)
{
    QList<quint64> ids;
    for (const Row &r : std::as_const(m_rows))
        if (groups.contains(r.group))
            ids.append(r.id);
    return takeRows(ids);
}

bool ManifestListModel::setEntry(quint64 id, const ListEntry &entry)
{
    const int row = rowOfId(id);
    if (row < 0 || m_rows[row].state != RowState::Ready)
        return false;
    m_rows[row].entry = entry;
    revalidate();
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, Count - 1)); // duplicates may change on other rows
    Q_EMIT contentChanged();
    return true;
}

bool ManifestListModel::moveRowTo(quint64 id, int to)
{
    const int from = rowOfId(id);
    to = std::clamp(to, 0, int(m_rows.size()) - 1);
    if (from < 0 || from == to)
        return from >= 0;
    if (!beginMoveRows({}, from, from, {}, to > from ? to + 1 : to))
        return false;
    m_rows.move(from, to);
    endMoveRows();
    revalidate();
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, Count - 1)); // "rows 1 and 3" in the tooltips
    Q_EMIT contentChanged();
    return true;
}

std::optional<ListEntry> ManifestListModel::editedEntry(int row, int column, const QVariant &value,
                                                        QString *error) const
{
    const Row *r = rowAt(row);
    if (!r || r->state != RowState::Ready || !isPlatformColumn(column))
        return std::nullopt;
    ListEntry e = r->entry;
    Platform p = e.descriptor.platform.value_or(Platform{});
    const QString text = value.typeId() == QMetaType::QStringList ? value.toStringList().join(u',')
                                                                  : value.toString().trimmed();
    switch (column) {
    case Os:
        p.os = text;
        break;
    case Architecture:
        p.architecture = text;
        if (!p.variant.isEmpty() && !knownVariants(text).contains(p.variant))
            p.variant.clear(); // the variant list follows the architecture
        break;
    case Variant:
        p.variant = text;
        break;
    case OsVersion:
        p.osVersion = text;
        break;
    case OsFeatures: {
        QStringList features;
        for (const QString &f : text.split(u',', Qt::SkipEmptyParts))
            if (!f.trimmed().isEmpty())
                features.append(f.trimmed());
        p.osFeatures = features;
        break;
    }
    case Annotations: {
        auto parsed = parseAnnotations(text);
        if (!parsed) {
            if (error)
                *error = parsed.error().message;
            return std::nullopt;
        }
        e.descriptor.annotations = *parsed;
        break;
    }
    default:
        return std::nullopt;
    }
    if (column != Annotations) {
        const bool empty = p.os.isEmpty() && p.architecture.isEmpty() && p.variant.isEmpty()
                           && p.osVersion.isEmpty() && p.osFeatures.isEmpty();
        e.descriptor.platform = empty ? std::nullopt : std::optional<Platform>(p);
    }
    return e;
}

void ManifestListModel::startReading(const Row &row)
{
    auto *watcher = new QFutureWatcher<Entries>(this);
    m_readings.insert(row.id, watcher);
    const quint64 id = row.id;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, id] {
        m_readings.remove(id);
        watcher->deleteLater();
        const Entries result = watcher->future().resultCount() > 0
                                   ? watcher->result()
                                   : Entries(fail(ErrorCode::Cancelled, tr("reading the image was cancelled")));
        if (rowOfId(id) < 0)
            m_parked.insert(id, result); // the add was undone meanwhile; a redo takes it from here
        else
            applyReading(id, result);
    });
    SystemContext ctx = m_context;
    ctx.cancel = m_cancel; // what is run while the image is opened (a credential helper) stops with the model too
    watcher->setFuture(describeListImageAsync(row.reference, ctx, row.all, m_cancel));
}

void ManifestListModel::applyReading(quint64 id, const Entries &result)
{
    const int at = rowOfId(id);
    if (at < 0)
        return;
    Row &row = m_rows[at];
    if (!result || result->isEmpty()) {
        row.state = RowState::Failed;
        row.error = result ? tr("%1 has no image for this list").arg(row.reference) : result.error().message;
        revalidate();
        emitRowChanged(at);
    } else {
        const QList<ListEntry> entries = *result;
        row.state = RowState::Ready;
        row.entry = entries.first();
        const Row base = row;
        if (entries.size() > 1) {
            beginInsertRows({}, at + 1, at + int(entries.size()) - 1);
            for (qsizetype k = 1; k < entries.size(); ++k) {
                Row extra = base;
                extra.id = m_nextId++;
                extra.entry = entries[k];
                m_rows.insert(at + k, extra);
            }
            endInsertRows();
        }
        revalidate();
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, Count - 1));
    }
    if (!isLoading())
        m_spinner->stop();
    Q_EMIT contentChanged();
    Q_EMIT rowLoaded(id, bool(result) && !result->isEmpty());
}

void ManifestListModel::tick()
{
    if (!isLoading()) {
        m_spinner->stop(); // the rows being read were removed
        return;
    }
    m_frame = (m_frame + 1) % kSpinnerFrames;
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].state == RowState::Loading)
            Q_EMIT dataChanged(index(i, Source), index(i, Source), {Qt::DecorationRole});
}

void ManifestListModel::emitRowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, Count - 1));
}

int ManifestListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ManifestListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

QVariant ManifestListModel::raw(const Row &r, int column) const
{
    const Descriptor &d = r.entry.descriptor;
    const Platform p = d.platform.value_or(Platform{});
    switch (column) {
    case Source: return r.state == RowState::Ready && !r.entry.source.isEmpty() ? r.entry.source : r.reference;
    case Digest: return d.digest.isValid() ? d.digest.toString() : QString();
    case Size: return d.size;
    case MediaType: return d.mediaType;
    case Os: return p.os;
    case Architecture: return p.architecture;
    case Variant: return p.variant;
    case OsVersion: return p.osVersion;
    case OsFeatures: return p.osFeatures;
    case Annotations: {
        QVariantMap m;
        for (auto it = d.annotations.cbegin(); it != d.annotations.cend(); ++it)
            m.insert(it.key(), it.value());
        return m;
    }
    default: return {};
    }
}

QVariant ManifestListModel::display(const Row &r, int column) const
{
    if (r.state == RowState::Loading)
        return column == Source ? tr("Reading %1…").arg(r.reference) : QVariant(QString());
    if (r.state == RowState::Failed) {
        if (column == Source)
            return r.reference;
        if (column == Digest)
            return tr("Cannot read: %1").arg(r.error);
        return QString();
    }
    const Descriptor &d = r.entry.descriptor;
    switch (column) {
    case Digest: return d.digest.isValid() ? d.digest.algorithm() + u':' + d.digest.shortHex() : QString();
    case Size: return d.size >= 0 ? QLocale().formattedDataSize(d.size) : QString();
    case MediaType:
        // A short name for the known types (the full one in the tooltip and under RawRole).
        if (d.mediaType == mediatype::OciManifest)
            return tr("OCI manifest");
        if (d.mediaType == mediatype::OciIndex)
            return tr("OCI index");
        if (d.mediaType == mediatype::DockerManifest)
            return tr("Docker v2s2");
        if (d.mediaType == mediatype::DockerManifestList)
            return tr("Docker manifest list");
        return d.mediaType;
    case OsFeatures: return raw(r, column).toStringList().join(u", "_s);
    case Annotations: return annotationsText(d.annotations);
    default: return raw(r, column);
    }
}

QVariant ManifestListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows[index.row()];
    const int column = index.column();
    const QString problem = cellProblem(index.row(), column);
    const bool duplicate = !problem.isEmpty() && m_duplicates.value(r.id).contains(column);
    switch (role) {
    case Qt::DisplayRole:
        return display(r, column);
    case Qt::EditRole:
        if (column == OsFeatures)
            return raw(r, column).toStringList().join(u", "_s);
        if (column == Annotations)
            return annotationsText(r.entry.descriptor.annotations);
        return raw(r, column);
    case RawRole:
        return raw(r, column);
    case StateRole:
        return int(r.state);
    case IdRole:
        return r.id;
    case ProblemRole:
        return problem;
    case RowProblemsRole: {
        QStringList all;
        const auto cells = m_problems.value(r.id);
        for (int c = 0; c < Count; ++c)
            if (cells.contains(c))
                all.append(cells.value(c));
        all.removeDuplicates();
        return all;
    }
    case Qt::ToolTipRole: {
        QStringList lines;
        if (r.state == RowState::Loading && column == Source)
            lines.append(tr("Reading %1 on the engine…").arg(r.reference));
        else if (r.state == RowState::Ready && column == Digest)
            lines.append(r.entry.descriptor.digest.toString());
        else if (r.state == RowState::Ready && column == MediaType)
            lines.append(r.entry.descriptor.mediaType);
        else if (r.state == RowState::Ready && column == Annotations && !r.entry.descriptor.annotations.isEmpty())
            lines.append(annotationsText(r.entry.descriptor.annotations).replace(u"; "_s, u"\n"_s));
        else if (r.state == RowState::Ready && column == Source && r.reference != r.entry.source)
            lines.append(tr("%1, added as %2").arg(r.entry.source, r.reference));
        else if (r.state == RowState::Ready && column == Size && r.entry.descriptor.size >= 0)
            lines.append(tr("%1 bytes").arg(QLocale().toString(r.entry.descriptor.size)));
        if (!problem.isEmpty())
            lines.append(problem);
        return lines.isEmpty() ? QVariant() : QVariant(lines.join(u'\n'));
    }
    case Qt::DecorationRole:
        if (r.state == RowState::Loading && column == Source)
            return spinnerFrame(m_frame);
        if (problem.isEmpty())
            return {};
        if (m_errorIcon.isNull()) {
            auto *self = const_cast<ManifestListModel *>(this);
            self->m_errorIcon = badge(QColor(0xc0, 0x20, 0x20), u'!');
            self->m_warningIcon = badge(QColor(0xd0, 0x90, 0x00), u'=');
        }
        return duplicate ? m_warningIcon : m_errorIcon;
    case Qt::BackgroundRole:
        if (problem.isEmpty())
            return {};
        return duplicate ? kWarningBackground : kErrorBackground;
    case Qt::ForegroundRole:
        if (r.state == RowState::Failed && column == Digest)
            return kErrorText;
        if (r.state == RowState::Loading)
            return QColor(0x60, 0x60, 0x60);
        return problem.isEmpty() || duplicate ? QVariant() : QVariant(kErrorText);
    case Qt::TextAlignmentRole:
        if (column == Size)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

bool ManifestListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || !(flags(index) & Qt::ItemIsEditable))
        return false;
    if (m_editHandler)
        return m_editHandler(index.row(), index.column(), value);
    const auto edited = editedEntry(index.row(), index.column(), value);
    return edited && setEntry(m_rows[index.row()].id, *edited);
}

QVariant ManifestListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole && section >= 0 && section < m_rows.size())
            return section + 1;
        return {};
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Source: return tr("Where the image is read from when the list is pushed");
        case OsFeatures: return tr("Comma-separated, e.g. win32k");
        case Annotations: return tr("KEY=VALUE pairs separated by \";\"");
        default: return {};
        }
    }
    return role == Qt::DisplayRole ? QVariant(columnTitle(section)) : QVariant();
}

QString ManifestListModel::columnTitle(int column)
{
    switch (column) {
    case Source: return tr("Image");
    case Digest: return tr("Digest");
    case Size: return tr("Size");
    case MediaType: return tr("Media Type");
    case Os: return tr("OS");
    case Architecture: return tr("Architecture");
    case Variant: return tr("Variant");
    case OsVersion: return tr("OS Version");
    case OsFeatures: return tr("OS Features");
    case Annotations: return tr("Annotations");
    default: return {};
    }
}

Qt::ItemFlags ManifestListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled;
    const Row *r = rowAt(index.row());
    if (r && r->state == RowState::Ready && isPlatformColumn(index.column()))
        f |= Qt::ItemIsEditable;
    return f;
}

QHash<int, QByteArray> ManifestListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(RawRole, "raw");
    names.insert(StateRole, "state");
    names.insert(IdRole, "rowId");
    names.insert(ProblemRole, "problem");
    names.insert(RowProblemsRole, "rowProblems");
    return names;
}

void ManifestListModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, Count - 1);
    if (!m_rows.isEmpty()) {
        revalidate();
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, Count - 1));
    }
}

} // namespace stevedore::models