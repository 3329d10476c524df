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

QString sanitizeForDisplay(const QString &text, int maxLength)
{
    QString out;
    out.reserve(qMin<qsizetype>(text.size(), maxLength + 1));
    bool lastSpace = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        const bool control = c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f);
        const bool bidi = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f;
        if (c == 0x1b) {
            // An escape sequence: drop ESC and a CSI/OSC introducer with its parameters.
            if (i + 1 < text.size() && (text.at(i + 1) == QLatin1Char('[') || text.at(i + 1) == QLatin1Char(']'))) {
                ++i;
                while (i + 1 < text.size()) {
                    const char16_t n = text.at(i + 1).unicode();
                    ++i;
                    if ((n >= 0x40 && n <= 0x7e && n != u'[') || n == 0x07)
                        break;
                }
            }
            continue;
        }
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
