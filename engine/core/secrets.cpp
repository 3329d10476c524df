#include "secrets.h"

#include "logging.h"

#include <QList>
#include <QMutex>
#include <QRegularExpression>

#include <algorithm>

namespace stevedore::secrets {

namespace {

constexpr qsizetype kMinWordSecret = 4;
constexpr qsizetype kMinSubstringSecret = 8;

struct Registry {
    QMutex mutex;
    QList<QString> secrets; // longest first, so that a secret containing another is replaced whole
};

Registry &registry()
{
    static Registry r;
    return r;
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_') || c == QLatin1Char('.');
}

// Replaces `secret` where it stands as a whole word.
void replaceWord(QString &text, const QString &secret)
{
    qsizetype from = 0;
    for (;;) {
        const qsizetype at = text.indexOf(secret, from);
        if (at < 0)
            return;
        const qsizetype end = at + secret.size();
        const bool before = at == 0 || !isWordChar(text.at(at - 1));
        const bool after = end >= text.size() || !isWordChar(text.at(end));
        if (before && after) {
            text.replace(at, secret.size(), QStringLiteral("***"));
            from = at + 3;
        } else {
            from = at + 1;
        }
    }
}

} // namespace

void add(const QString &secret)
{
    if (secret.size() < kMinWordSecret)
        return;
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    if (r.secrets.contains(secret))
        return;
    r.secrets.append(secret);
    std::stable_sort(r.secrets.begin(), r.secrets.end(),
                     [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

void addCredentials(const QString &username, const QString &password)
{
    if (password.isEmpty())
        return;
    add(password);
    const QByteArray basic = (username + QLatin1Char(':') + password).toUtf8().toBase64();
    add(QString::fromLatin1(basic));
}

QString scrub(const QString &text)
{
    QString out = redact(text);
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    for (const QString &s : std::as_const(r.secrets)) {
        if (s.size() >= kMinSubstringSecret)
            out.replace(s, QStringLiteral("***"));
        else
            replaceWord(out, s);
    }
    return out;
}

namespace {

// Where the escape sequence starting at `i` (ESC or a C1 introducer) ends: the index of its last character.
// CSI (ESC [ or 0x9b): parameters and intermediates up to a final byte 0x40-0x7e. OSC, DCS, SOS, PM, APC
// (ESC ] P X ^ _, or 0x9d 0x90 0x98 0x9e 0x9f): a string up to BEL or ST (ESC \ or 0x9c). Any other ESC x: two
// characters. A sequence cut off by the end of the text ends there.
qsizetype escapeEnd(const QString &t, qsizetype i)
{
    const qsizetype n = t.size();
    char16_t c = t.at(i).unicode();
    char16_t kind = 0;
    qsizetype j = i + 1;
    if (c == 0x1b) {
        if (j >= n)
            return i;
        kind = t.at(j).unicode();
        ++j;
    } else {
        kind = c == 0x9b ? u'[' : c == 0x9d ? u']' : c == 0x90 ? u'P' : u'X';
    }
    if (kind == u'[') {
        while (j < n) {
            const char16_t x = t.at(j).unicode();
            if (x >= 0x40 && x <= 0x7e)
                return j;
            if (x < 0x20 || x > 0x3f) // not a parameter or intermediate: malformed, stop before it
                return j - 1;
            ++j;
        }
        return n - 1;
    }
    if (kind == u']' || kind == u'P' || kind == u'X' || kind == u'^' || kind == u'_') {
        while (j < n) {
            const char16_t x = t.at(j).unicode();
            if (x == 0x07 || x == 0x9c)
                return j;
            if (x == 0x1b && j + 1 < n && t.at(j + 1) == QLatin1Char('\\'))
                return j + 1;
            ++j;
        }
        return n - 1;
    }
    return c == 0x1b ? i + 1 : i;
}

} // namespace

QString sanitizeForDisplay(const QString &text, int maxLength)
{
    QString out;
    out.reserve(qMin<qsizetype>(text.size(), maxLength + 1));
    bool lastSpace = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (c == 0x1b || c == 0x9b || c == 0x9d || c == 0x90 || c == 0x98 || c == 0x9e || c == 0x9f) {
            i = escapeEnd(text, i); // the whole sequence is dropped
            continue;
        }
        const bool control = c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f);
        const bool bidi = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f;
        if (bidi)
            continue;
        if (control || QChar(c).isSpace()) {
            if (!lastSpace && !out.isEmpty())
                out.append(QLatin1Char(' '));
            lastSpace = true;
            continue;
        }
        out.append(QChar(c));
        lastSpace = false;
    }
    while (out.endsWith(QLatin1Char(' ')))
        out.chop(1);
    if (out.size() > maxLength) {
        out.truncate(maxLength);
        out.append(QChar(0x2026));
    }
    return out;
}

void clearForTests()
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    r.secrets.clear();
}

} // namespace stevedore::secrets
