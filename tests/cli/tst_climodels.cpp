// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// `retort-cli diff --against models` on real SQLite projects: models.py holds a SQLAlchemy MetaData that
// env.py imports, the revisions are made by real `alembic revision --autogenerate` and applied by
// `alembic upgrade head`. Then: the models unchanged (no differences, exit 0, nothing written); models
// changed without a migration (the differences are those `alembic revision --autogenerate` then detects);
// the database behind the heads; target_metadata = None; an import that fails in env.py; an interpreter
// without alembic; a Flask-Migrate project without FLASK_APP. The oracle is the alembic of
// /usr/bin/python3 (1.8.1 on Debian 12, 1.13 on Debian 13): when it cannot run, the tests fail.

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

const char InitialModels[] = R"PY(import sqlalchemy as sa

metadata = sa.MetaData()
users = sa.Table(
    "users", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(50), nullable=False),
)
legacy = sa.Table("legacy", metadata, sa.Column("id", sa.Integer, primary_key=True))
)PY";

/// users: name VARCHAR(80) and nullable, a new column email with an index; posts is new; legacy is gone.
const char ChangedModels[] = R"PY(import sqlalchemy as sa

metadata = sa.MetaData()
users = sa.Table(
    "users", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(80), nullable=True),
    sa.Column("email", sa.String(120), nullable=False),
    sa.Index("ix_users_email", "email"),
)
posts = sa.Table(
    "posts", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id")),
)
)PY";

/// What env.py gets instead of `target_metadata = None`: the models next to alembic.ini.
const char ImportModels[] = "import os, sys\n"
                            "sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))\n"
                            "from models import metadata\n"
                            "target_metadata = metadata";

QStringList strings(const QJsonValue &array)
{
    QStringList list;
    const QJsonArray values = array.toArray();
    for (const QJsonValue &v : values)
        list.append(v.toString());
    return list;
}

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

bool writeFile(const QString &path, const QString &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text.toUtf8()) >= 0;
}

/// Every file under @p dir with a hash of its content: what a run must leave as it was.
QMap<QString, QByteArray> snapshot(const QString &dir)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            files.insert(path, QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha1));
    }
    return files;
}

} // namespace

class TestCliModels : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void sameModels();
    void changedModels();
    void databaseBehindTheHeads();
    void noTargetMetadata();
    void importFailsInEnvScript();
    void interpreterWithoutAlembic();
    void flaskProjectWithoutFlaskApp();
    void flaskMigrateProject();

private:
    Run run(const QString &program, const QStringList &args, const QString &dir,
            const QStringList &variables = {}) const;
    Run cli(const QStringList &args, const QString &dir) const
    {
        return run(QStringLiteral(RETORT_CLI_PATH), args, dir);
    }
    Run alembic(const QStringList &args, const QString &dir) const
    {
        return run(QStringLiteral(RETORT_TEST_PYTHON), QStringList{u"-m"_s, u"alembic"_s} + args, dir);
    }
    /// A project whose models.py is InitialModels, its first revision (a1) made by autogenerate and applied.
    QString makeProject(const QString &name);
    QProcessEnvironment environment() const;

    QTemporaryDir m_dir;
    QString m_alembicVersion; ///< the oracle's, as `alembic --version` prints it
};

QProcessEnvironment TestCliModels::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LANG"_s, u"C.UTF-8"_s);
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
    env.remove(u"FLASK_APP"_s);
    env.remove(u"VIRTUAL_ENV"_s);
    return env;
}

Run TestCliModels::run(const QString &program, const QStringList &args, const QString &dir,
                       const QStringList &variables) const
{
    QProcess process;
    QProcessEnvironment env = environment();
    for (const QString &variable : variables)
        env.insert(variable.section(u'=', 0, 0), variable.section(u'=', 1));
    if (program != QStringLiteral(RETORT_CLI_PATH))
        env.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(dir);
    process.start(program, args);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000))
        process.kill();
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QString TestCliModels::makeProject(const QString &name)
{
    const QString dir = m_dir.filePath(name);
    if (!QDir().mkpath(dir))
        return {};
    const Run init = alembic({u"init"_s, u"migrations"_s}, dir);
    if (init.exitCode != 0) {
        qWarning("alembic init failed: %s", qPrintable(init.err));
        return {};
    }
    QString ini = readFile(dir + u"/alembic.ini"_s);
    ini.replace(QRegularExpression(u"^sqlalchemy.url = .*$"_s, QRegularExpression::MultilineOption),
                u"sqlalchemy.url = sqlite:///app.db"_s);
    QString env = readFile(dir + u"/migrations/env.py"_s);
    if (!env.contains(u"\ntarget_metadata = None\n"_s) || !env.contains(u"target_metadata=target_metadata\n"_s)) {
        qWarning("env.py is not alembic's generic template");
        return {};
    }
    env.replace(u"\ntarget_metadata = None\n"_s, u"\n"_s + QString::fromUtf8(ImportModels) + u"\n"_s);
    // alembic 1.8.1 compares types only when asked to (newer versions by default).
    env.replace(u"target_metadata=target_metadata\n"_s, u"target_metadata=target_metadata, compare_type=True\n"_s);
    if (!writeFile(dir + u"/alembic.ini"_s, ini) || !writeFile(dir + u"/migrations/env.py"_s, env) ||
        !writeFile(dir + u"/models.py"_s, QString::fromUtf8(InitialModels))) {
        return {};
    }
    const Run made = alembic({u"revision"_s, u"--autogenerate"_s, u"-m"_s, u"initial"_s, u"--rev-id"_s, u"a1"_s}, dir);
    if (made.exitCode != 0 || !made.err.contains(u"Detected added table 'users'"_s)) {
        qWarning("alembic revision --autogenerate failed: %s", qPrintable(made.err + made.out));
        return {};
    }
    const Run upgraded = alembic({u"upgrade"_s, u"head"_s}, dir);
    if (upgraded.exitCode != 0) {
        qWarning("alembic upgrade head failed: %s", qPrintable(upgraded.err));
        return {};
    }
    return dir;
}

void TestCliModels::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const Run version = alembic({u"--version"_s}, m_dir.path());
    QVERIFY2(version.exitCode == 0, qPrintable(u"%1 -m alembic cannot run: %2"_s.arg(QStringLiteral(RETORT_TEST_PYTHON),
                                                                                     version.err + version.out)));
    // "alembic 1.8.1" (Debian 12), "alembic 1.13.2" (Debian 13)
    m_alembicVersion = QString(version.out + version.err).trimmed().section(u" "_s, 1, 1);
    QVERIFY2(!m_alembicVersion.isEmpty(), qPrintable(version.out + version.err));
}

void TestCliModels::sameModels()
{
    const QString dir = makeProject(u"same"_s);
    QVERIFY(!dir.isEmpty());
    const QMap<QString, QByteArray> before = snapshot(dir);

    const Run text = cli({u"diff"_s, u"--against"_s, u"models"_s}, dir);
    QVERIFY2(text.exitCode == 0, qPrintable(text.err + text.out));
    QVERIFY2(text.out.contains(u"No differences."_s), qPrintable(text.out));
    QVERIFY2(text.out.contains(u"by alembic "_s + m_alembicVersion), qPrintable(text.out));

    const Run json = cli({u"diff"_s, u"--against"_s, u"models"_s, u"--json"_s}, dir);
    QVERIFY2(json.exitCode == 0, qPrintable(json.err + json.out));
    const QJsonObject object = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(object.value(u"against"_s).toString(), u"models"_s);
    QCOMPARE(object.value(u"differences"_s).toArray().size(), 0);
    QCOMPARE(object.value(u"distance"_s).toInt(-1), 0);
    QCOMPARE(strings(object.value(u"expected_rows"_s)), QStringList{u"a1"_s});
    QCOMPARE(strings(object.value(u"rows"_s)), QStringList{u"a1"_s});
    QVERIFY(object.value(u"url"_s).toString().startsWith(u"sqlite:///"_s));
    QCOMPARE(object.value(u"approximate"_s).toBool(true), false);

    // Nothing written: no bytecode, no version table change, no new file.
    QCOMPARE(snapshot(dir), before);
}

void TestCliModels::changedModels()
{
    const QString dir = makeProject(u"changed"_s);
    QVERIFY(!dir.isEmpty());
    QVERIFY(writeFile(dir + u"/models.py"_s, QString::fromUtf8(ChangedModels)));
    const QMap<QString, QByteArray> before = snapshot(dir);

    const Run json = cli({u"diff"_s, u"--against"_s, u"models"_s, u"--json"_s}, dir);
    QVERIFY2(json.exitCode == 1, qPrintable(json.err + json.out));
    QCOMPARE(snapshot(dir), before);
    const QJsonArray differences =
        QJsonDocument::fromJson(json.out.toUtf8()).object().value(u"differences"_s).toArray();
    QStringList got;
    for (const QJsonValue &v : differences) {
        const QJsonObject d = v.toObject();
        QStringList fields;
        for (const QString &key : {u"change"_s, u"severity"_s, u"table"_s, u"object"_s, u"name"_s, u"property"_s,
                                   u"expected"_s, u"actual"_s}) {
            fields.append(d.value(key).isNull() ? u"-"_s : d.value(key).toString());
        }
        got.append(fields.join(u'|'));
    }
    const QStringList expected{
        u"unexpected|error|legacy|table|-|-|-|-"_s,
        u"missing|error|posts|table|-|-|-|-"_s,
        u"missing|error|users|column|email|-|VARCHAR(120) NOT NULL|-"_s,
        u"changed|error|users|column|name|type|VARCHAR(80)|VARCHAR(50)"_s,
        u"changed|warning|users|column|name|nullable|NULL|NOT NULL"_s,
        u"missing|warning|users|index|ix_users_email|-|(email)|-"_s,
    };
    QCOMPARE(got, expected);

    const Run text = cli({u"diff"_s, u"--against"_s, u"models"_s}, dir);
    QCOMPARE(text.exitCode, 1);
    for (const QString &line :
         {u"+ table legacy"_s, u"- table posts"_s, u"- column users.email VARCHAR(120) NOT NULL"_s,
          u"~ column users.name: type VARCHAR(80) → VARCHAR(50)"_s, u"6 differences."_s}) {
        QVERIFY2(text.out.contains(line), qPrintable(line + u"\n"_s + text.out));
    }

    // The oracle: autogenerate itself detects the same six changes.
    const Run made = alembic({u"revision"_s, u"--autogenerate"_s, u"-m"_s, u"next"_s, u"--rev-id"_s, u"b2"_s}, dir);
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    QStringList detected;
    for (const QString &line : made.err.split(u'\n')) {
        if (line.contains(u"Detected "_s))
            detected.append(line.section(u"] "_s, 1));
    }
    detected.sort();
    const QStringList autogenerate{
        u"Detected NULL on column 'users.name'"_s,
        u"Detected added column 'users.email'"_s,
        // alembic 1.13 quotes the name twice and shows the columns as a tuple.
        m_alembicVersion.startsWith(u"1.8."_s) ? u"Detected added index 'ix_users_email' on '['email']'"_s
                                               : u"Detected added index ''ix_users_email'' on '('email',)'"_s,
        u"Detected added table 'posts'"_s,
        u"Detected removed table 'legacy'"_s,
        u"Detected type change from VARCHAR(length=50) to String(length=80) on 'users.name'"_s,
    };
    QCOMPARE(detected, autogenerate);
}

void TestCliModels::databaseBehindTheHeads()
{
    const QString dir = makeProject(u"behind"_s);
    QVERIFY(!dir.isEmpty());
    const Run made = alembic({u"revision"_s, u"-m"_s, u"later"_s, u"--rev-id"_s, u"b2"_s}, dir);
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    const QMap<QString, QByteArray> before = snapshot(dir);
    const Run result = cli({u"diff"_s, u"--against"_s, u"models"_s}, dir);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(u"Target database is not up to date"_s), qPrintable(result.err));
    QVERIFY2(result.err.contains(u"it is at a1 and the migrations' heads are b2"_s), qPrintable(result.err));
    QVERIFY2(result.err.contains(u"upgrade heads"_s) && result.err.contains(u"--against stamped"_s),
             qPrintable(result.err));
    QVERIFY(result.out.isEmpty());
    QCOMPARE(snapshot(dir), before);

    const Run json = cli({u"diff"_s, u"--against"_s, u"models"_s, u"--json"_s}, dir);
    QCOMPARE(json.exitCode, 2);
    QVERIFY(json.out.isEmpty());
}

void TestCliModels::noTargetMetadata()
{
    const QString dir = makeProject(u"nometadata"_s);
    QVERIFY(!dir.isEmpty());
    const QString envPath = dir + u"/migrations/env.py"_s;
    QString env = readFile(envPath);
    QVERIFY(env.contains(u"target_metadata = metadata"_s));
    env.replace(u"target_metadata = metadata"_s, u"target_metadata = None"_s);
    QVERIFY(writeFile(envPath, env));
    const Run result = cli({u"diff"_s, u"--against"_s, u"models"_s}, dir);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(envPath + u" sets target_metadata to None"_s), qPrintable(result.err));
    QVERIFY2(result.err.contains(u"Base.metadata"_s), qPrintable(result.err));
}

void TestCliModels::importFailsInEnvScript()
{
    const QString dir = makeProject(u"importerror"_s);
    QVERIFY(!dir.isEmpty());
    QVERIFY(writeFile(dir + u"/models.py"_s, u"import sqlalchemy as sa\nimport retort_no_such_module\n"_s));
    const Run result = cli({u"diff"_s, u"--against"_s, u"models"_s}, dir);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(u"ModuleNotFoundError: No module named 'retort_no_such_module'"_s),
             qPrintable(result.err));
    QVERIFY2(result.err.contains(dir + u"/models.py:2"_s), qPrintable(result.err));

    // Another exception: its last line and the line of env.py it came from.
    QVERIFY(writeFile(dir + u"/models.py"_s, u"metadata = None\n"_s));
    QString env = readFile(dir + u"/migrations/env.py"_s);
    env.replace(u"from models import metadata\n"_s,
                u"from models import metadata\nraise RuntimeError('no models')\n"_s);
    QVERIFY(writeFile(dir + u"/migrations/env.py"_s, env));
    const Run failed = cli({u"diff"_s, u"--against"_s, u"models"_s}, dir);
    QCOMPARE(failed.exitCode, 2);
    QVERIFY2(failed.err.contains(u"RuntimeError: no models"_s), qPrintable(failed.err));
    QVERIFY2(
        failed.err.contains(QRegularExpression(QRegularExpression::escape(dir + u"/migrations/env.py:"_s) + u"\\d+"_s)),
        qPrintable(failed.err));
}

void TestCliModels::interpreterWithoutAlembic()
{
    const QString dir = makeProject(u"nopython"_s);
    QVERIFY(!dir.isEmpty());
    // The interpreter without its site-packages: it runs, and has no alembic.
    const QString fake = m_dir.filePath(u"python-without-alembic"_s);
    QVERIFY(writeFile(fake, u"#!/bin/sh\nexec " RETORT_TEST_PYTHON " -S \"$@\"\n"_s));
    QVERIFY(QFile::setPermissions(fake, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    const Run result = cli({u"diff"_s, u"--against"_s, u"models"_s, u"--python"_s, fake}, dir);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(fake + u" cannot import alembic"_s), qPrintable(result.err));
}

void TestCliModels::flaskProjectWithoutFlaskApp()
{
    const QString dir = makeProject(u"flask"_s);
    QVERIFY(!dir.isEmpty());
    QString env = readFile(dir + u"/migrations/env.py"_s);
    env.replace(u"from alembic import context\n"_s, u"from alembic import context\nfrom flask import current_app\n"_s);
    QVERIFY(writeFile(dir + u"/migrations/env.py"_s, env));
    const Run result = cli({u"diff"_s, u"--against"_s, u"models"_s}, dir);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(u"FLASK_APP"_s) && result.err.contains(u"Flask-Migrate"_s), qPrintable(result.err));
}

void TestCliModels::flaskMigrateProject()
{
    // A Flask-SQLAlchemy app with Flask-Migrate, made and migrated by flask db itself.
    const QString dir = m_dir.filePath(u"flaskapp"_s);
    QVERIFY(QDir().mkpath(dir));
    const QString app = u"import os\n"
                        "from flask import Flask\n"
                        "from flask_migrate import Migrate\n"
                        "from flask_sqlalchemy import SQLAlchemy\n"
                        "app = Flask(__name__)\n"
                        "app.config['SQLALCHEMY_DATABASE_URI'] = os.environ['DATABASE_URL']\n"
                        "db = SQLAlchemy(app)\n"
                        "migrate = Migrate(app, db)\n"
                        "class User(db.Model):\n"
                        "    id = db.Column(db.Integer, primary_key=True)\n"
                        "    name = db.Column(db.String(50))\n"_s;
    QVERIFY(writeFile(dir + u"/app.py"_s, app));
    const QString url = u"sqlite:///"_s + dir + u"/app.db"_s;
    const QStringList variables{u"DATABASE_URL="_s + url};
    const QStringList flask{u"-m"_s, u"flask"_s, u"--app"_s, u"app"_s, u"db"_s};
    for (const QStringList &command :
         {QStringList{u"init"_s}, QStringList{u"migrate"_s, u"-m"_s, u"users"_s}, QStringList{u"upgrade"_s}}) {
        const Run step = run(QStringLiteral(RETORT_TEST_PYTHON), flask + command, dir, variables);
        QVERIFY2(step.exitCode == 0, qPrintable(command.join(u' ') + u": "_s + step.err + step.out));
    }
    const QStringList diff{u"-c"_s,    u"migrations/alembic.ini"_s, u"diff"_s, u"--url"_s, url, u"--against"_s,
                           u"models"_s};
    const Run same = run(QStringLiteral(RETORT_CLI_PATH), diff, dir, variables + QStringList{u"FLASK_APP=app"_s});
    QVERIFY2(same.exitCode == 0, qPrintable(same.err + same.out));
    QVERIFY(writeFile(dir + u"/app.py"_s, app + u"    email = db.Column(db.String(20))\n"_s));
    const Run changed = run(QStringLiteral(RETORT_CLI_PATH), diff, dir, variables + QStringList{u"FLASK_APP=app"_s});
    QVERIFY2(changed.exitCode == 1, qPrintable(changed.err + changed.out));
    QVERIFY2(changed.out.contains(u"- column user.email VARCHAR(20)\n"_s), qPrintable(changed.out));
    QVERIFY2(changed.out.contains(u"1 difference."_s), qPrintable(changed.out));
}

QTEST_GUILESS_MAIN(TestCliModels)
#include "tst_climodels.moc"
