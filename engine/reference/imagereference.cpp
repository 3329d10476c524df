#include "imagereference.h"

#include "core/secrets.h"

#include <QRegularExpression>

namespace stevedore {

namespace {

constexpr int kMaxNameLength = 255;

const QRegularExpression &domainRe()
{
    // domain-component ('.' domain-component)* [':' port], or a bracketed IPv6 address with optional port
    static const QRegularExpression re(QStringLiteral(
        "^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*"
        "|\\[(?:[a-fA-F0-9:]+)\\])(?::[0-9]+)?$"));
    return re;
}

const QRegularExpression &pathRe()
{
    // path-component ('/' path-component)*, path-component = [a-z0-9]+ (separator [a-z0-9]+)*
    static const QRegularExpression re(QStringLiteral(
        "^[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*)*$"));
    return re;
}

const QRegularExpression &tagRe()
{
    static const QRegularExpression re(QStringLiteral("^[\\w][\\w.-]{0,127}$"));
    return re;
}

const QRegularExpression &anchoredHex64()
{
    static const QRegularExpression re(QStringLiteral("^[a-f0-9]{64}$"));
    return re;
}

// "user:password@host/repo": where the user info ends (its last '@'), else -1. The password may itself hold '@' and
// '/' (tokens do), so the '@' is the last one that comes before a '/' (a digest never holds one), or, with no '/'
// in front of it, the last one not followed by a digest; a ':' must come before it.
qsizetype userInfoEnd(const QString &text)
{
    QString t = text;
    qsizetype offset = 0;
    const qsizetype scheme = t.indexOf(QStringLiteral("://"));
    if (scheme >= 0) {
        offset = scheme + 3;
        t = t.mid(offset);
    }
    for (qsizetype at = t.lastIndexOf(QLatin1Char('@')); at > 0; at = t.lastIndexOf(QLatin1Char('@'), at - 1)) {
        const QString before = t.left(at);
        const QString after = t.mid(at + 1);
        if (!before.contains(QLatin1Char(':')))
            continue;
        if (after.contains(QLatin1Char('/')))
            return offset + at;
        if (!before.contains(QLatin1Char('/')) && !after.startsWith(QLatin1String("sha256:"))
            && !after.startsWith(QLatin1String("sha512:")))
            return offset + at;
    }
    return -1;
}

// user:password@ in front of a reference (docker://user:password@host/repo) never reaches a message.
QString withoutUserInfo(const QString &text)
{
    const qsizetype end = userInfoEnd(text);
    if (end < 0)
        return text;
    const qsizetype scheme = text.indexOf(QStringLiteral("://"));
    const qsizetype start = scheme >= 0 ? scheme + 3 : 0;
    return text.left(start) + QStringLiteral("***") + text.mid(end);
}

Result<ImageReference> invalid(const QString &text, const QString &why)
{
    const QString shown = secrets::sanitizeForDisplay(secrets::scrub(withoutUserInfo(text)), 300);
    return fail(ErrorCode::InvalidReference, EngineText::tr("invalid reference \"%1\": %2").arg(shown, why));
}

} // namespace

bool ImageReference::isValidTag(const QString &tag)
{
    return tagRe().match(tag).hasMatch();
}

bool ImageReference::isValidRepositoryPath(const QString &path)
{
    return pathRe().match(path).hasMatch();
}

Result<ImageReference> ImageReference::parse(const QString &text, bool defaultTag)
{
    if (text.isEmpty())
        return invalid(text, EngineText::tr("the reference is empty"));
    if (text.size() > 4096)
        return invalid(text, EngineText::tr("the reference is too long"));
    for (QChar c : text) {
        if (c.isSpace() || c.unicode() < 0x20 || c.unicode() > 0x7e)
            return invalid(text, EngineText::tr("it contains whitespace or non-ASCII characters"));
    }

    QString rest = text;
    ImageReference ref;

    // user:password@host/...: credentials have their own options, and must never be echoed.
    if (userInfoEnd(rest) >= 0)
        return invalid(text, EngineText::tr("a reference cannot carry credentials (user:password@); use --creds or an "
                                            "auth file"));

    // digest
    const qsizetype at = rest.indexOf(QLatin1Char('@'));
    if (at >= 0) {
        auto digest = Digest::parse(rest.mid(at + 1));
        if (!digest)
            return invalid(text, digest.error().message);
        ref.m_digest = *digest;
        rest = rest.left(at);
    }

    // tag: the part after the last ':' when that ':' comes after the last '/'
    const qsizetype lastSlash = rest.lastIndexOf(QLatin1Char('/'));
    const qsizetype lastColon = rest.lastIndexOf(QLatin1Char(':'));
    if (lastColon > lastSlash && !(rest.endsWith(QLatin1Char(']')))) {
        const QString tag = rest.mid(lastColon + 1);
        if (!isValidTag(tag))
            return invalid(text, EngineText::tr("\"%1\" is not a valid tag").arg(tag.left(140)));
        ref.m_tag = tag;
        rest = rest.left(lastColon);
    }
    if (rest.isEmpty())
        return invalid(text, EngineText::tr("the repository name is empty"));

    // domain
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    QString domain;
    QString path;
    if (slash < 0) {
        domain = QStringLiteral("docker.io");
        path = rest;
    } else {
        const QString first = rest.left(slash);
        const bool isDomain = first.contains(QLatin1Char('.')) || first.contains(QLatin1Char(':'))
            || first == QLatin1String("localhost") || first.toLower() != first;
        if (isDomain) {
            domain = first;
            path = rest.mid(slash + 1);
        } else {
            domain = QStringLiteral("docker.io");
            path = rest;
        }
    }
    if (!domainRe().match(domain).hasMatch())
        return invalid(text, EngineText::tr("\"%1\" is not a valid registry host").arg(domain.left(140)));
    const qsizetype portColon = domain.lastIndexOf(QLatin1Char(':'));
    if (portColon > 0 && !domain.endsWith(QLatin1Char(']'))) {
        bool ok = false;
        const int port = domain.mid(portColon + 1).toInt(&ok);
        if (!ok || port < 1 || port > 65535)
            return invalid(text, EngineText::tr("port %1 is out of range (1-65535)").arg(domain.mid(portColon + 1).left(20)));
    }
    if (domain == QLatin1String("index.docker.io"))
        domain = QStringLiteral("docker.io");
    if (path.toLower() != path)
        return invalid(text, EngineText::tr("repository name must be lowercase"));
    if (anchoredHex64().match(path).hasMatch() && slash < 0)
        return invalid(text, EngineText::tr("a 64-character hexadecimal string is an image ID, not a repository name"));
    if (!pathRe().match(path).hasMatch())
        return invalid(text, EngineText::tr("\"%1\" is not a valid repository name").arg(path.left(140)));
    if (domain == QLatin1String("docker.io") && !path.contains(QLatin1Char('/')))
        path = QStringLiteral("library/") + path;
    if (domain.size() + 1 + path.size() > kMaxNameLength)
        return invalid(text, EngineText::tr("the repository name is longer than %1 characters").arg(kMaxNameLength));

    ref.m_domain = domain;
    ref.m_path = path;
    if (defaultTag && ref.m_tag.isEmpty() && !ref.m_digest)
        ref.m_tag = QStringLiteral("latest");
    return ref;
}

QString ImageReference::toString() const
{
    QString s = repository();
    if (!m_tag.isEmpty())
        s += QLatin1Char(':') + m_tag;
    if (m_digest)
        s += QLatin1Char('@') + m_digest->toString();
    return s;
}

QString ImageReference::familiarString() const
{
    QString name = repository();
    if (m_domain == QLatin1String("docker.io")) {
        name = m_path;
        if (name.startsWith(QLatin1String("library/")) && name.count(QLatin1Char('/')) == 1)
            name = name.mid(8);
    }
    if (!m_tag.isEmpty())
        name += QLatin1Char(':') + m_tag;
    if (m_digest)
        name += QLatin1Char('@') + m_digest->toString();
    return name;
}

ImageReference ImageReference::withTag(const QString &tag) const
{
    ImageReference r = *this;
    r.m_tag = tag;
    return r;
}

ImageReference ImageReference::withDigest(const Digest &digest) const
{
    ImageReference r = *this;
    r.m_digest = digest;
    return r;
}

ImageReference ImageReference::withoutDigest() const
{
    ImageReference r = *this;
    r.m_digest.reset();
    return r;
}

} // namespace stevedore
