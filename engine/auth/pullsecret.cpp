// Kubernetes pull secrets: rendered with yaml-cpp's emitter (or QJsonDocument), parsed with yaml-cpp (JSON is YAML;
// a document that is JSON goes through QJsonDocument first, which knows JSON's escapes exactly).
// yaml-cpp reports errors by exception: every call into it is inside a try block here and nothing leaves this file.
#include "pullsecret.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <exception>
#include <string>
#include <vector>

using namespace Qt::StringLiterals;

namespace stevedore {

namespace {

constexpr auto kDockerConfigJsonType = "kubernetes.io/dockerconfigjson"_L1;
constexpr auto kDockerCfgType = "kubernetes.io/dockercfg"_L1;
constexpr auto kDockerConfigJsonKey = ".dockerconfigjson"_L1;
constexpr auto kDockerCfgKey = ".dockercfg"_L1;

// Where in the file a problem is, for messages.
struct Place {
    QString file;
    int document = 0;   // 1-based
    int item = 0;       // 1-based within a List's items; 0: not in a List
    QString secretName; // metadata.name once known
    int line = 0;       // 1-based; 0: unknown (a JSON document has no positions)

    QString text() const
    {
        QString where = formatText(EngineText::tr("document %1"), document);
        if (item > 0)
            where = formatText(EngineText::tr("%1, item %2"), where, item);
        if (!secretName.isEmpty())
            where = formatText(EngineText::tr("%1, Secret \"%2\""), where, secretName.left(120));
        if (line > 0)
            where = formatText(EngineText::tr("%1, line %2"), where, line);
        return where;
    }
    Place at(const YAML::Node &node) const
    {
        Place p = *this;
        const int l = node.Mark().line;
        if (l >= 0)
            p.line = l + 1;
        return p;
    }
};

Error malformed(const Place &p, const QString &what)
{
    return Error(ErrorCode::MalformedContent, formatText(EngineText::tr("%1 (%2): %3"), p.file, p.text(), what));
}


QString fromStd(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

std::string toStd(const QString &s)
{
    return s.toStdString();
}

YAML::Node toYaml(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Object: {
        YAML::Node n(YAML::NodeType::Map);
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            n[toStd(it.key())] = toYaml(it.value());
        return n;
    }
    case QJsonValue::Array: {
        YAML::Node n(YAML::NodeType::Sequence);
        const QJsonArray a = v.toArray();
        for (const QJsonValue &e : a)
            n.push_back(toYaml(e));
        return n;
    }
    case QJsonValue::String:
        return YAML::Node(toStd(v.toString()));
    case QJsonValue::Double:
        return YAML::Node(toStd(QString::number(v.toDouble())));
    case QJsonValue::Bool:
        return YAML::Node(std::string(v.toBool() ? "true" : "false"));
    default:
        return YAML::Node(YAML::NodeType::Null);
    }
}

// yaml-cpp's message, without what some of them append from the input ("unknown escape character: X").
QString parserMessage(const std::string &msg)
{
    const QString m = fromStd(msg);
    const qsizetype colon = m.indexOf(": "_L1);
    return colon < 0 ? m : m.left(colon);
}

Result<std::vector<YAML::Node>> loadDocuments(const QByteArray &input, const QString &file)
{
    QByteArray text = input;
    if (text.startsWith("\xEF\xBB\xBF"))
        text.remove(0, 3);
    // JSON (what kubectl get -o json prints) through Qt's parser: exact escapes, and its errors name JSON's terms.
    const bool looksLikeJson = text.trimmed().startsWith('{');
    QJsonParseError pe{};
    if (looksLikeJson) {
        const QJsonDocument doc = QJsonDocument::fromJson(text, &pe);
        if (pe.error == QJsonParseError::NoError && doc.isObject())
            return std::vector<YAML::Node>{toYaml(doc.object())};
    }
    try {
        return YAML::LoadAll(std::string(text.constData(), size_t(text.size())));
    } catch (const YAML::DeepRecursion &e) {
        // yaml-cpp 0.7 gives this one neither a position nor a message of its own.
        return fail(ErrorCode::MalformedContent,
                    formatText(EngineText::tr("%1: not valid YAML: nested more than %2 levels deep"), file, e.depth() - 1));
    } catch (const YAML::Exception &e) {
        if (looksLikeJson)
            return fail(ErrorCode::MalformedContent, formatText(EngineText::tr("%1: not valid JSON at %2: %3"), file,
                                                                textPosition(text, pe.offset), pe.errorString()));
        return fail(ErrorCode::MalformedContent,
                    formatText(EngineText::tr("%1: not valid YAML at line %2, column %3: %4"), file, e.mark.line + 1,
                               e.mark.column + 1, parserMessage(e.msg)));
    }
}

// Every key of a mapping a string, none twice (Kubernetes refuses duplicated keys too).
Status checkMap(const YAML::Node &map, const Place &p, const QString &what)
{
    QSet<QString> seen;
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (!it->first.IsScalar())
            return fail(malformed(p.at(it->first), formatText(EngineText::tr("%1 has a key that is not a string"), what)));
        const QString k = fromStd(it->first.Scalar());
        if (seen.contains(k))
            return fail(malformed(p.at(it->first), formatText(EngineText::tr("%1 has the key \"%2\" twice"), what, k.left(120))));
        seen.insert(k);
    }
    return {};
}

// The value of `key` in a checked mapping; nullopt when absent.
std::optional<YAML::Node> member(const YAML::Node &map, QLatin1StringView key)
{
    for (auto it = map.begin(); it != map.end(); ++it)
        if (it->first.IsScalar() && fromStd(it->first.Scalar()) == key)
            return it->second;
    return std::nullopt;
}

// A string member: empty when absent or null; an error when it is a mapping or a list.
Result<QString> stringMember(const YAML::Node &map, QLatin1StringView key, const Place &p, const QString &what)
{
    const auto v = member(map, key);
    if (!v || v->IsNull())
        return QString();
    if (!v->IsScalar())
        return fail(malformed(p.at(*v), formatText(EngineText::tr("%1.%2 is not a string"), what, key)));
    return fromStd(v->Scalar());
}

// A mapping member that may be absent or null (then an empty mapping).
Result<std::optional<YAML::Node>> mapMember(const YAML::Node &map, QLatin1StringView key, const Place &p)
{
    const auto v = member(map, key);
    if (!v || v->IsNull())
        return std::optional<YAML::Node>();
    if (!v->IsMap())
        return fail(malformed(p.at(*v), formatText(EngineText::tr("%1 is not a mapping"), key)));
    if (auto ok = checkMap(*v, p, key); !ok)
        return fail(ok.error());
    return v;
}

Result<QByteArray> strictBase64(const QByteArray &in)
{
    QByteArray compact;
    compact.reserve(in.size());
    for (const char c : in)
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            compact.append(c);
    auto decoded = QByteArray::fromBase64Encoding(compact, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || compact.isEmpty())
        return fail(ErrorCode::MalformedContent, QString());
    return *decoded;
}

Result<Credentials> decodeEntry(const Place &p, const QString &key, const QJsonValue &value, const QString &dataKey)
{
    if (key.trimmed().isEmpty())
        return fail(malformed(p, formatText(EngineText::tr("%1 has an entry with an empty registry key"), dataKey)));
    if (!value.isObject())
        return fail(malformed(p, formatText(EngineText::tr("the entry for %1 in %2 is not an object"), key, dataKey)));
    const QJsonObject o = value.toObject();
    for (const auto field : {"auth"_L1, "username"_L1, "password"_L1, "identitytoken"_L1}) {
        const QJsonValue f = o.value(field);
        if (!f.isUndefined() && !f.isNull() && !f.isString())
            return fail(malformed(p, formatText(EngineText::tr("the \"%1\" of %2 in %3 is not a string"), field, key, dataKey)));
    }
    Credentials c;
    const QString auth = o.value("auth"_L1).toString().trimmed();
    if (!auth.isEmpty()) {
        auto decoded = strictBase64(auth.toLatin1());
        if (!decoded)
            return fail(malformed(p, formatText(EngineText::tr("the \"auth\" of %1 in %2 is not valid base64"), key, dataKey)));
        const QString text = QString::fromUtf8(*decoded);
        const qsizetype colon = text.indexOf(u':');
        if (colon < 0)
            return fail(malformed(p, formatText(EngineText::tr("the \"auth\" of %1 in %2 does not decode to user:password"),
                                                key, dataKey)));
        c.username = text.left(colon);
        c.password = text.mid(colon + 1);
    } else {
        c.username = o.value("username"_L1).toString();
        c.password = o.value("password"_L1).toString();
    }
    c.identityToken = o.value("identitytoken"_L1).toString();
    if (c.isEmpty())
        return fail(malformed(p, formatText(EngineText::tr("the entry for %1 in %2 holds no credentials"), key, dataKey)));
    return c;
}

Status parseSecret(const YAML::Node &obj, Place p, QList<PullSecret> &out)
{
    if (auto ok = checkMap(obj, p, EngineText::tr("the Secret")); !ok)
        return ok;
    auto apiVersion = stringMember(obj, "apiVersion"_L1, p, u"Secret"_s);
    if (!apiVersion)
        return fail(apiVersion.error());
    if (!apiVersion->isEmpty() && *apiVersion != "v1"_L1)
        return fail(malformed(p, formatText(EngineText::tr("apiVersion \"%1\" is not v1"), apiVersion->left(120))));
    PullSecret s;
    Place origin = p;
    origin.line = 0;
    s.origin = origin.text();
    auto metadata = mapMember(obj, "metadata"_L1, p);
    if (!metadata)
        return fail(metadata.error());
    if (*metadata) {
        auto name = stringMember(**metadata, "name"_L1, p, u"metadata"_s);
        if (!name)
            return fail(name.error());
        auto ns = stringMember(**metadata, "namespace"_L1, p, u"metadata"_s);
        if (!ns)
            return fail(ns.error());
        s.name = *name;
        s.namespace_ = *ns;
        p.secretName = *name;
    }
    auto type = stringMember(obj, "type"_L1, p, u"Secret"_s);
    if (!type)
        return fail(type.error());
    if (type->isEmpty())
        return fail(malformed(p, formatText(EngineText::tr("a Secret without a type (Opaque), not %1 or %2"),
                                            kDockerConfigJsonType, kDockerCfgType)));
    if (*type != kDockerConfigJsonType && *type != kDockerCfgType)
        return fail(malformed(p, formatText(EngineText::tr("a Secret of type %1, not %2 or %3"), type->left(120),
                                            kDockerConfigJsonType, kDockerCfgType)));
    s.type = *type;
    const bool legacy = *type == kDockerCfgType;
    const QLatin1StringView dataKey = legacy ? kDockerCfgKey : kDockerConfigJsonKey;

    auto data = mapMember(obj, "data"_L1, p);
    if (!data)
        return fail(data.error());
    auto stringData = mapMember(obj, "stringData"_L1, p);
    if (!stringData)
        return fail(stringData.error());
    QByteArray json;
    QString field; // "data[.dockerconfigjson]", for messages
    Place valuePlace = p;
    if (const auto v = *stringData ? member(**stringData, dataKey) : std::nullopt) {
        field = formatText(u"stringData[%1]"_s, dataKey);
        valuePlace = p.at(*v);
        if (!v->IsScalar())
            return fail(malformed(valuePlace, formatText(EngineText::tr("%1 is not a string"), field)));
        json = QByteArray::fromStdString(v->Scalar());
    } else if (const auto d = *data ? member(**data, dataKey) : std::nullopt) {
        field = formatText(u"data[%1]"_s, dataKey);
        valuePlace = p.at(*d);
        if (!d->IsScalar())
            return fail(malformed(valuePlace, formatText(EngineText::tr("%1 is not a string"), field)));
        auto decoded = strictBase64(QByteArray::fromStdString(d->Scalar()));
        if (!decoded)
            return fail(malformed(valuePlace, formatText(EngineText::tr("%1 is not valid base64"), field)));
        json = *decoded;
    } else {
        return fail(malformed(p, formatText(EngineText::tr("a %1 Secret without the key %2 in data or stringData"),
                                            *type, dataKey)));
    }
    if (json.trimmed().isEmpty())
        return fail(malformed(valuePlace, formatText(EngineText::tr("%1 is empty"), field)));
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError)
        return fail(malformed(valuePlace, formatText(EngineText::tr("%1 is not valid JSON (at %2 of the decoded value: %3)"),
                                                     field, textPosition(json, pe.offset), pe.errorString())));
    if (!doc.isObject())
        return fail(malformed(valuePlace, formatText(EngineText::tr("%1 is not a JSON object"), field)));
    QJsonObject auths = doc.object();
    if (!legacy) {
        const QJsonValue a = auths.value("auths"_L1);
        if (!a.isObject())
            return fail(malformed(valuePlace, formatText(EngineText::tr("%1 has no \"auths\" object"), field)));
        auths = a.toObject();
    }
    for (auto it = auths.begin(); it != auths.end(); ++it) {
        auto c = decodeEntry(valuePlace, it.key(), it.value(), field);
        if (!c)
            return fail(c.error());
        s.entries.append({it.key(), *c});
    }
    if (s.entries.isEmpty())
        return fail(malformed(valuePlace, formatText(EngineText::tr("%1 holds no registry credentials"), field)));
    out.append(std::move(s));
    return {};
}

Status parseDocument(const YAML::Node &doc, const Place &p, QList<PullSecret> &out)
{
    if (!doc.IsDefined() || doc.IsNull())
        return {}; // an empty document: "---" at the end, or a file of comments
    if (!doc.IsMap())
        return fail(malformed(p, EngineText::tr("not a Kubernetes object (a mapping with apiVersion and kind)")));
    if (auto ok = checkMap(doc, p, EngineText::tr("the document")); !ok)
        return ok;
    auto kind = stringMember(doc, "kind"_L1, p, u"document"_s);
    if (!kind)
        return fail(kind.error());
    if (*kind == "Secret"_L1)
        return parseSecret(doc, p, out);
    if (kind->endsWith("List"_L1)) {
        const auto items = member(doc, "items"_L1);
        if (!items || items->IsNull())
            return {};
        if (!items->IsSequence())
            return fail(malformed(p.at(*items), formatText(EngineText::tr("the items of the %1 are not a list"), *kind)));
        for (std::size_t i = 0; i < items->size(); ++i) {
            const YAML::Node item = (*items)[i];
            Place ip = p.at(item);
            ip.item = int(i) + 1;
            if (!item.IsMap())
                return fail(malformed(ip, EngineText::tr("not a Kubernetes object")));
            if (auto ok = checkMap(item, ip, EngineText::tr("the item")); !ok)
                return ok;
            auto itemKind = stringMember(item, "kind"_L1, ip, u"item"_s);
            if (!itemKind)
                return fail(itemKind.error());
            if (!itemKind->isEmpty() && *itemKind != "Secret"_L1)
                return fail(malformed(ip, formatText(EngineText::tr("a %1, not a Secret"), itemKind->left(120))));
            if (itemKind->isEmpty() && *kind != "SecretList"_L1)
                return fail(malformed(ip, EngineText::tr("an object without a kind, not a Secret")));
            if (auto ok = parseSecret(item, ip, out); !ok)
                return ok;
        }
        return {};
    }
    if (kind->isEmpty())
        return fail(malformed(p, EngineText::tr("an object without a kind (expected Secret or List)")));
    return fail(malformed(p, formatText(EngineText::tr("a %1, not a Secret"), kind->left(120))));
}

// Plain YAML that every reader (YAML 1.1 included: yes/no/on/off) takes for a string; anything else is quoted.
bool plainIsString(const QString &s)
{
    static const QRegularExpression re(u"^[a-z][a-z0-9.-]*$"_s);
    static const QStringList special{u"y"_s, u"n"_s, u"yes"_s, u"no"_s, u"on"_s, u"off"_s,
                                     u"true"_s, u"false"_s, u"null"_s};
    return re.match(s).hasMatch() && !special.contains(s);
}

} // namespace

Status checkPullSecretName(const QString &name, const QString &ns)
{
    // Kubernetes' rules: a Secret's name is a DNS subdomain (RFC 1123), a namespace a DNS label.
    static const QRegularExpression subdomain(u"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"_s);
    static const QRegularExpression label(u"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"_s);
    if (name.isEmpty() || name.size() > 253 || !subdomain.match(name).hasMatch())
        return fail(ErrorCode::InvalidArgument,
                    EngineText::tr("\"%1\" is not a valid Secret name (lower-case letters, digits, '-' and '.', "
                                   "starting and ending with a letter or digit, at most 253 characters)")
                        .arg(name.left(300)));
    if (!ns.isEmpty() && (ns.size() > 63 || !label.match(ns).hasMatch()))
        return fail(ErrorCode::InvalidArgument,
                    EngineText::tr("\"%1\" is not a valid namespace (lower-case letters, digits and '-', starting "
                                   "and ending with a letter or digit, at most 63 characters)")
                        .arg(ns.left(300)));
    return {};
}

QByteArray renderDockerConfigJson(const QList<AuthFileEntry> &entries)
{
    QJsonObject auths;
    for (const AuthFileEntry &e : entries) {
        const Credentials &c = e.credentials;
        QJsonObject o;
        // As kubectl create secret docker-registry: username, password and their "auth".
        if (!c.username.isEmpty() || !c.password.isEmpty()) {
            o.insert(u"username"_s, c.username);
            o.insert(u"password"_s, c.password);
            o.insert(u"auth"_s, QString::fromLatin1((c.username + u':' + c.password).toUtf8().toBase64()));
        }
        if (!c.identityToken.isEmpty()) {
            if (!o.contains("auth"_L1))
                o.insert(u"auth"_s, QString::fromLatin1((c.username + u':').toUtf8().toBase64()));
            o.insert(u"identitytoken"_s, c.identityToken);
        }
        auths.insert(e.key, o);
    }
    return QJsonDocument(QJsonObject{{u"auths"_s, auths}}).toJson(QJsonDocument::Compact);
}

Result<QByteArray> renderPullSecret(const QString &name, const QString &ns, const QList<AuthFileEntry> &entries,
                                    PullSecretFormat format)
{
    if (auto ok = checkPullSecretName(name, ns); !ok)
        return fail(ok.error());
    if (entries.isEmpty())
        return fail(ErrorCode::InvalidArgument, EngineText::tr("a pull secret needs at least one credential"));
    for (const AuthFileEntry &e : entries) {
        if (e.key.trimmed().isEmpty())
            return fail(ErrorCode::InvalidArgument, EngineText::tr("a credential has an empty registry key"));
        if (e.credentials.isEmpty())
            return fail(ErrorCode::InvalidArgument,
                        EngineText::tr("the entry for %1 holds no credentials (a credential helper's marker?)").arg(e.key));
    }
    const QByteArray data = renderDockerConfigJson(entries).toBase64();

    if (format == PullSecretFormat::Json) {
        QJsonObject metadata{{u"name"_s, name}};
        if (!ns.isEmpty())
            metadata.insert(u"namespace"_s, ns);
        const QJsonObject secret{{u"apiVersion"_s, u"v1"_s},
                                 {u"kind"_s, u"Secret"_s},
                                 {u"metadata"_s, metadata},
                                 {u"type"_s, kDockerConfigJsonType},
                                 {u"data"_s, QJsonObject{{kDockerConfigJsonKey, QString::fromLatin1(data)}}}};
        return QJsonDocument(secret).toJson(QJsonDocument::Indented);
    }

    try {
        YAML::Emitter e;
        auto scalar = [&e](const QString &s) {
            if (!plainIsString(s))
                e << YAML::DoubleQuoted;
            e << toStd(s);
        };
        e << YAML::BeginMap;
        e << YAML::Key << "apiVersion" << YAML::Value << "v1";
        e << YAML::Key << "kind" << YAML::Value << "Secret";
        e << YAML::Key << "metadata" << YAML::Value << YAML::BeginMap;
        e << YAML::Key << "name" << YAML::Value;
        scalar(name);
        if (!ns.isEmpty()) {
            e << YAML::Key << "namespace" << YAML::Value;
            scalar(ns);
        }
        e << YAML::EndMap;
        e << YAML::Key << "type" << YAML::Value << toStd(kDockerConfigJsonType);
        e << YAML::Key << "data" << YAML::Value << YAML::BeginMap;
        e << YAML::Key << toStd(kDockerConfigJsonKey) << YAML::Value << data.toStdString();
        e << YAML::EndMap;
        e << YAML::EndMap;
        if (!e.good())
            return fail(ErrorCode::Internal, EngineText::tr("cannot write the Secret as YAML: %1").arg(fromStd(e.GetLastError())));
        QByteArray out(e.c_str(), qsizetype(e.size()));
        out.append('\n');
        return out;
    } catch (const std::exception &) {
        return fail(ErrorCode::Internal, EngineText::tr("cannot write the Secret as YAML"));
    }
}

Result<QList<PullSecret>> parsePullSecrets(const QByteArray &text, const QString &fileNameForMessages)
{
    try {
        auto docs = loadDocuments(text, fileNameForMessages);
        if (!docs)
            return fail(docs.error());
        QList<PullSecret> out;
        for (std::size_t i = 0; i < docs->size(); ++i) {
            Place p;
            p.file = fileNameForMessages;
            p.document = int(i) + 1;
            p = p.at((*docs)[i]);
            if (auto ok = parseDocument((*docs)[i], p, out); !ok)
                return fail(ok.error());
        }
        if (out.isEmpty())
            return fail(ErrorCode::MalformedContent,
                        EngineText::tr("%1: no Secret of type %2 or %3 in it").arg(fileNameForMessages, kDockerConfigJsonType, kDockerCfgType));
        return out;
    } catch (const YAML::Exception &e) {
        // Not expected (every lookup above checks first); never e.what(): it may quote a key.
        return fail(ErrorCode::MalformedContent, formatText(EngineText::tr("%1: cannot read it as YAML (line %2, column %3)"),
                                                            fileNameForMessages, e.mark.line + 1, e.mark.column + 1));
    } catch (const std::exception &) {
        return fail(ErrorCode::MalformedContent, EngineText::tr("%1: cannot read it as YAML").arg(fileNameForMessages));
    }
}

} // namespace stevedore
