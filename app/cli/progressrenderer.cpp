#include "progressrenderer.h"

#include "core/secrets.h"

#include "terminal.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace stevedore::cli {

Result<ProgressMode> parseProgressMode(const QString &text)
{
    if (text == "auto"_L1)
        return ProgressMode::Auto;
    if (text == "tty"_L1)
        return ProgressMode::Tty;
    if (text == "plain"_L1)
        return ProgressMode::Plain;
    if (text == "json"_L1)
        return ProgressMode::Json;
    return fail(ErrorCode::InvalidArgument,
                u"invalid --progress value \"%1\" (use auto, tty, plain or json)"_s.arg(text));
}

QString formatBytes(qint64 bytes)
{
    if (bytes < 0)
        return u"?"_s;
    if (bytes < 1024)
        return u"%1 B"_s.arg(bytes);
    static const char *const units[] = {"KiB", "MiB", "GiB", "TiB"};
    double v = double(bytes);
    int u = -1;
    while (v >= 1024 && u < 3) {
        v /= 1024;
        ++u;
    }
    return u"%1 %2"_s.arg(v, 0, 'f', 1).arg(QLatin1StringView(units[u]));
}

namespace {

QString shortDigest(const QString &digest)
{
    const qsizetype colon = digest.indexOf(u':');
    return colon < 0 ? digest.left(12) : digest.mid(colon + 1, 12);
}

bool isFinal(BlobProgress::State s)
{
    return s == BlobProgress::State::Done || s == BlobProgress::State::Skipped || s == BlobProgress::State::Mounted;
}

void writeOut(std::FILE *out, const QString &text)
{
    const QByteArray b = secrets::scrub(text).toUtf8();
    std::fwrite(b.constData(), 1, size_t(b.size()), out);
    std::fflush(out);
}

class QuietRenderer final : public ProgressRenderer
{
public:
    void begin(const QString &, const QString &) override {}
    void update(const ProgressSnapshot &) override {}
    void finish(const QString &, const std::optional<Error> &) override {}
};

// One line per state change, no carriage returns: for logs and pipes.
class PlainRenderer final : public ProgressRenderer
{
public:
    explicit PlainRenderer(std::FILE *out) : m_out(out) {}

    void begin(const QString &source, const QString &destination) override
    {
        writeOut(m_out, u"Copying %1 to %2\n"_s.arg(source, destination));
    }

    void update(const ProgressSnapshot &changes) override
    {
        // Blobs first: an image is done only after its blobs, and its line comes after theirs.
        QString text;
        for (const BlobProgress &b : changes.blobs) {
            if (m_blobStates.value(b.id, -1) == int(b.state))
                continue;
            m_blobStates.insert(b.id, int(b.state));
            QString line = u"blob %1%2: %3"_s.arg(shortDigest(b.digest.isEmpty() ? b.id : b.digest),
                                                  b.platform.isEmpty() ? QString() : u" (%1)"_s.arg(b.platform),
                                                  blobStateName(b.state));
            if (b.total >= 0)
                line += u" %1"_s.arg(formatBytes(b.total));
            if (!b.message.isEmpty())
                line += u": "_s + secrets::sanitizeForDisplay(b.message);
            text += line + u'\n';
        }
        for (const ImageProgress &img : changes.images) {
            if (m_imageStates.value(img.id, -1) == int(img.state))
                continue;
            m_imageStates.insert(img.id, int(img.state));
            text += u"image %1%2: %3\n"_s.arg(img.id, img.platform.isEmpty() ? QString() : u" (%1)"_s.arg(img.platform),
                                             imageStateName(img.state));
        }
        if (!text.isEmpty())
            writeOut(m_out, text);
    }

    void finish(const QString &digest, const std::optional<Error> &error) override
    {
        if (!error)
            writeOut(m_out, u"Wrote manifest %1\n"_s.arg(digest));
    }

private:
    std::FILE *m_out;
    QHash<QString, int> m_blobStates;
    QHash<QString, int> m_imageStates;
};

// One JSON object per event per line.
class JsonRenderer final : public ProgressRenderer
{
public:
    explicit JsonRenderer(std::FILE *out) : m_out(out) {}

    void begin(const QString &source, const QString &destination) override
    {
        m_image = destination;
        emitObject({{u"event"_s, u"start"_s}, {u"source"_s, source}, {u"destination"_s, destination}});
    }

    void update(const ProgressSnapshot &changes) override
    {
        for (const BlobProgress &b : changes.blobs) {
            QJsonObject o{{u"event"_s, u"blob"_s},
                          {u"image"_s, m_image},
                          {u"digest"_s, b.digest.isEmpty() ? b.id : b.digest},
                          {u"platform"_s, b.platform},
                          {u"mediaType"_s, b.mediaType},
                          {u"state"_s, blobStateName(b.state)},
                          {u"done"_s, double(b.done)},
                          {u"total"_s, double(b.total)}};
            if (!b.message.isEmpty())
                o.insert(u"message"_s, secrets::sanitizeForDisplay(b.message));
            emitObject(o);
        }
        for (const ImageProgress &img : changes.images) {
            emitObject({{u"event"_s, u"image"_s},
                        {u"image"_s, m_image},
                        {u"digest"_s, img.id},
                        {u"platform"_s, img.platform},
                        {u"mediaType"_s, img.mediaType},
                        {u"state"_s, imageStateName(img.state)}});
        }
    }

    void finish(const QString &digest, const std::optional<Error> &error) override
    {
        if (error)
            emitObject({{u"event"_s, u"error"_s},
                        {u"code"_s, errorCodeName(error->code)},
                        {u"message"_s, secrets::sanitizeForDisplay(error->message, 2000)}});
        else
            emitObject({{u"event"_s, u"done"_s}, {u"image"_s, m_image}, {u"digest"_s, digest}});
    }

private:
    void emitObject(const QJsonObject &o)
    {
        writeOut(m_out, QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) + u'\n');
    }
    std::FILE *m_out;
    QString m_image;
};

// Live bars redrawn in place with ANSI escapes, at most every 100 ms.
class TtyRenderer final : public ProgressRenderer
{
public:
    explicit TtyRenderer(std::FILE *out) : m_out(out) { m_sinceDraw.start(); }

    void begin(const QString &source, const QString &destination) override
    {
        writeOut(m_out, u"Copying %1 to %2\n"_s.arg(source, destination));
    }

    void update(const ProgressSnapshot &changes) override
    {
        for (const BlobProgress &b : changes.blobs) {
            if (!m_blobs.contains(b.id))
                m_order.append(b.id);
            m_blobs.insert(b.id, b);
        }
        if (m_sinceDraw.elapsed() >= 100 || m_drawnLines == 0)
            draw();
    }

    void finish(const QString &digest, const std::optional<Error> &error) override
    {
        draw();
        if (!error)
            writeOut(m_out, u"Wrote manifest %1\n"_s.arg(digest));
    }

private:
    QString blobLine(const BlobProgress &b, int width) const
    {
        const QString id = shortDigest(b.id);
        const QString state = blobStateName(b.state);
        QString sizes;
        if (isFinal(b.state) && b.total >= 0)
            sizes = formatBytes(b.total);
        else if (b.total >= 0)
            sizes = u"%1 / %2"_s.arg(formatBytes(b.done), formatBytes(b.total));
        else
            sizes = formatBytes(b.done);
        const int fixed = int(id.size() + std::max<qsizetype>(21, sizes.size()) + 10) + 3;
        const int barWidth = std::clamp(width - fixed - 1, 0, 40);
        QString bar;
        if (barWidth >= 5) {
            const int inner = barWidth - 2;
            double frac = 0;
            if (isFinal(b.state))
                frac = 1;
            else if (b.total > 0)
                frac = std::clamp(double(b.done) / double(b.total), 0.0, 1.0);
            const int filled = int(frac * inner);
            bar = u'[' + QString(filled, u'=') + QString(inner - filled, u' ') + u']';
        }
        QString line = u"%1 %2 %3 %4"_s.arg(id, bar, sizes.rightJustified(21), state);
        if (b.state == BlobProgress::State::Failed || b.state == BlobProgress::State::Retrying
            || b.state == BlobProgress::State::NotCopied)
            if (!b.message.isEmpty())
                line += u": "_s + secrets::sanitizeForDisplay(b.message);
        return line.left(width - 1);
    }

    void draw()
    {
        m_sinceDraw.restart();
        const int fd = fileno(m_out);
        const int width = terminalWidth(fd);
        const int maxLines = std::max(3, terminalHeight(fd) - 2);
        QStringList lines;
        int finished = 0;
        int waiting = 0;
        qint64 bytesDone = 0;
        qint64 bytesTotal = 0;
        for (const QString &id : std::as_const(m_order)) {
            const BlobProgress &b = m_blobs[id];
            if (isFinal(b.state))
                ++finished;
            else if (b.state == BlobProgress::State::Waiting)
                ++waiting;
            if (b.total > 0) {
                bytesTotal += b.total;
                bytesDone += isFinal(b.state) ? b.total : std::min(b.done, b.total);
            }
        }
        const bool footer = m_order.size() > 1;
        const int room = maxLines - (footer ? 1 : 0);
        if (m_order.size() <= room) {
            for (const QString &id : std::as_const(m_order))
                lines << blobLine(m_blobs.value(id), width);
        } else {
            // Too many for the terminal: show the blobs in flight; the footer counts the others.
            for (const QString &id : std::as_const(m_order)) {
                const BlobProgress &b = m_blobs[id];
                if (!isFinal(b.state) && b.state != BlobProgress::State::Waiting && lines.size() < room)
                    lines << blobLine(b, width);
            }
        }
        if (footer)
            lines << u"%1/%2 blobs done, %3 waiting, %4 / %5"_s.arg(finished)
                         .arg(m_order.size())
                         .arg(waiting)
                         .arg(formatBytes(bytesDone), formatBytes(bytesTotal))
                         .left(width - 1);
        QString text;
        if (m_drawnLines > 0)
            text += u"\x1b[%1A"_s.arg(m_drawnLines);
        for (const QString &l : std::as_const(lines))
            text += u"\r\x1b[2K"_s + l + u'\n';
        for (int i = int(lines.size()); i < m_drawnLines; ++i)
            text += u"\r\x1b[2K\n"_s;
        if (int(lines.size()) < m_drawnLines)
            text += u"\x1b[%1A"_s.arg(m_drawnLines - int(lines.size()));
        m_drawnLines = int(lines.size());
        writeOut(m_out, text);
    }

    std::FILE *m_out;
    QElapsedTimer m_sinceDraw;
    QHash<QString, BlobProgress> m_blobs;
    QStringList m_order;
    int m_drawnLines = 0;
};

} // namespace

std::unique_ptr<ProgressRenderer> makeProgressRenderer(ProgressMode mode, std::FILE *out)
{
    if (mode == ProgressMode::Auto)
        mode = isTerminal(fileno(out)) ? ProgressMode::Tty : ProgressMode::Plain;
    switch (mode) {
    case ProgressMode::Tty:
        return std::make_unique<TtyRenderer>(out);
    case ProgressMode::Plain:
        return std::make_unique<PlainRenderer>(out);
    case ProgressMode::Json:
        return std::make_unique<JsonRenderer>(out);
    case ProgressMode::Quiet:
    case ProgressMode::Auto:
        break;
    }
    return std::make_unique<QuietRenderer>();
}

} // namespace stevedore::cli
