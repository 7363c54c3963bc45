// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "project/envscript.h"
#include "project/project.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestEnvScript : public QObject
{
    Q_OBJECT
private slots:
    void versionTable_data();
    void versionTable();
    void flaskApp_data();
    void flaskApp();
    void sampleProject();
    void flaskProject();
};

void TestEnvScript::versionTable_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("schema");
    QTest::addColumn<bool>("primaryKey");
    QTest::addColumn<int>("warnings");
    const QByteArray head = "from alembic import context\n\n\ndef run_migrations_online():\n";
    QTest::newRow("default") << QByteArray(head + "    context.configure(connection=c, target_metadata=m)\n")
                             << u"alembic_version"_s << QString() << true << 0;
    QTest::newRow("literal names")
        << QByteArray(head + "    with connectable.connect() as connection:\n"
                             "        context.configure(\n            connection=connection,\n"
                             "            version_table='my_versions',\n            version_table_schema=\"audit\",\n"
                             "            version_table_pk=False,\n        )\n")
        << u"my_versions"_s << u"audit"_s << false << 0;
    QTest::newRow("module constant") << QByteArray("from alembic import context\nVERSIONS = 'app_versions'\n\n\n"
                                                   "def run_migrations_offline():\n"
                                                   "    context.configure(url=url, version_table=VERSIONS)\n")
                                     << u"app_versions"_s << QString() << true << 0;
    QTest::newRow("schema None") << QByteArray(head + "    context.configure(version_table_schema=None)\n")
                                 << u"alembic_version"_s << QString() << true << 0;
    QTest::newRow("computed") << QByteArray(head + "    context.configure(version_table=os.environ['TABLE'])\n")
                              << u"alembic_version"_s << QString() << true << 1;
}

void TestEnvScript::versionTable()
{
    QFETCH(QByteArray, source);
    QFETCH(QString, table);
    QFETCH(QString, schema);
    QFETCH(bool, primaryKey);
    QFETCH(int, warnings);
    const EnvScript env = EnvScript::parse(source, u"/p/env.py"_s);
    QCOMPARE(env.versionTable.table, table);
    QCOMPARE(env.versionTable.schema, schema);
    QCOMPARE(env.versionTable.primaryKey, primaryKey);
    QCOMPARE(env.diagnostics.size(), warnings);
    for (const Diagnostic &d : env.diagnostics) {
        QCOMPARE(d.file, u"/p/env.py"_s);
        QVERIFY(d.line > 0);
    }
}

void TestEnvScript::flaskApp_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<bool>("usesFlaskApp");
    const QByteArray body = "\n\ndef run_migrations_online():\n    context.configure(connection=c)\n";
    // As Flask-Migrate 4's templates (flask, flask-multidb, aioflask) begin.
    QTest::newRow("Flask-Migrate template")
        << QByteArray("import logging\nfrom logging.config import fileConfig\n\nfrom flask import current_app\n\n"
                      "from alembic import context\n\nconfig = context.config\n"
                      "config.set_main_option('sqlalchemy.url', get_engine_url())\n" +
                      body)
        << true;
    QTest::newRow("imported as another name")
        << QByteArray("from flask import Flask, current_app as app_now\nfrom alembic import context\n" + body) << true;
    QTest::newRow("flask.current_app")
        << QByteArray("import flask\nfrom alembic import context\nurl = flask.current_app.config['DB']\n" + body)
        << true;
    QTest::newRow("plain alembic") << QByteArray("from alembic import context\nfrom app import models\n" + body)
                                   << false;
    QTest::newRow("flask without current_app")
        << QByteArray("from flask import Flask\nfrom alembic import context\n" + body) << false;
    QTest::newRow("another framework's current_app")
        << QByteArray("from quart import current_app\nfrom alembic import context\n" + body) << false;
}

void TestEnvScript::flaskApp()
{
    QFETCH(QByteArray, source);
    QFETCH(bool, usesFlaskApp);
    QCOMPARE(EnvScript::parse(source, u"/p/env.py"_s).usesFlaskApp, usesFlaskApp);
}

void TestEnvScript::sampleProject()
{
    const Result<Project> project = Project::open(QStringLiteral(RETORT_SOURCE_DIR "/resources/sample"));
    QVERIFY(project);
    const EnvScript env = EnvScript::read(project->config());
    QVERIFY(env.path.endsWith(u"/migrations/env.py"_s));
    QCOMPARE(env.versionTable, VersionTableName{});
    QVERIFY(!env.usesFlaskApp);
    QVERIFY(env.diagnostics.isEmpty());
}

void TestEnvScript::flaskProject()
{
    // Opened at its root: migrations/alembic.ini, which has no script_location, as Flask-Migrate writes it.
    const Result<Project> project =
        Project::open(QStringLiteral(RETORT_SOURCE_DIR "/tests/data/realprojects/flaskapp"));
    QVERIFY(project);
    const EnvScript env = EnvScript::read(project->config());
    QVERIFY(env.path.endsWith(u"/flaskapp/migrations/env.py"_s));
    QVERIFY(env.usesFlaskApp);
}

QTEST_GUILESS_MAIN(TestEnvScript)
#include "tst_envscript.moc"
