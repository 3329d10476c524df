#include "authchallenge.h"

#include <optional>

namespace stevedore {

QList<AuthChallenge> parseAuthChallenges(const QByteArray &header)
{
    QList<AuthChallenge> out;
    const QString h = QString::fromLatin1(header);
    qsizetype i = 0;
    const qsizetype n = h.size();
    auto skipSpaces = [&]() {
        while (i < n && (h[i] == u' ' || h[i] == u'\t'))
            ++i;
    };
    auto readToken = [&]() {
        const qsizetype start = i;
        while (i < n && h[i] != u' ' && h[i] != u'\t' && h[i] != u',' && h[i] != u'=')
            ++i;
        return h.mid(start, i - start);
    };
    while (i < n) {
        skipSpaces();
        while (i < n && (h[i] == u',' || h[i] == u' '))
            ++i;
        if (i >= n)
            break;
        const QString token = readToken();
        skipSpaces();
        if (token.isEmpty()) {
            ++i;
            continue;
        }
        if (i < n && h[i] == u'=' && !out.isEmpty()) {
            // A parameter of the current challenge.
            ++i;
            skipSpaces();
            QString value;
            if (i < n && h[i] == u'"') {
                ++i;
                while (i < n && h[i] != u'"') {
                    if (h[i] == u'\\' && i + 1 < n)
                        ++i;
                    value += h[i];
                    ++i;
                }
                ++i; // closing quote
            } else {
                const qsizetype start = i;
                while (i < n && h[i] != u',' && h[i] != u' ')
                    ++i;
                value = h.mid(start, i - start);
            }
            out.last().params.insert(token.toLower(), value);
            continue;
        }
        if (i < n && h[i] == u'=') {
            // token68 without a scheme: malformed; skip it.
            while (i < n && h[i] != u',')
                ++i;
            continue;
        }
        AuthChallenge c;
        c.scheme = token.toLower();
        out << c;
    }
    return out;
}

std::optional<AuthChallenge> preferredChallenge(const QList<AuthChallenge> &challenges)
{
    std::optional<AuthChallenge> chosen;
    for (const AuthChallenge &c : challenges)
        if (c.scheme == QLatin1String("bearer") || (c.scheme == QLatin1String("basic") && !chosen))
            chosen = c;
    return chosen;
}

} // namespace stevedore
