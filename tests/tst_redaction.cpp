// Unit tests of what everything else relies on: the secret registry's matching rules, the sanitiser for text from a
// server, the URL policy's decisions, and one-pass message formatting.
#include "core/error.h"
#include "core/secrets.h"
#include "net/urlpolicy.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace stevedore;

class TestRedaction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { secrets::clearForTests(); }

    void longSecretsAreReplacedEverywhere()
    {
        secrets::add(u"Sup3r-S3cret-Pw"_s);
        QCOMPARE(secrets::scrub(u"error: Sup3r-S3cret-Pw was wrong (xSup3r-S3cret-Pwx)"_s),
                 u"error: *** was wrong (x***x)"_s);
    }

    void shortSecretsOnlyAsWholeWords()
    {
        secrets::add(u"test"_s);
        QCOMPARE(secrets::scrub(u"the latest test, tested"_s), u"the latest ***, tested"_s);
        // Shorter than 4 characters: never searched for in free text, so a one-letter password mangles nothing.
        secrets::add(u"a"_s);
        QCOMPARE(secrets::scrub(u"a manifest of a layer"_s), u"a manifest of a layer"_s);
    }

    void credentialsRegisterTheirBasicForm()
    {
        secrets::addCredentials(u"alice"_s, u"pw"_s); // the password itself is short, its Basic blob is not
        const QString basic = QString::fromLatin1(QByteArray("alice:pw").toBase64());
        QCOMPARE(secrets::scrub(u"sent "_s + basic + u" to x"_s), u"sent *** to x"_s);
    }

    void structuralRedactionHidesShortSecretsToo()
    {
        QVERIFY(!secrets::scrub(u"Authorization: Basic YWxpY2U6YQ=="_s).contains(u"YWxpY2U6YQ"_s));
        QVERIFY(!secrets::scrub(u"docker://alice:a@host/x"_s).contains(u":a@"_s));
        QVERIFY(!secrets::scrub(u"{\"token\":\"abc\"}"_s).contains(u"abc"_s));
        QVERIFY(!secrets::scrub(u"GET /x?access_token=abc&n=1"_s).contains(u"abc"_s));
    }

    void sanitizeDropsControlsAndWholeEscapeSequences_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("csi") << u"before\x1b[2J\x1b[31mred\x1b[0m after"_s << u"beforered after"_s;
        QTest::newRow("osc title with BEL") << u"a\x1b]0;pwned\x07" "b"_s << u"ab"_s;
        QTest::newRow("osc with ST") << u"a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b"_s << u"alinkb"_s;
        QTest::newRow("c1 csi") << (u"a"_s + QChar(0x9b) + u"2Jb"_s) << u"ab"_s;
        QTest::newRow("two-char escape") << u"a\x1b" "cb"_s << u"ab"_s;
        QTest::newRow("cut-off escape") << u"abc\x1b[12"_s << u"abc"_s;
        QTest::newRow("newlines and tabs") << u"one\r\ntwo\tthree"_s << u"one two three"_s;
        QTest::newRow("bidi override") << (u"file"_s + QChar(0x202e) + u"gpj.exe"_s) << u"filegpj.exe"_s;
        QTest::newRow("del and bel") << u"x\x7fy\x07z"_s << u"x y z"_s;
    }

    void sanitizeDropsControlsAndWholeEscapeSequences()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(secrets::sanitizeForDisplay(in), out);
    }

    void sanitizeCutsLongText()
    {
        const QString s = secrets::sanitizeForDisplay(QString(1000, u'x'), 10);
        QCOMPARE(s.size(), 11);
        QVERIFY(s.endsWith(QChar(0x2026)));
    }

    void formatTextIsOnePass()
    {
        // A value holding a place marker ("%2F" in a percent-encoded URL) is left as it is.
        QCOMPARE(formatText(u"%1: HTTP %2"_s, u"GET /v2/a%2Fb"_s, 404), u"GET /v2/a%2Fb: HTTP 404"_s);
        QCOMPARE(u"%1: HTTP %2"_s.arg(u"GET /v2/a%2Fb"_s).arg(404), u"GET /v2/a404Fb: HTTP 404"_s); // why it exists
        QCOMPARE(formatText(u"%1 of %2 (%3 s)"_s, qint64(3), 7, 1.5), u"3 of 7 (1.5 s)"_s);
    }

    void urlPolicy_data()
    {
        QTest::addColumn<bool>("insecure");
        QTest::addColumn<QString>("target");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<bool>("credentials");
        const QString reg = u"https://reg.example:5000"_s;
        QTest::newRow("same origin") << false << reg + u"/v2/x/blobs/uploads/1"_s << true << true;
        QTest::newRow("other port") << false << u"https://reg.example:5001/u"_s << true << false;
        QTest::newRow("other host") << false << u"https://storage.example/u"_s << true << false;
        QTest::newRow("host case") << false << u"https://REG.example:5000/u"_s << true << true;
        QTest::newRow("downgrade") << false << u"http://reg.example:5000/u"_s << false << false;
        QTest::newRow("downgrade insecure") << true << u"http://reg.example:5000/u"_s << true << false;
        QTest::newRow("file") << false << u"file:///etc/passwd"_s << false << false;
        QTest::newRow("file insecure") << true << u"file:///etc/passwd"_s << false << false;
        QTest::newRow("ftp") << false << u"ftp://reg.example/u"_s << false << false;
        QTest::newRow("no host") << false << u"https:///u"_s << false << false;
    }

    void urlPolicy()
    {
        QFETCH(bool, insecure);
        QFETCH(QString, target);
        QFETCH(bool, allowed);
        QFETCH(bool, credentials);
        const UrlPolicy policy(QUrl(u"https://reg.example:5000"_s), insecure);
        const QUrl url(target);
        const Status checked = policy.check(policy.registry(), url, UrlPolicy::Purpose::UploadLocation);
        QCOMPARE(bool(checked), allowed);
        if (checked)
            QCOMPARE(policy.mayCarryRegistryCredentials(url), credentials);
        else
            QCOMPARE(checked.error().code, ErrorCode::ProtocolError);
    }

    void relativeUrlsResolveAgainstTheAnswer()
    {
        const UrlPolicy policy(QUrl(u"https://reg.example"_s), false);
        auto next = policy.resolve(QUrl(u"https://storage.example/a/b?x=1"_s), "c?y=2", UrlPolicy::Purpose::NextPage);
        QVERIFY(next.has_value());
        QCOMPARE(next->toString(), u"https://storage.example/a/c?y=2"_s);
        QVERIFY(!policy.mayCarryRegistryCredentials(*next));
        // The realm keeps the user's credentials only on its own https origin.
        const QUrl realm(u"https://auth.example/token"_s);
        QVERIFY(policy.mayCarryRealmCredentials(QUrl(u"https://auth.example/token?scope=x"_s), realm));
        QVERIFY(!policy.mayCarryRealmCredentials(QUrl(u"https://other.example/token"_s), realm));
        QVERIFY(!policy.mayCarryRealmCredentials(QUrl(u"http://auth.example/token"_s), QUrl(u"http://auth.example/token"_s)));
        QVERIFY(UrlPolicy(QUrl(u"http://reg.example"_s), true)
                    .mayCarryRealmCredentials(QUrl(u"http://auth.example/t"_s), QUrl(u"http://auth.example/t"_s)));
    }
};

QTEST_GUILESS_MAIN(TestRedaction)
#include "tst_redaction.moc"
