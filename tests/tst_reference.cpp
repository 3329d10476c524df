// References: the docker grammar with normalisation, and transport:details for the nine transports.
#include "reference/digest.h"
#include "reference/imagereference.h"
#include "transport/transportreference.h"
#include "transport/transports.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace stevedore;

class TestReference : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void normalisation_data();
    void normalisation();
    void invalid_data();
    void invalid();
    void tagAndDigest();
    void digests();
    void transports_data();
    void transports();
    void unsupportedTransports_data();
    void unsupportedTransports();
    void invalidTransportReferences_data();
    void invalidTransportReferences();
};

void TestReference::normalisation_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("full");
    QTest::newRow("bare") << u"busybox"_s << u"docker.io"_s << u"library/busybox"_s << u"latest"_s
                          << u"docker.io/library/busybox:latest"_s;
    QTest::newRow("tag") << u"busybox:1.36"_s << u"docker.io"_s << u"library/busybox"_s << u"1.36"_s
                         << u"docker.io/library/busybox:1.36"_s;
    QTest::newRow("namespace") << u"team/app:v1"_s << u"docker.io"_s << u"team/app"_s << u"v1"_s
                               << u"docker.io/team/app:v1"_s;
    QTest::newRow("dot host") << u"quay.io/team/app"_s << u"quay.io"_s << u"team/app"_s << u"latest"_s
                              << u"quay.io/team/app:latest"_s;
    QTest::newRow("port host") << u"myhost:5000/app:v2"_s << u"myhost:5000"_s << u"app"_s << u"v2"_s
                               << u"myhost:5000/app:v2"_s;
    QTest::newRow("localhost") << u"localhost/app"_s << u"localhost"_s << u"app"_s << u"latest"_s
                               << u"localhost/app:latest"_s;
    QTest::newRow("no host detection") << u"myhost/app"_s << u"docker.io"_s << u"myhost/app"_s << u"latest"_s
                                       << u"docker.io/myhost/app:latest"_s;
    QTest::newRow("index.docker.io") << u"index.docker.io/library/busybox"_s << u"docker.io"_s << u"library/busybox"_s
                                     << u"latest"_s << u"docker.io/library/busybox:latest"_s;
}

void TestReference::normalisation()
{
    QFETCH(QString, input);
    QFETCH(QString, domain);
    QFETCH(QString, path);
    QFETCH(QString, tag);
    QFETCH(QString, full);
    auto r = ImageReference::parse(input);
    QVERIFY2(r.has_value(), r ? "" : qPrintable(r.error().message));
    QCOMPARE(r->domain(), domain);
    QCOMPARE(r->path(), path);
    QCOMPARE(r->tag(), tag);
    QCOMPARE(r->toString(), full);
    // Parsing the canonical form again gives the same reference.
    auto again = ImageReference::parse(r->toString());
    QVERIFY(again.has_value());
    QCOMPARE(*again, *r);
}

void TestReference::invalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("empty") << QString();
    QTest::newRow("uppercase repo") << u"Busybox"_s;
    QTest::newRow("uppercase path") << u"docker.io/Team/app"_s;
    QTest::newRow("bad digest") << u"busybox@sha256:abc"_s;
    QTest::newRow("unknown algorithm") << u"busybox@md5:d41d8cd98f00b204e9800998ecf8427e"_s;
    QTest::newRow("uppercase digest") << (u"busybox@sha256:"_s + QString(64, u'A'));
    QTest::newRow("too long tag") << (u"busybox:"_s + QString(129, u'a'));
    QTest::newRow("tag starting with dot") << u"busybox:.v1"_s;
    QTest::newRow("double slash") << u"team//app"_s;
    QTest::newRow("trailing colon") << u"busybox:"_s;
    QTest::newRow("space") << u"busy box"_s;
}

void TestReference::invalid()
{
    QFETCH(QString, input);
    auto r = ImageReference::parse(input);
    QVERIFY2(!r.has_value(), qPrintable(input));
    QCOMPARE(r.error().code, ErrorCode::InvalidReference);
    QVERIFY(!r.error().message.isEmpty());
    // A bare name is a local store reference: the same refusal through TransportReference.
    auto t = TransportReference::parse(input);
    QVERIFY(!t.has_value());
}

void TestReference::tagAndDigest()
{
    const QString hex = QString(64, u'a');
    auto r = ImageReference::parse(u"localhost:5000/team/app:v1@sha256:"_s + hex);
    QVERIFY(r.has_value());
    QCOMPARE(r->domain(), u"localhost:5000"_s);
    QCOMPARE(r->path(), u"team/app"_s);
    QCOMPARE(r->tag(), u"v1"_s);
    QVERIFY(r->hasDigest());
    QCOMPARE(r->digest()->toString(), u"sha256:"_s + hex);
    // The digest wins for the manifest reference.
    QCOMPARE(r->manifestReference(), u"sha256:"_s + hex);

    auto d = ImageReference::parse(u"busybox@sha256:"_s + hex);
    QVERIFY(d.has_value());
    QVERIFY(!d->hasTag()); // a digest alone gets no default tag
    QCOMPARE(d->toString(), u"docker.io/library/busybox@sha256:"_s + hex);
}

void TestReference::digests()
{
    QVERIFY(Digest::parse(u"sha256:"_s + QString(64, u'0')).has_value());
    QVERIFY(Digest::parse(u"sha512:"_s + QString(128, u'f')).has_value());
    QVERIFY(!Digest::parse(u"sha256:"_s + QString(63, u'0')).has_value());
    QVERIFY(!Digest::parse(u"sha256:../../etc/passwd"_s).has_value());
    QVERIFY(!Digest::parse(u"sha256:"_s + QString(62, u'0') + u"/x"_s).has_value());
    QVERIFY(!Digest::parse(QString()).has_value());
    QCOMPARE(Digest::sha256Of(QByteArray()).toString(),
             u"sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_s);
}

void TestReference::transports_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("pathRef");
    QTest::addColumn<QString>("image");
    using K = TransportReference::Kind;
    QTest::newRow("docker") << u"docker://quay.io/team/app:v1"_s << int(K::Docker) << QString() << QString()
                            << u"quay.io/team/app:v1"_s;
    QTest::newRow("docker short") << u"docker://busybox"_s << int(K::Docker) << QString() << QString()
                                  << u"docker.io/library/busybox:latest"_s;
    QTest::newRow("dir") << u"dir:/tmp/x"_s << int(K::Dir) << u"/tmp/x"_s << QString() << QString();
    QTest::newRow("oci") << u"oci:/tmp/l:v1"_s << int(K::Oci) << u"/tmp/l"_s << u"v1"_s << QString();
    QTest::newRow("oci no ref") << u"oci:./l"_s << int(K::Oci) << u"./l"_s << QString() << QString();
    QTest::newRow("oci-archive") << u"oci-archive:/tmp/a.tar:v2"_s << int(K::OciArchive) << u"/tmp/a.tar"_s
                                 << u"v2"_s << QString();
    QTest::newRow("docker-archive") << u"docker-archive:/tmp/a.tar:busybox:latest"_s << int(K::DockerArchive)
                                    << u"/tmp/a.tar"_s << u"busybox:latest"_s << u"docker.io/library/busybox:latest"_s;
    QTest::newRow("docker-daemon") << u"docker-daemon:busybox:latest"_s << int(K::DockerDaemon) << QString()
                                   << QString() << u"docker.io/library/busybox:latest"_s;
    QTest::newRow("containers-storage") << u"containers-storage:quay.io/a/b:c"_s << int(K::ContainersStorage)
                                        << QString() << QString() << u"quay.io/a/b:c"_s;
    QTest::newRow("ostree") << u"ostree:app:v1@/srv/repo"_s << int(K::Ostree) << u"/srv/repo"_s << QString()
                            << u"docker.io/library/app:v1"_s;
    QTest::newRow("sif") << u"sif:/tmp/x.sif"_s << int(K::Sif) << u"/tmp/x.sif"_s << QString() << QString();
    QTest::newRow("local store") << u"myapp:v1"_s << int(K::LocalStore) << QString() << QString()
                                 << u"docker.io/library/myapp:v1"_s;
    QTest::newRow("local store with host") << u"localhost:5000/app"_s << int(K::LocalStore) << QString() << QString()
                                           << u"localhost:5000/app:latest"_s;
}

void TestReference::transports()
{
    QFETCH(QString, input);
    QFETCH(int, kind);
    QFETCH(QString, path);
    QFETCH(QString, pathRef);
    QFETCH(QString, image);
    auto r = TransportReference::parse(input);
    QVERIFY2(r.has_value(), r ? "" : qPrintable(r.error().message));
    QCOMPARE(int(r->kind), kind);
    QCOMPARE(r->path, path);
    QCOMPARE(r->pathRef, pathRef);
    QCOMPARE(r->image ? r->image->toString() : QString(), image);
    QCOMPARE(TransportReference::transportNames().size(), 9);
}

void TestReference::unsupportedTransports_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("name");
    QTest::newRow("docker-daemon") << u"docker-daemon:busybox:latest"_s << u"docker-daemon"_s;
    QTest::newRow("containers-storage") << u"containers-storage:busybox"_s << u"containers-storage"_s;
    QTest::newRow("ostree") << u"ostree:app:v1"_s << u"ostree"_s;
    QTest::newRow("sif") << u"sif:/tmp/x.sif"_s << u"sif"_s;
}

void TestReference::unsupportedTransports()
{
    QFETCH(QString, input);
    QFETCH(QString, name);
    auto r = TransportReference::parse(input);
    QVERIFY(r.has_value());
    SystemContext ctx;
    auto src = openImageSource(*r, ctx);
    QVERIFY(!src.has_value());
    QCOMPARE(src.error().code, ErrorCode::NotSupportedYet);
    QCOMPARE(src.error().message, u"transport %1 is not supported yet"_s.arg(name));
    auto dst = openImageDestination(*r, ctx);
    QVERIFY(!dst.has_value());
    QCOMPARE(dst.error().code, ErrorCode::NotSupportedYet);
}

void TestReference::invalidTransportReferences_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("empty") << QString();
    QTest::newRow("nothing after oci:") << u"oci:"_s;
    QTest::newRow("oci empty path") << u"oci::v1"_s;
    QTest::newRow("docker without //") << u"docker:busybox"_s;
    QTest::newRow("docker bad name") << u"docker://Busybox"_s;
    QTest::newRow("docker bad digest") << u"docker://busybox@sha256:1234"_s;
    QTest::newRow("unknown transport") << u"foo:/tmp/x"_s;
    QTest::newRow("oci bad ref") << u"oci:/tmp/l:bad ref"_s;
}

void TestReference::invalidTransportReferences()
{
    QFETCH(QString, input);
    auto r = TransportReference::parse(input);
    QVERIFY2(!r.has_value(), qPrintable(input));
    QVERIFY(r.error().code == ErrorCode::InvalidReference || r.error().code == ErrorCode::InvalidDigest);
    QVERIFY(!r.error().message.isEmpty());
}

QTEST_GUILESS_MAIN(TestReference)
#include "tst_reference.moc"
