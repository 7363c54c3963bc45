// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
// The schema Retort works out from migration files against the schema real alembic creates.
// schema_scenarios.py builds a project per database with real `alembic revision --autogenerate`
// plus hand-written revisions (renames, batch mode, a branch and a merge, enums, a data migration,
// an op.execute), upgrades a real database through it one target at a time and runs retort-cli
// diff and match at each: the live schema must equal the replayed one, and match must find the
// revision the database is at (or one with the same schema). After the op.execute, Retort must say
// "approximate" and show the table it could not see, never a silent wrong answer. Hand-made drift
// (an index dropped, a column added, a type changed) is reported exactly.
#include "databaseservers.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestSchemaDifferential : public QObject
{
    Q_OBJECT

private slots:
    void compare_data();
    void compare();
};

void TestSchemaDifferential::compare_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::newRow("sqlite") << u"sqlite"_s;
    QTest::newRow("postgresql") << u"postgresql"_s;
    QTest::newRow("mariadb") << u"mysql"_s;
}

void TestSchemaDifferential::compare()
{
    QFETCH(QString, dialect);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString url;
    if (dialect == u"sqlite") {
        url = u"sqlite:///"_s + dir.filePath(u"live.db"_s);
    } else {
        if (!TestDatabases::available())
            QSKIP(qPrintable(TestDatabases::unavailableReason()));
        url = dialect == u"postgresql" ? TestDatabases::postgresUrl() : TestDatabases::mariadbUrl();
    }
    QVERIFY(QDir().mkpath(dir.filePath(u"project"_s)));
    QProcess scenarios;
    scenarios.start(QStringLiteral(RETORT_TEST_PYTHON),
                    {QStringLiteral(RETORT_SOURCE_DIR) + u"/tests/differential/schema_scenarios.py"_s,
                     dir.filePath(u"project"_s), QStringLiteral(RETORT_CLI_PATH), dialect, url});
    QVERIFY2(scenarios.waitForStarted(), "The alembic interpreter (the oracle) cannot be started; run "
                                         "packaging/setup-debian.sh.");
    QVERIFY2(scenarios.waitForFinished(600000), "schema_scenarios.py did not finish");
    const QByteArray errors = scenarios.readAllStandardError();
    QVERIFY2(scenarios.exitStatus() == QProcess::NormalExit && scenarios.exitCode() == 0, errors.constData());
    const QJsonObject report = QJsonDocument::fromJson(scenarios.readAllStandardOutput()).object();
    QVERIFY2(report.value(u"error"_s).isNull(),
             qPrintable(report.value(u"error"_s).toString().right(1500) + QString::fromUtf8(errors.right(1500))));
    const QJsonArray checks = report.value(u"checks"_s).toArray();
    QCOMPARE(checks.size(), 13);

    int exact = 0;
    for (const QJsonValue &value : checks) {
        const QJsonObject check = value.toObject();
        const QString target = check.value(u"target"_s).toString();
        const QJsonObject diff = check.value(u"diff"_s).toObject();
        const QString context = target + u": "_s + check.value(u"diff_stderr"_s).toString() +
                                QString::fromUtf8(QJsonDocument(diff).toJson());
        QVERIFY2(!diff.isEmpty(), qPrintable(context));
        const QJsonArray differences = diff.value(u"differences"_s).toArray();
        if (check.value(u"expect"_s).toString() == u"same") {
            QVERIFY2(differences.isEmpty(), qPrintable(context));
            QVERIFY2(!diff.value(u"approximate"_s).toBool(), qPrintable(context));
            QCOMPARE(check.value(u"diff_exit"_s).toInt(), 0);
        } else {
            // The table op.execute() made is the one difference, and Retort says why it may be wrong.
            QVERIFY2(diff.value(u"approximate"_s).toBool(), qPrintable(context));
            QCOMPARE(check.value(u"diff_exit"_s).toInt(), 1);
            QVERIFY2(!differences.isEmpty(), qPrintable(context));
            for (const QJsonValue &d : differences)
                QVERIFY2(d.toObject().value(u"table"_s).toString() == u"sneaky", qPrintable(context));
            QVERIFY(diff.value(u"notes"_s)
                        .toArray()
                        .first()
                        .toObject()
                        .value(u"reason"_s)
                        .toString()
                        .contains(u"op.execute"_s));
            continue;
        }
        const QStringList rows = check.value(u"rows"_s).toVariant().toStringList();
        if (rows.size() != 1)
            continue; // two branches applied: no single revision has that schema
        const QJsonArray matches = check.value(u"match"_s).toObject().value(u"matches"_s).toArray();
        QVERIFY2(!matches.isEmpty(), qPrintable(target + check.value(u"match_stderr"_s).toString()));
        bool found = false;
        for (const QJsonValue &m : matches) {
            const QJsonObject match = m.toObject();
            if (match.value(u"distance"_s).toInt() != 0)
                break;
            found = found || match.value(u"revision"_s).toString() == rows.first();
        }
        QVERIFY2(found, qPrintable(target + u": "_s + QString::fromUtf8(QJsonDocument(matches).toJson())));
        ++exact;
    }
    // Hot fixes by hand are reported one by one, as what they are.
    const QJsonObject drift = report.value(u"drift"_s).toObject();
    QCOMPARE(drift.value(u"diff_exit"_s).toInt(), 1);
    QStringList found;
    for (const QJsonValue &d : drift.value(u"diff"_s).toObject().value(u"differences"_s).toArray())
        found.append(d.toObject().value(u"text"_s).toString());
    QStringList expected{u"- index ix_posts_title on posts (title)"_s, u"+ column users.hotfix INTEGER"_s};
    if (dialect != u"sqlite")
        expected.append(u"~ column labels.colour: type VARCHAR(7) → VARCHAR(9)"_s);
    found.sort();
    expected.sort();
    QCOMPARE(found, expected);

    qInfo("%s: %d upgrade targets compared, %d matched exactly", qPrintable(dialect), int(checks.size()), exact);
}

QTEST_GUILESS_MAIN(TestSchemaDifferential)
#include "tst_schemadifferential.moc"
