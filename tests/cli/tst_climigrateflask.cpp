// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// `retort-cli upgrade|downgrade` on Flask-Migrate projects, whose env.py needs the Flask app's context
// and takes the database from the app: Retort runs them as `flask db …` inside the app FLASK_APP names.
// The projects are made with Flask-Migrate's own commands (flask db init, flask db revision) and a
// Flask-SQLAlchemy app whose database is DATABASE_URL; the oracle is `flask db current` and SQLite's
// table list. Also: FLASK_APP missing (nothing runs), the app pointed at another database than the one
// Retort checks (the rows read after the run say so), --sql, variables from a stored environment, and
// a script location that is neither named migrations nor next to the app.

#include "database/environment.h"
#include "project/project.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

/// A Flask app whose database is DATABASE_URL, with Flask-Migrate's default migrations folder.
const char AppPy[] = R"PY(import os

from flask import Flask
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["DATABASE_URL"]
db = SQLAlchemy(app)
migrate = Migrate(app, db)
)PY";

/// The tables of the SQLite database argv[1], sorted; nothing when it does not exist.
const char Tables[] = R"PY(
import os, sqlite3, sys
if os.path.exists(sys.argv[1]):
    c = sqlite3.connect(sys.argv[1])
    print(" ".join(sorted(r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))))
)PY";

QString sqliteUrl(const QString &file)
{
    return u"sqlite:///"_s + file;
}

} // namespace

class TestCliMigrateFlask : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void upgradeAndDowngradeThroughFlaskDb();
    void sqlThroughFlaskDb();
    void variablesOfAStoredEnvironment();
    void flaskAppMissing();
    void appOnAnotherDatabase();
    void scriptLocationElsewhere();

private:
    /// The system's environment with DATABASE_URL and FLASK_APP set, or removed when empty.
    QProcessEnvironment environment(const QString &databaseUrl, const QString &flaskApp) const;
    Run run(const QString &program, const QStringList &args, const QString &dir, const QProcessEnvironment &env) const;
    Run cli(const QStringList &args, const QString &dir, const QProcessEnvironment &env) const
    {
        return run(QStringLiteral(RETORT_CLI_PATH),
                   args + QStringList{u"--python"_s, QStringLiteral(RETORT_TEST_PYTHON)}, dir, env);
    }
    /// `flask --app app ARGS` in @p dir, its app on @p databaseUrl.
    Run flask(const QStringList &args, const QString &dir, const QString &databaseUrl) const
    {
        return run(QStringLiteral(RETORT_TEST_PYTHON), QStringList{u"-m"_s, u"flask"_s, u"--app"_s, u"app"_s} + args,
                   dir, environment(databaseUrl, {}));
    }
    /// app.py, `flask db init [-d scripts]`, and revisions f1 and f2 (made by `flask db revision`)
    /// creating t_f1 and t_f2.
    QString makeProject(const QString &name, const QString &scripts = u"migrations"_s);
    /// The version rows as `flask db current` reads them from @p db.
    QStringList currentRows(const QString &dir, const QString &db, const QString &scripts = u"migrations"_s) const;
    QString tables(const QString &db) const;

    QTemporaryDir m_dir;
    QString m_project;
};

QProcessEnvironment TestCliMigrateFlask::environment(const QString &databaseUrl, const QString &flaskApp) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LANG"_s, u"C.UTF-8"_s);
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    env.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s)); // environments live here
    for (const auto &[name, value] : {std::pair{u"DATABASE_URL"_s, databaseUrl}, std::pair{u"FLASK_APP"_s, flaskApp}}) {
        if (value.isEmpty())
            env.remove(name);
        else
            env.insert(name, value);
    }
    return env;
}

Run TestCliMigrateFlask::run(const QString &program, const QStringList &args, const QString &dir,
                             const QProcessEnvironment &env) const
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(dir);
    process.start(program, args);
    process.closeWriteChannel(); // no terminal: warnings need --yes
    if (!process.waitForFinished(120000))
        process.kill();
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QString TestCliMigrateFlask::makeProject(const QString &name, const QString &scripts)
{
    const QString dir = m_dir.filePath(name);
    QDir().mkpath(dir);
    QFile app(dir + u"/app.py"_s);
    if (!app.open(QIODevice::WriteOnly))
        return {};
    app.write(AppPy);
    app.close();
    const QString scratch = sqliteUrl(dir + u"/scratch.db"_s); // flask db init and revision do not connect
    const Run init = flask({u"db"_s, u"init"_s, u"-d"_s, scripts}, dir, scratch);
    if (init.exitCode != 0) {
        qWarning("flask db init failed: %s", qPrintable(init.err + init.out));
        return {};
    }
    for (const QString &id : {u"f1"_s, u"f2"_s}) {
        const Run made = flask({u"db"_s, u"revision"_s, u"-d"_s, scripts, u"-m"_s, u"make "_s + id, u"--rev-id"_s, id},
                               dir, scratch);
        if (made.exitCode != 0) {
            qWarning("flask db revision failed: %s", qPrintable(made.err + made.out));
            return {};
        }
        const QStringList files = QDir(dir + u'/' + scripts + u"/versions"_s).entryList({id + u"_*.py"_s});
        if (files.size() != 1)
            return {};
        QFile file(dir + u'/' + scripts + u"/versions/"_s + files.first());
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QString source = QString::fromUtf8(file.readAll());
        file.close();
        static const QRegularExpression Upgrade(u"def upgrade\\(\\)( -> None)?:\\n    pass"_s);
        static const QRegularExpression Downgrade(u"def downgrade\\(\\)( -> None)?:\\n    pass"_s);
        if (!source.contains(Upgrade) || !source.contains(Downgrade))
            return {};
        source.replace(
            Upgrade,
            u"def upgrade():\n    op.create_table('t_%1', sa.Column('id', sa.Integer, primary_key=True))"_s.arg(id));
        source.replace(Downgrade, u"def downgrade():\n    op.drop_table('t_%1')"_s.arg(id));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(source.toUtf8());
    }
    return dir;
}

QStringList TestCliMigrateFlask::currentRows(const QString &dir, const QString &db, const QString &scripts) const
{
    const Run current = flask({u"db"_s, u"current"_s, u"-d"_s, scripts}, dir, sqliteUrl(db));
    if (current.exitCode != 0)
        return {u"(flask db current failed: %1)"_s.arg(current.err)};
    QStringList rows;
    for (const QString &line : current.out.split(u'\n', Qt::SkipEmptyParts))
        rows.append(line.section(u' ', 0, 0));
    rows.sort();
    return rows;
}

QString TestCliMigrateFlask::tables(const QString &db) const
{
    const Run listed = run(QStringLiteral(RETORT_TEST_PYTHON), {u"-c"_s, QString::fromLatin1(Tables), db}, m_dir.path(),
                           environment({}, {}));
    return listed.exitCode == 0 ? listed.out.trimmed() : u"(failed: %1)"_s.arg(listed.err);
}

void TestCliMigrateFlask::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"config"_s).toUtf8());
    // The oracle must run: without Flask-Migrate for RETORT_TEST_PYTHON this fails, it does not skip.
    m_project = makeProject(u"shop"_s);
    QVERIFY(!m_project.isEmpty());
    // Real Flask-Migrate files: an alembic.ini without script_location inside migrations/, env.py on current_app.
    QVERIFY(QFile::exists(m_project + u"/migrations/alembic.ini"_s));
    QFile env(m_project + u"/migrations/env.py"_s);
    QVERIFY(env.open(QIODevice::ReadOnly));
    QVERIFY(env.readAll().contains("from flask import current_app"));
}

void TestCliMigrateFlask::upgradeAndDowngradeThroughFlaskDb()
{
    const QString db = m_project + u"/shop.db"_s;
    const QString url = sqliteUrl(db);
    const QProcessEnvironment env = environment(url, u"app"_s);
    const Run up = cli({u"-c"_s, u"migrations/alembic.ini"_s, u"upgrade"_s, u"heads"_s, u"--url"_s, url, u"--yes"_s},
                       m_project, env);
    QVERIFY2(up.exitCode == 0, qPrintable(up.err + up.out));
    QVERIFY2(up.out.contains(u"$ " RETORT_TEST_PYTHON " -m flask db upgrade heads\n"_s), qPrintable(up.out));
    QVERIFY2(up.out.contains(u"Running upgrade  -> f1, make f1"_s), qPrintable(up.out));
    QVERIFY2(up.out.contains(u"Running upgrade f1 -> f2, make f2"_s), qPrintable(up.out));
    QVERIFY2(up.out.contains(u"Done. Version rows: f2"_s), qPrintable(up.out));
    QCOMPARE(tables(db), u"alembic_version t_f1 t_f2"_s);
    QCOMPARE(currentRows(m_project, db), QStringList{u"f2"_s});

    // From the project root (Retort finds migrations/alembic.ini), one step down.
    const Run down = cli({u"downgrade"_s, u"-1"_s, u"--url"_s, url, u"--yes"_s}, m_project, env);
    QVERIFY2(down.exitCode == 0, qPrintable(down.err + down.out));
    QVERIFY2(down.out.contains(u" -m flask db downgrade -- -1\n"_s), qPrintable(down.out));
    QVERIFY2(down.out.contains(u"Running downgrade f2 -> f1, make f2"_s), qPrintable(down.out));
    QVERIFY2(down.out.contains(u"Done. Version rows: f1"_s), qPrintable(down.out));
    QCOMPARE(tables(db), u"alembic_version t_f1"_s);
    QCOMPARE(currentRows(m_project, db), QStringList{u"f1"_s});
}

void TestCliMigrateFlask::sqlThroughFlaskDb()
{
    const QString db = m_project + u"/offline.db"_s;
    const QString url = sqliteUrl(db);
    const QProcessEnvironment env = environment(url, u"app"_s);
    const Run first = cli({u"upgrade"_s, u"f1"_s, u"--url"_s, url, u"--yes"_s}, m_project, env);
    QVERIFY2(first.exitCode == 0, qPrintable(first.err + first.out));
    const Run sql = cli({u"upgrade"_s, u"heads"_s, u"--url"_s, url, u"--sql"_s}, m_project, env);
    QVERIFY2(sql.exitCode == 0, qPrintable(sql.err + sql.out));
    QVERIFY2(sql.err.contains(u" -m flask db upgrade f1:heads --sql\n"_s), qPrintable(sql.err));
    QVERIFY2(sql.out.contains(u"CREATE TABLE t_f2"_s), qPrintable(sql.out));
    QVERIFY2(
        sql.out.contains(u"UPDATE alembic_version SET version_num='f2' WHERE alembic_version.version_num = 'f1';"_s),
        qPrintable(sql.out));
    // Only shown: the database is where it was.
    QCOMPARE(tables(db), u"alembic_version t_f1"_s);
    QCOMPARE(currentRows(m_project, db), QStringList{u"f1"_s});
}

void TestCliMigrateFlask::variablesOfAStoredEnvironment()
{
    const Result<Project> project = Project::open(m_project);
    QVERIFY(project);
    QCOMPARE(project->config().iniFile, m_project + u"/migrations/alembic.ini"_s);
    const QString db = m_project + u"/dev.db"_s;
    Environment dev;
    dev.name = u"dev"_s;
    dev.url = sqliteUrl(db);
    dev.variables = {u"FLASK_APP=app:app"_s, u"DATABASE_URL="_s + sqliteUrl(db)};
    QVERIFY(EnvironmentStore::save(EnvironmentStore::projectKey(project->config()), {dev}));

    // Neither FLASK_APP nor DATABASE_URL in retort-cli's own environment: the environment's variables give them.
    const Run up = cli({u"upgrade"_s, u"heads"_s, u"--env"_s, u"dev"_s, u"--yes"_s}, m_project, environment({}, {}));
    QVERIFY2(up.exitCode == 0, qPrintable(up.err + up.out));
    QVERIFY2(up.out.contains(u" -m flask db upgrade heads\n"_s), qPrintable(up.out));
    QCOMPARE(tables(db), u"alembic_version t_f1 t_f2"_s);
    QCOMPARE(currentRows(m_project, db), QStringList{u"f2"_s});
}

void TestCliMigrateFlask::flaskAppMissing()
{
    const QString db = m_project + u"/nothing.db"_s;
    const QString url = sqliteUrl(db);
    for (const QStringList &extra : {QStringList{u"--yes"_s}, QStringList{u"--sql"_s}}) {
        const Run up =
            cli(QStringList{u"upgrade"_s, u"heads"_s, u"--url"_s, url} + extra, m_project, environment(url, {}));
        QCOMPARE(up.exitCode, 1);
        QVERIFY2(
            up.err.contains(u"This is a Flask-Migrate project (its env.py uses Flask's current_app), so retort-cli "
                            u"runs flask db upgrade inside the Flask app, and FLASK_APP does not say which app "
                            u"that is: export FLASK_APP=module:app (or FLASK_APP=module), or add it to the "
                            u"environment's variables. Nothing was run."_s),
            qPrintable(up.err));
        QVERIFY2(!up.out.contains(u"$ "_s) && !up.err.contains(u"$ "_s), qPrintable(up.out)); // no command started
        QVERIFY(!QFile::exists(db));
        QVERIFY(!QFile::exists(db + u".retort-lock"_s));
    }
}

void TestCliMigrateFlask::appOnAnotherDatabase()
{
    const QString mine = m_project + u"/mine.db"_s;
    const QString other = m_project + u"/other.db"_s;
    const Run up = cli({u"upgrade"_s, u"heads"_s, u"--url"_s, sqliteUrl(mine), u"--yes"_s}, m_project,
                       environment(sqliteUrl(other), u"app"_s));
    QCOMPARE(up.exitCode, 1);
    QVERIFY2(up.err.contains(u"flask db reported success, but the version rows are (none), not f2 as planned. In a "
                             u"Flask-Migrate project the Flask app decides which database it migrates (its "
                             u"SQLALCHEMY_DATABASE_URI), not Retort: check that the app FLASK_APP names is configured "
                             u"for this database."_s),
             qPrintable(up.err));
    QVERIFY(!up.out.contains(u"Done."_s));
    // The app migrated its own database; the one Retort was given was only locked and read.
    QCOMPARE(tables(other), u"alembic_version t_f1 t_f2"_s);
    QVERIFY(tables(mine).isEmpty());
}

void TestCliMigrateFlask::scriptLocationElsewhere()
{
    // Scripts in backend/schema while the app keeps Flask-Migrate's default (migrations, which does not
    // exist): only -d finds them, and the app is found above the script location's parent.
    const QString dir = makeProject(u"nested"_s, u"backend/schema"_s);
    QVERIFY(!dir.isEmpty());
    QVERIFY(!QFile::exists(dir + u"/migrations"_s));
    const QString db = dir + u"/nested.db"_s;
    const QString url = sqliteUrl(db);
    const Run up =
        cli({u"-c"_s, u"backend/schema/alembic.ini"_s, u"upgrade"_s, u"heads"_s, u"--url"_s, url, u"--yes"_s}, dir,
            environment(url, u"app"_s));
    QVERIFY2(up.exitCode == 0, qPrintable(up.err + up.out));
    QVERIFY2(up.out.contains(u" -m flask db upgrade -d "_s + dir + u"/backend/schema heads\n"_s), qPrintable(up.out));
    QCOMPARE(tables(db), u"alembic_version t_f1 t_f2"_s);
    QCOMPARE(currentRows(dir, db, u"backend/schema"_s), QStringList{u"f2"_s});
}

QTEST_GUILESS_MAIN(TestCliMigrateFlask)
#include "tst_climigrateflask.moc"
