#pragma once
// Kubernetes image pull secrets: a Secret of type kubernetes.io/dockerconfigjson (or the legacy
// kubernetes.io/dockercfg) holds an auth file's "auths" in its data. render* writes one, parse* reads them back.

#include "auth/authfile.h"
#include "core/error.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace stevedore {

enum class PullSecretFormat { Yaml, Json };

struct PullSecret {
    QString name;                 // metadata.name (may be empty in a hand-written file)
    QString namespace_;           // metadata.namespace, empty when not given
    QString type;                 // "kubernetes.io/dockerconfigjson" or "kubernetes.io/dockercfg"
    QString origin;               // where in the file, for messages: "document 2, item 1"
    QList<AuthFileEntry> entries; // in the order of the Secret's auths object; never empty, never a marker
};

// InvalidArgument unless `name` is a DNS subdomain and `ns` (when not empty) a DNS label, as Kubernetes requires.
Status checkPullSecretName(const QString &name, const QString &ns);

// A Secret `name` (a DNS subdomain; `ns`, when not empty, a DNS label) whose data[.dockerconfigjson] is the base64
// of {"auths":{KEY:{"username","password","auth","identitytoken"}}}, as kubectl create secret docker-registry
// writes it. Every entry must hold credentials (a marker is refused: resolve it first). InvalidArgument for a bad
// name, namespace, key or an empty list. Messages name keys, never secrets.
Result<QByteArray> renderPullSecret(const QString &name, const QString &ns, const QList<AuthFileEntry> &entries,
                                    PullSecretFormat format);

// The JSON of a dockerconfigjson: {"auths":{...}} (compact).
QByteArray renderDockerConfigJson(const QList<AuthFileEntry> &entries);

// Every pull secret in `text`: YAML or JSON, one or several documents ("---"), each a Secret or a List (any
// kind ending in "List") of Secrets; data (base64) or stringData (plain; wins over data, as in Kubernetes).
// Strict: a document that is not a Secret, a Secret of another type, a missing data key, bad base64, a
// dockerconfigjson that is not a JSON object or an entry without credentials are MalformedContent errors naming
// `fileNameForMessages`, the document (and item) and the line where known; syntax errors give line and column.
// No message ever holds a value from the data (only key names, Secret names and positions).
Result<QList<PullSecret>> parsePullSecrets(const QByteArray &text, const QString &fileNameForMessages);

} // namespace stevedore
