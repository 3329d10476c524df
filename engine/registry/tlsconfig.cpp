#include "tlsconfig.h"

#include "core/logging.h"

#include <QDir>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

using namespace Qt::StringLiterals;

namespace stevedore {

QStringList perHostCertDirs(const QString &host)
{
    // The user's own folder first (what podman and skopeo read for a user), then the system's.
    return {QDir::homePath() + u"/.config/containers/certs.d/"_s + host, u"/etc/containers/certs.d/"_s + host,
            u"/etc/docker/certs.d/"_s + host};
}

RegistryTls makeRegistryTls(const QString &host, const QString &certDir, bool insecure)
{
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    if (insecure)
        ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
    QString setupError;
    QStringList used; // the folders read: a CA added to one later makes another profile (and connection pool)
    const QStringList dirs = !certDir.isEmpty() ? QStringList{certDir} : perHostCertDirs(host);
    for (const QString &dirPath : dirs) {
        QDir dir(dirPath);
        if (!dir.exists()) {
            if (!certDir.isEmpty())
                setupError = EngineText::tr("certificate directory %1 does not exist").arg(dirPath);
            continue;
        }
        used.append(dirPath);
        const QStringList files = dir.entryList(QDir::Files, QDir::Name);
        for (const QString &f : files) {
            const QString path = dir.filePath(f);
            if (f.endsWith(".crt"_L1)) {
                const QList<QSslCertificate> cas = QSslCertificate::fromPath(path, QSsl::Pem);
                if (cas.isEmpty()) {
                    setupError = EngineText::tr("%1 holds no PEM certificate").arg(path);
                    continue;
                }
                ssl.addCaCertificates(cas);
                qCDebug(lcRegistry) << "CA certificates from" << path;
            } else if (f.endsWith(".cert"_L1)) {
                const QString keyPath = path.chopped(5) + u".key"_s;
                const QList<QSslCertificate> certs = QSslCertificate::fromPath(path, QSsl::Pem);
                QFile keyFile(keyPath);
                if (certs.isEmpty()) {
                    setupError = EngineText::tr("%1 holds no PEM certificate").arg(path);
                    continue;
                }
                if (keyFile.size() > 1024 * 1024 || !keyFile.open(QIODevice::ReadOnly)) {
                    setupError = EngineText::tr("client certificate %1 has no readable key %2").arg(path, keyPath);
                    continue;
                }
                const QByteArray pem = keyFile.readAll();
                QSslKey key;
                for (auto algo : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
                    key = QSslKey(pem, algo, QSsl::Pem);
                    if (!key.isNull())
                        break;
                }
                if (key.isNull()) {
                    setupError = EngineText::tr("cannot read the private key %1").arg(keyPath);
                    continue;
                }
                ssl.setLocalCertificate(certs.constFirst());
                ssl.setPrivateKey(key);
            } else if (f.endsWith(".key"_L1)) {
                if (!QFile::exists(path.chopped(4) + u".cert"_s))
                    setupError = EngineText::tr("key %1 has no matching client certificate %2")
                                     .arg(path, path.chopped(4) + u".cert"_s);
            }
        }
    }
    auto profile = std::make_shared<TlsProfile>();
    profile->key = (insecure ? u"insecure|"_s : u"verify|"_s) + host + u'|' + certDir + u'|' + used.join(u'|');
    profile->config = ssl;
    profile->verify = !insecure;
    return RegistryTls{std::move(profile), setupError};
}

} // namespace stevedore
