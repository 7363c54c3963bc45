// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "database/urlmasking.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;

class TestUrlMasking : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void masked_data();
    void masked();
    void junkNeverCrashes();
};

void TestUrlMasking::masked_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");

    auto row = [](const char *name, const QString &url, const QString &expected) {
        QTest::newRow(name) << url << expected;
    };
    row("password", u"postgresql://u:secret@host/db"_s, u"postgresql://u:***@host/db"_s);
    row("driver and port", u"postgresql+psycopg2://scott:tiger@localhost:5432/test"_s,
        u"postgresql+psycopg2://scott:***@localhost:5432/test"_s);
    row("percent-encoded", u"mysql://u:p%40ss%3Aw%2Fd@h/db"_s, u"mysql://u:***@h/db"_s);
    row("raw at sign", u"postgresql://u:p@ss@host/db"_s, u"postgresql://u:***@host/db"_s);
    row("raw colon", u"postgresql://u:pa:ss@host:5432/db"_s, u"postgresql://u:***@host:5432/db"_s);
    row("at and colon", u"postgresql://u:a@b:c@host/db"_s, u"postgresql://u:***@host/db"_s);
    row("at in query stays", u"postgresql://u:pw@host/db?application_name=a@b"_s,
        u"postgresql://u:***@host/db?application_name=a@b"_s);
    row("empty password", u"postgresql://u:@host/db"_s, u"postgresql://u:***@host/db"_s);
    row("no password", u"postgresql://u@host/db"_s, u"postgresql://u@host/db"_s);
    row("no userinfo", u"postgresql://host:5432/db"_s, u"postgresql://host:5432/db"_s);
    row("ipv6", u"postgresql://u:pw@[::1]:5432/db"_s, u"postgresql://u:***@[::1]:5432/db"_s);
    row("ipv6 no userinfo", u"postgresql://[::1]:5432/db"_s, u"postgresql://[::1]:5432/db"_s);
    row("sqlite relative", u"sqlite:///x.db"_s, u"sqlite:///x.db"_s);
    row("sqlite absolute", u"sqlite:////var/lib/app@1/x.db"_s, u"sqlite:////var/lib/app@1/x.db"_s);
    row("sqlite memory", u"sqlite://"_s, u"sqlite://"_s);
    row("no database", u"mssql+pyodbc://sa:pw@dsn"_s, u"mssql+pyodbc://sa:***@dsn"_s);
    row("query password", u"postgresql://host/db?user=u&password=secret&sslmode=require"_s,
        u"postgresql://host/db?user=u&password=***&sslmode=require"_s);
    row("query password case", u"mysql://h/db?PASSWORD=x"_s, u"mysql://h/db?PASSWORD=***"_s);
    row("query pwd", u"mssql://h/db?pwd=x#frag"_s, u"mssql://h/db?pwd=***#frag"_s);
    row("query sslpassword", u"postgresql://h/db?sslmode=verify-full&SSLPassword=x"_s,
        u"postgresql://h/db?sslmode=verify-full&SSLPassword=***"_s);
    row("both", u"postgresql://u:a@h/db?password=b"_s, u"postgresql://u:***@h/db?password=***"_s);
    row("template placeholder", u"driver://user:pass@localhost/dbname"_s, u"driver://user:***@localhost/dbname"_s);
    row("not a url", u"just some text"_s, u"just some text"_s);
    row("empty", QString(), QString());
    row("scheme only", u"://"_s, u"://"_s);
    row("dangling colon", u"pg://u:"_s, u"pg://u:"_s);
    row("dangling at", u"pg://u:@"_s, u"pg://u:***@"_s);
}

void TestUrlMasking::masked()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    QCOMPARE(maskedUrl(url), expected);
}

void TestUrlMasking::junkNeverCrashes()
{
    QRandomGenerator random(7);
    const QString alphabet = u":/@?&=#%[]ap+"_s;
    for (int round = 0; round < 5000; ++round) {
        QString url = u"x://"_s;
        const int length = int(random.bounded(40));
        for (int i = 0; i < length; ++i)
            url += alphabet.at(int(random.bounded(alphabet.size())));
        (void)maskedUrl(url);
        // With userinfo in front, the password never survives whatever follows.
        const QString withPassword = u"x://ap:pp@"_s + url.mid(4);
        QVERIFY2(maskedUrl(withPassword).startsWith(u"x://ap:***@"_s), qPrintable(withPassword));
    }
}

QTEST_GUILESS_MAIN(TestUrlMasking)
#include "tst_urlmasking.moc"
