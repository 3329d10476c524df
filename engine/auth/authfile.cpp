// AuthFile: one containers-auth.json / docker config.json document, read strictly and written back atomically.
#include "authfile.h"

#include "core/atomicfile.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace stevedore {

namespace {

constexpr qint64 kMaxAuthFileSize = 16 * 1024 * 1024;

Error invalidFile(const QString &path, const QString &what)
{
    return Error(ErrorCode::AuthFileInvalid, EngineText::tr("invalid auth file %1: %2").arg(path, what));
}


// Decodes an "auth" value (base64 of user:password) without ever echoing it.
Result<Credentials> decodeAuth(const QString &path, const QString &key, const QString &auth)
{
    auto decoded = QByteArray::fromBase64Encoding(auth.trimmed().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || auth.trimmed().isEmpty())
        return fail(invalidFile(path, EngineText::tr("the \"auth\" value of key %1 is not valid base64").arg(key)));
    const QString text = QString::fromUtf8(*decoded);
    const qsizetype colon = text.indexOf(u':');
    if (colon < 0)
        return fail(invalidFile(path, EngineText::tr("the \"auth\" value of key %1 does not decode to user:password").arg(key)));
    Credentials c;
    c.username = text.left(colon);
    c.password = text.mid(colon + 1);
    return c;
}

Result<Credentials> decodeEntry(const QString &path, const QString &key, const QJsonValue &value)
{
    if (!value.isObject())
        return fail(invalidFile(path, EngineText::tr("the entry for key %1 is not an object").arg(key)));
    const QJsonObject o = value.toObject();
    Credentials c;
    const QString auth = o.value("auth"_L1).toString();
    if (!auth.isEmpty()) {
        auto decoded = decodeAuth(path, key, auth);
        if (!decoded)
            return fail(decoded.error());
        c = *decoded;
    } else {
        c.username = o.value("username"_L1).toString();
        c.password = o.value("password"_L1).toString();
    }
    c.identityToken = o.value("identitytoken"_L1).toString();
    return c;
}

} // namespace

QString textPosition(const QByteArray &data, qsizetype offset)
{
    offset = qBound<qsizetype>(0, offset, data.size());
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (data[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    return formatText(EngineText::tr("line %1, column %2"), line, qint64(offset - lineStart + 1));
}

QString normaliseRegistryHost(const QString &host)
{
    const QString h = host.toLower();
    if (h == "index.docker.io"_L1 || h == "registry-1.docker.io"_L1 || h == "docker.io"_L1)
        return u"docker.io"_s;
    return h;
}

QString normaliseAuthKey(const QString &key)
{
    QString k = key.trimmed();
    for (const auto prefix : {"https://"_L1, "http://"_L1}) {
        if (k.startsWith(prefix, Qt::CaseInsensitive)) {
            k = k.mid(prefix.size());
            break;
        }
    }
    while (k.endsWith(u'/'))
        k.chop(1);
    // A trailing API version ("host/v1", "host/v2") is the legacy way of naming the registry itself.
    for (const auto version : {"/v1"_L1, "/v2"_L1}) {
        if (k.endsWith(version, Qt::CaseInsensitive)) {
            k.chop(version.size());
            break;
        }
    }
    while (k.endsWith(u'/'))
        k.chop(1);
    const qsizetype slash = k.indexOf(u'/');
    const QString host = slash < 0 ? k : k.left(slash);
    const QString rest = slash < 0 ? QString() : k.mid(slash);
    return normaliseRegistryHost(host) + rest;
}

QStringList candidateAuthKeys(const QString &host, const QString &repository)
{
    const QString h = normaliseRegistryHost(host);
    QStringList keys;
    QStringList parts = repository.split(u'/', Qt::SkipEmptyParts);
    while (!parts.isEmpty()) {
        keys << h + u'/' + parts.join(u'/');
        parts.removeLast();
    }
    keys << h;
    return keys;
}

Result<AuthFile> AuthFile::load(const QString &path, bool legacy)
{
    AuthFile f;
    f.m_path = path;
    f.m_legacy = legacy;
    const QFileInfo info(path);
    if (!info.exists() && !info.isSymLink())
        return f;
    auto data = readFileLimited(path, kMaxAuthFileSize);
    if (!data)
        return fail(invalidFile(path, data.error().message));
    f.m_exists = true;
    if (data->trimmed().isEmpty())
        return f;
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(*data, &pe);
    if (pe.error != QJsonParseError::NoError)
        return fail(invalidFile(path, EngineText::tr("not valid JSON at %1: %2").arg(textPosition(*data, pe.offset), pe.errorString())));
    if (!doc.isObject())
        return fail(invalidFile(path, EngineText::tr("the top level is not a JSON object")));
    QJsonObject root = doc.object();
    if (legacy)
        root = QJsonObject{{u"auths"_s, root}};
    const QJsonValue auths = root.value("auths"_L1);
    if (!auths.isUndefined() && !auths.isNull() && !auths.isObject())
        return fail(invalidFile(path, EngineText::tr("\"auths\" is not an object")));
    const QJsonObject a = auths.toObject();
    for (auto it = a.begin(); it != a.end(); ++it) {
        // Every entry is decoded once here, so a broken entry is reported whatever image is looked up.
        if (auto c = decodeEntry(path, it.key(), it.value()); !c)
            return fail(c.error());
    }
    const QJsonValue helpers = root.value("credHelpers"_L1);
    if (!helpers.isUndefined() && !helpers.isNull() && !helpers.isObject())
        return fail(invalidFile(path, EngineText::tr("\"credHelpers\" is not an object")));
    const QJsonValue store = root.value("credsStore"_L1);
    if (!store.isUndefined() && !store.isNull() && !store.isString())
        return fail(invalidFile(path, EngineText::tr("\"credsStore\" is not a string")));
    f.m_root = root;
    return f;
}

QList<AuthFileEntry> AuthFile::entries() const
{
    QList<AuthFileEntry> out;
    const QJsonObject a = m_root.value("auths"_L1).toObject();
    for (auto it = a.begin(); it != a.end(); ++it) {
        auto c = decodeEntry(m_path, it.key(), it.value()); // validated by load()
        out.append({it.key(), c ? *c : Credentials()});
    }
    return out;
}

std::optional<AuthFileEntry> AuthFile::entry(const QString &key) const
{
    const QString wanted = normaliseAuthKey(key);
    std::optional<AuthFileEntry> marker;
    for (const AuthFileEntry &e : entries()) {
        if (normaliseAuthKey(e.key) != wanted)
            continue;
        if (!e.credentials.isEmpty())
            return e;
        if (!marker)
            marker = e;
    }
    return marker;
}

QString AuthFile::credsStore() const
{
    return m_root.value("credsStore"_L1).toString();
}

QList<std::pair<QString, QString>> AuthFile::credHelpers() const
{
    QList<std::pair<QString, QString>> out;
    const QJsonObject h = m_root.value("credHelpers"_L1).toObject();
    for (auto it = h.begin(); it != h.end(); ++it)
        if (it.value().isString() && !it.value().toString().isEmpty())
            out.append({it.key(), it.value().toString()});
    return out;
}

QString AuthFile::helperFor(const QString &host) const
{
    const QString h = normaliseRegistryHost(host);
    for (const auto &[key, helper] : credHelpers())
        if (normaliseAuthKey(key) == h)
            return helper;
    return credsStore();
}

void AuthFile::setEntry(const QString &key, const Credentials &credentials)
{
    QJsonObject auths = m_root.value("auths"_L1).toObject();
    const QString wanted = normaliseAuthKey(key);
    QJsonObject entry;
    for (auto it = auths.begin(); it != auths.end();) {
        if (normaliseAuthKey(it.key()) == wanted) {
            if (entry.isEmpty() && it.value().isObject())
                entry = it.value().toObject(); // keeps fields we do not own ("email", ...)
            it = auths.erase(it);
        } else {
            ++it;
        }
    }
    for (const auto field : {"auth"_L1, "username"_L1, "password"_L1, "identitytoken"_L1, "registrytoken"_L1})
        entry.remove(field);
    if (!credentials.username.isEmpty() || !credentials.password.isEmpty())
        entry.insert(u"auth"_s, QString::fromLatin1((credentials.username + u':' + credentials.password).toUtf8().toBase64()));
    if (!credentials.identityToken.isEmpty()) {
        if (!entry.contains("auth"_L1))
            entry.insert(u"auth"_s, QString::fromLatin1((credentials.username + u':').toUtf8().toBase64()));
        entry.insert(u"identitytoken"_s, credentials.identityToken);
    }
    auths.insert(key, entry);
    m_root.insert(u"auths"_s, auths);
}

void AuthFile::setMarker(const QString &key)
{
    setEntry(key, Credentials());
}

bool AuthFile::removeEntry(const QString &key)
{
    QJsonObject auths = m_root.value("auths"_L1).toObject();
    const QString wanted = normaliseAuthKey(key);
    bool removed = false;
    for (auto it = auths.begin(); it != auths.end();) {
        if (normaliseAuthKey(it.key()) == wanted) {
            it = auths.erase(it);
            removed = true;
        } else {
            ++it;
        }
    }
    if (removed)
        m_root.insert(u"auths"_s, auths);
    return removed;
}

QStringList AuthFile::removeAll()
{
    const QStringList keys = m_root.value("auths"_L1).toObject().keys();
    if (!keys.isEmpty())
        m_root.insert(u"auths"_s, QJsonObject());
    return keys;
}

Status AuthFile::save() const
{
    if (m_legacy)
        return fail(ErrorCode::InvalidArgument,
                    EngineText::tr("%1 is a legacy .dockercfg file: Stevedore reads it but never writes it").arg(m_path));
    // The folder is made private when it is created (podman's runtime folder, ~/.docker): 0700.
    const QString folder = QFileInfo(QFileInfo(m_path).isSymLink() ? QFileInfo(m_path).symLinkTarget() : m_path).absolutePath();
    if (!QFileInfo::exists(folder)) {
        if (!QDir().mkpath(folder))
            return fail(ErrorCode::IoError, EngineText::tr("cannot create the folder %1").arg(folder));
        if (::chmod(QFile::encodeName(folder).constData(), 0700) != 0)
            return fail(ErrorCode::IoError, EngineText::tr("cannot make the folder %1 private: %2")
                                                .arg(folder, QString::fromLocal8Bit(std::strerror(errno))));
    }
    QJsonObject root = m_root;
    if (!root.contains("auths"_L1))
        root.insert(u"auths"_s, QJsonObject());
    QByteArray data = QJsonDocument(root).toJson(QJsonDocument::Indented);
    return writeFileAtomically(m_path, data, mode_t(0600));
}

} // namespace stevedore
