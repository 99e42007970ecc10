// The API token and the device key live in the OS keyring (a real Secret
// Service: gnome-keyring on a private D-Bus session), never in files.

#include "syncfixture.h"
#include "testhelpers.h"

#include <QDirIterator>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

class TestKeyringSecrets : public QObject
{
    Q_OBJECT

private slots:
    void secretsLiveInTheKeyringOnly();
    void noSecretServiceMeansNoLogin();
    void logoutRemovesSecretsAndDevice();

private:
    //! Every file under \a dirs, concatenated (the store and its WAL included).
    static QByteArray everything(const QStringList &dirs);
};

QByteArray TestKeyringSecrets::everything(const QStringList &dirs)
{
    QByteArray all;
    for (const QString &dir : dirs) {
        QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            all += TestHelpers::readFile(it.next());
    }
    return all;
}

void TestKeyringSecrets::secretsLiveInTheKeyringOnly()
{
    SyncFixture fixture;
    QString error;
    QVERIFY2(fixture.start(&error), qPrintable(error));
    SyncFixture::Client c = fixture.newClient(u"kay"_s, {}, &error, 3);
    QVERIFY2(!c.home.isEmpty(), qPrintable(error));
    // The store inside the HOME's data dir, as by default.
    c.db = c.home + u"/.local/share/tokentally/usage.db"_s;
    const QString token = fixture.login(c, u"kay"_s, &error);
    QVERIFY2(!token.isEmpty(), qPrintable(error));
    QCOMPARE(fixture.cli(c, {u"submit"_s}).code, 0);

    // In the Secret Service: the token and the device key, under TokenTally.
    const QByteArray secrets = fixture.keyring().secretToolSearch(u"TokenTally"_s);
    QVERIFY2(secrets.contains("/api-token"), secrets.constData());
    QVERIFY2(secrets.contains("/device-key"), secrets.constData());
    QVERIFY(secrets.contains("schema = org.qt.keychain"));
    // secret-tool prints the stored bytes; QtKeychain stores binary data in base64.
    const QByteArray encodedToken = token.toUtf8().toBase64();
    QVERIFY2(secrets.contains(encodedToken), secrets.constData());
    const QString deviceId =
        fixture.cli(c, {u"status"_s, u"--json"_s}).json().value(u"deviceId"_s).toString();
    QVERIFY(deviceId.startsWith(u"d-"_s));
    QCOMPARE(fixture.keyring().secretToolLookup(u"TokenTally"_s, deviceId + u"/api-token"_s),
             token.toUtf8().toBase64());
    // keyring → the base64 text we stored → the raw 32-byte seed
    const QByteArray deviceKey = QByteArray::fromBase64(QByteArray::fromBase64(
        fixture.keyring().secretToolLookup(u"TokenTally"_s, deviceId + u"/device-key"_s)));
    QVERIFY2(deviceKey.size() == 32, secrets.constData());

    // Nowhere on disk: not in the config dir, the data dir, or the store.
    const QByteArray disk = everything({c.home + u"/.config"_s, c.home + u"/.local"_s});
    QVERIFY(disk.size() > 10000); // the store is there, so the check can fail
    for (const QByteArray &needle : {token.toUtf8(), token.toUtf8().toBase64(), deviceKey,
                                     deviceKey.toBase64(), deviceKey.toHex()})
        QVERIFY(!disk.contains(needle));
}

void TestKeyringSecrets::noSecretServiceMeansNoLogin()
{
    SyncFixture fixture;
    QString error;
    // A session bus with no Secret Service on it.
    QVERIFY2(fixture.start(&error, false), qPrintable(error));
    SyncFixture::Client c = fixture.newClient(u"lou"_s, {}, &error, 2);
    QVERIFY2(!c.home.isEmpty(), qPrintable(error));
    c.db = c.home + u"/.local/share/tokentally/usage.db"_s;
    const SyncFixture::Run r =
        fixture.cli(c, {u"login"_s, u"--server"_s, fixture.serverUrl(), u"--username"_s, u"lou"_s});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("keyring"), r.err.constData());
    QVERIFY(!r.out.contains("tt_"));
    // Nothing reached the server: no account was created, no request was made.
    QVERIFY(fixture.proxy().requests().isEmpty());
    int code = -1;
    QVERIFY(!fixture.server().admin({u"users"_s, u"list"_s}, &code).contains("lou"));
    // And nothing was kept locally: not signed in, no secret in any file.
    const SyncFixture::Run status = fixture.cli(c, {u"status"_s, u"--json"_s});
    QCOMPARE(status.json().value(u"signedIn"_s).toBool(true), false);
    const QByteArray disk = everything({c.home + u"/.config"_s, c.home + u"/.local"_s});
    QVERIFY(!disk.contains("tt_"));
    QVERIFY(!disk.contains("device-key"));
    // A submit says why it cannot run.
    const SyncFixture::Run submit = fixture.cli(c, {u"submit"_s});
    QCOMPARE(submit.code, 1);
    QVERIFY2(submit.err.contains("not signed in"), submit.err.constData());
}

void TestKeyringSecrets::logoutRemovesSecretsAndDevice()
{
    SyncFixture fixture;
    QString error;
    QVERIFY2(fixture.start(&error), qPrintable(error));
    const SyncFixture::Client c = fixture.newClient(u"max"_s, {}, &error, 3);
    QVERIFY2(!c.home.isEmpty(), qPrintable(error));
    QVERIFY2(!fixture.login(c, u"max"_s, &error).isEmpty(), qPrintable(error));
    QVERIFY(fixture.keyring().secretToolSearch(u"TokenTally"_s).contains("/api-token"));
    const SyncFixture::Run out = fixture.cli(c, {u"logout"_s});
    QVERIFY2(out.code == 0, out.err.constData());
    const QByteArray after = fixture.keyring().secretToolSearch(u"TokenTally"_s);
    QVERIFY2(!after.contains("/api-token") && !after.contains("/device-key"), after.constData());
    QCOMPARE(fixture.cli(c, {u"status"_s, u"--json"_s}).json().value(u"signedIn"_s).toBool(true),
             false);
    QCOMPARE(fixture.cli(c, {u"logout"_s}).code, 1); // nothing to sign out of
    // Signing in again makes a new device.
    QVERIFY(
        !fixture
             .cli(c, {u"login"_s, u"--server"_s, fixture.serverUrl(), u"--username"_s, u"max2"_s})
             .out.isEmpty());
    QVERIFY(fixture.keyring().secretToolSearch(u"TokenTally"_s).contains("/api-token"));
}

QTEST_GUILESS_MAIN(TestKeyringSecrets)
#include "test_keyring.moc"
