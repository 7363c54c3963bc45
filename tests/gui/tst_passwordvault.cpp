// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "passwordvault.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

/// Passwords stay in memory for the session; the keychain, when this machine has none running
/// (CI), answers "not found" quickly instead of hanging the window.
class TestPasswordVault : public QObject
{
    Q_OBJECT
private slots:
    void remembersForTheSession();
    void unknownKeysAreNotFound();
};

void TestPasswordVault::remembersForTheSession()
{
    PasswordVault vault;
    QVERIFY(vault.cached(u"/p/alembic.ini#prod"_s).isNull());
    vault.store(u"/p/alembic.ini#prod"_s, u"s3cr3t"_s);
    QCOMPARE(vault.cached(u"/p/alembic.ini#prod"_s), u"s3cr3t"_s);
    QSignalSpy lookedUp(&vault, &PasswordVault::lookedUp);
    vault.lookUp(u"/p/alembic.ini#prod"_s);
    QVERIFY(lookedUp.wait(5000));
    QCOMPARE(lookedUp.last().at(1).toBool(), true);
    vault.forget(u"/p/alembic.ini#prod"_s);
    QVERIFY(vault.cached(u"/p/alembic.ini#prod"_s).isNull());
}

void TestPasswordVault::unknownKeysAreNotFound()
{
    PasswordVault vault;
    QSignalSpy lookedUp(&vault, &PasswordVault::lookedUp);
    QElapsedTimer timer;
    timer.start();
    vault.lookUp(u"/nonexistent/alembic.ini#nobody-%1"_s.arg(QCoreApplication::applicationPid()));
    QVERIFY(lookedUp.count() > 0 || lookedUp.wait(30000));
    QCOMPARE(lookedUp.last().at(1).toBool(), false);
    qInfo("keychain look-up answered in %lld ms (keychain support: %s)", timer.elapsed(),
          PasswordVault::hasKeychainSupport() ? "yes" : "no");
}

QTEST_MAIN(TestPasswordVault)
#include "tst_passwordvault.moc"
