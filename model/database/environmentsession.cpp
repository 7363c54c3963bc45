// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "database/environmentsession.h"

#include "database/databasejobs.h"
#include "database/databaseurl.h"
#include "database/passwordprovider.h"
#include "project/project.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QProcessEnvironment>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(EnvironmentSession)
};

} // namespace

EnvironmentSession::EnvironmentSession(PasswordProvider *passwords, QObject *parent)
    : QObject(parent)
    , m_passwords(passwords)
{
    connect(m_passwords, &PasswordProvider::lookedUp, this, [this](const QString &key, bool) {
        for (int i = 0; i < m_environments.size(); ++i) {
            const QString name = m_environments.at(i).name;
            if (passwordKey(name) == key && m_waitingForKey.contains(name))
                refresh(i, m_waitingForKey.take(name));
        }
    });
}

void EnvironmentSession::open(const Project *project)
{
    m_project = project;
    m_envScript = EnvScript::read(project->config());
    m_lookedUp.clear();
    m_waitingForKey.clear();
    m_environments = EnvironmentStore::load(EnvironmentStore::projectKey(project->config()));
    m_implicit = m_environments.isEmpty() && !project->config().sqlalchemyUrl.isEmpty();
    if (m_implicit) {
        Environment config;
        config.name = Tr::tr("config");
        m_environments.append(config);
    }
    resetStates();
    m_active = m_environments.isEmpty() ? -1 : 0;
    for (int i = 0; i < m_environments.size(); ++i)
        refresh(i, false);
    lookUpSecretVariables();
    emit changed();
}

void EnvironmentSession::historyChanged()
{
    for (int i = 0; i < m_states.size(); ++i) {
        State &state = m_states[i];
        if (!state.read)
            continue;
        state.summary = EnvironmentSummary::compute(m_project->map(), state.summary.rows, versionTable(i));
        // Other migrations give another expected schema; a check still running has the old one.
        state.drift.reset();
        state.checkingDrift = false;
        checkDrift(i);
    }
    emit changed();
}

void EnvironmentSession::close()
{
    m_project = nullptr;
    m_environments.clear();
    resetStates();
    m_active = -1;
    emit changed();
}

const EnvironmentStatus *EnvironmentSession::status(int index) const
{
    if (index < 0 || index >= m_states.size() || !m_states.at(index).read)
        return nullptr;
    return &m_states.at(index).summary.status;
}

void EnvironmentSession::setActiveIndex(int index)
{
    if (index < -1 || index >= m_environments.size())
        return;
    m_active = index;
    emit changed();
}

VersionTableName EnvironmentSession::versionTable(int index) const
{
    return m_environments.at(index).versionTableName(m_envScript.versionTable);
}

QString EnvironmentSession::color(int index) const
{
    const QString own = m_environments.at(index).color;
    if (!own.isEmpty())
        return own;
    return defaultColor(index);
}

QString EnvironmentSession::defaultColor(int index)
{
    static const char *const palette[] = {"#2e7d32", "#ef6c00", "#c62828", "#6a1b9a", "#00838f", "#5d4037"};
    return QString::fromLatin1(palette[index % int(std::size(palette))]);
}

QString EnvironmentSession::passwordKey(const QString &environment) const
{
    return EnvironmentStore::projectKey(m_project->config()) + u'#' + environment;
}

QString EnvironmentSession::variableKey(const QString &environment, const QString &variable) const
{
    return passwordKey(environment) + u"#variable#"_s + variable;
}

void EnvironmentSession::lookUpSecretVariables()
{
    for (const Environment &environment : std::as_const(m_environments)) {
        for (const QString &variable : environment.variables) {
            const QString key = variableKey(environment.name, variable);
            if (!variable.contains(u'=') && !m_lookedUp.contains(key)) {
                m_lookedUp.insert(key);
                m_passwords->lookUp(key);
            }
        }
    }
}

void EnvironmentSession::keepSecretValues(const QList<Environment> &environments)
{
    for (const Environment &environment : environments) {
        for (const QString &variable : environment.variables) {
            const qsizetype equals = variable.indexOf(u'=');
            if (equals > 0 && isSecretVariable(variable.left(equals), variable.mid(equals + 1)))
                m_passwords->store(variableKey(environment.name, variable.left(equals)), variable.mid(equals + 1));
        }
    }
}

QStringList EnvironmentSession::runVariables(int index) const
{
    const Environment &environment = m_environments.at(index);
    QStringList variables;
    for (const QString &variable : environment.variables) {
        const QString value =
            variable.contains(u'=') ? QString() : m_passwords->cached(variableKey(environment.name, variable));
        variables.append(value.isNull() ? variable : variable + u'=' + value);
    }
    return variables;
}

EnvironmentSession::UrlAnswer EnvironmentSession::resolveUrl(int index, bool askForPassword, QString *url)
{
    const Environment &environment = m_environments.at(index);
    const QString key = passwordKey(environment.name);
    const QProcessEnvironment system = QProcessEnvironment::systemEnvironment();
    const Result<QString> resolved = environment.resolvedUrl(m_project->config(), system, m_passwords->cached(key));
    if (!resolved) {
        m_states[index].error = resolved.error();
        return UrlAnswer::Unavailable;
    }
    const Result<DatabaseUrl> parsed = DatabaseUrl::parseSyntax(resolved.value());
    if (!parsed || !parsed->needsPassword()) {
        *url = resolved.value();
        return UrlAnswer::Ready;
    }
    if (!m_lookedUp.contains(key)) {
        m_lookedUp.insert(key);
        m_waitingForKey.insert(environment.name, askForPassword);
        m_states[index].reading = true; // before the lookup, which may answer at once
        m_passwords->lookUp(key);
        return UrlAnswer::Waiting;
    }
    if (!askForPassword) {
        m_states[index].error = Tr::tr("Needs a password: click Refresh to enter it.");
        return UrlAnswer::Unavailable;
    }
    const std::optional<QString> password = m_passwords->ask(environment.name, parsed->toString());
    if (!password)
        return UrlAnswer::Declined;
    m_passwords->store(key, *password);
    *url = environment.resolvedUrl(m_project->config(), system, *password).value();
    return UrlAnswer::Ready;
}

void EnvironmentSession::refresh(int index, bool askForPassword)
{
    if (index < 0 || index >= m_environments.size())
        return;
    QString url;
    const UrlAnswer answer = resolveUrl(index, askForPassword, &url);
    if (answer == UrlAnswer::Waiting) {
        emit changed();
        return;
    }
    State &state = m_states[index];
    if (answer == UrlAnswer::Declined) {
        state.reading = false; // it may have waited for the lookup
        emit changed();
        return;
    }
    if (answer == UrlAnswer::Unavailable) {
        state.read = false;
        state.reading = false;
        emit changed();
        emit environmentRead(index, false);
        return;
    }
    state.reading = true;
    const int generation = state.generation = ++m_lastGeneration;
    const VersionTableName table = versionTable(index);
    auto *watcher = new QFutureWatcher<Result<DatabaseJobs::TableRead>>(this);
    connect(watcher, &QFutureWatcher<Result<DatabaseJobs::TableRead>>::finished, this,
            [this, watcher, index, generation, table] {
                watcher->deleteLater();
                if (index >= m_states.size() || m_states.at(index).generation != generation)
                    return; // a newer read, or the project changed
                const Result<DatabaseJobs::TableRead> outcome = watcher->result();
                State &current = m_states[index];
                current.reading = false;
                current.read = outcome.ok();
                current.error = outcome.error();
                current.displayUrl = outcome ? outcome->displayUrl : QString();
                if (outcome) {
                    current.summary = EnvironmentSummary::compute(m_project->map(), outcome->rows, table);
                    current.readAt = QDateTime::currentDateTime();
                }
                emit changed();
                emit environmentRead(index, outcome.ok());
                if (outcome && index < m_states.size() && m_states.at(index).generation == generation) {
                    const State &now = m_states.at(index);
                    if (!now.drift || now.drift->rows != now.summary.rows.rows ||
                        now.driftCheckedAt.secsTo(QDateTime::currentDateTime()) > DriftRecheckSeconds)
                        checkDrift(index);
                }
            });
    watcher->setFuture(DatabaseJobs::read(url, m_project->config().configDirectory(), table));
    emit changed();
}

const SchemaDrift *EnvironmentSession::drift(int index) const
{
    if (index < 0 || index >= m_states.size())
        return nullptr;
    const State &state = m_states.at(index);
    if (!state.read || !state.drift || state.drift->rows != state.summary.rows.rows)
        return nullptr;
    return &*state.drift;
}

void EnvironmentSession::checkDrift(int index)
{
    if (!m_project || index < 0 || index >= m_states.size() || m_states.at(index).checkingDrift ||
        !m_project->map().isConsistent())
        return;
    QString url;
    if (resolveUrl(index, false, &url) != UrlAnswer::Ready)
        return;
    State &state = m_states[index];
    state.checkingDrift = true;
    const int generation = state.driftGeneration = ++m_lastGeneration;
    auto *watcher = new QFutureWatcher<Result<SchemaDrift>>(this);
    connect(watcher, &QFutureWatcher<Result<SchemaDrift>>::finished, this, [this, watcher, index, generation] {
        watcher->deleteLater();
        if (index >= m_states.size() || m_states.at(index).driftGeneration != generation)
            return; // the project or the environments changed meanwhile
        State &current = m_states[index];
        current.checkingDrift = false;
        const Result<SchemaDrift> outcome = watcher->result();
        // A database that cannot be inspected keeps no verdict; the read says what is wrong with it.
        if (!outcome || !outcome->compared()) {
            current.drift.reset();
        } else {
            current.drift = outcome.value();
            current.driftCheckedAt = QDateTime::currentDateTime();
        }
        emit changed();
        emit driftChecked(index);
    });
    watcher->setFuture(
        DatabaseJobs::checkDrift(url, m_project->config().configDirectory(), versionTable(index), *m_project));
}

void EnvironmentSession::noteDrift(int index, const SchemaDrift &drift)
{
    if (index < 0 || index >= m_states.size() || !drift.compared())
        return;
    State &state = m_states[index];
    state.drift = drift;
    state.driftCheckedAt = QDateTime::currentDateTime();
    emit changed();
}

void EnvironmentSession::resetStates()
{
    // Generations are unique in the session, so that answers of reads still running are dropped.
    m_states = QList<State>(m_environments.size());
    for (State &state : m_states)
        state.generation = state.driftGeneration = ++m_lastGeneration;
}

void EnvironmentSession::reload(const QString &active)
{
    m_environments = EnvironmentStore::load(EnvironmentStore::projectKey(m_project->config()));
    m_implicit = false;
    resetStates();
    m_active = m_environments.isEmpty() ? -1 : 0;
    for (int i = 0; i < m_environments.size(); ++i) {
        if (m_environments.at(i).name == active)
            m_active = i;
    }
}

bool EnvironmentSession::save(const Environment &environment, const QString &password, int replacing, QString *error)
{
    QList<Environment> environments = m_environments;
    if (m_implicit && replacing < 0) {
        // The config's own database stays beside the new one: saved with no URL, it keeps using the config's.
        environments = {m_environments.value(0)};
    } else if (m_implicit) {
        environments.clear();
        replacing = -1;
    }
    QString renamedFrom;
    if (replacing >= 0 && replacing < environments.size()) {
        if (environments.at(replacing).name != environment.name)
            renamedFrom = environments.at(replacing).name;
        environments[replacing] = environment;
    } else {
        environments.append(environment);
    }
    keepSecretValues(environments);
    const Result<bool> saved = EnvironmentStore::save(EnvironmentStore::projectKey(m_project->config()), environments);
    if (!saved) {
        if (error)
            *error = saved.error();
        return false;
    }
    if (!renamedFrom.isEmpty())
        moveSecrets(renamedFrom, environment);
    if (!password.isEmpty())
        m_passwords->store(passwordKey(environment.name), password);
    reload(environment.name);
    for (int i = 0; i < m_environments.size(); ++i)
        refresh(i, i == m_active);
    emit changed();
    return true;
}

void EnvironmentSession::moveSecrets(const QString &from, const Environment &to)
{
    // Only what is known moves: an entry not looked up yet stays, and the user is asked again.
    const auto move = [this](const QString &oldKey, const QString &newKey) {
        const QString value = m_passwords->cached(oldKey);
        if (value.isNull())
            return;
        m_passwords->store(newKey, value);
        m_passwords->forget(oldKey);
    };
    move(passwordKey(from), passwordKey(to.name));
    for (const QString &variable : to.variables) {
        if (!variable.contains(u'='))
            move(variableKey(from, variable), variableKey(to.name, variable));
    }
}

void EnvironmentSession::remove(int index)
{
    if (index < 0 || index >= m_environments.size() || m_implicit)
        return;
    QList<Environment> environments = m_environments;
    m_passwords->forget(passwordKey(environments.at(index).name));
    for (const QString &variable : environments.at(index).variables) {
        if (!variable.contains(u'=')) // a secret's name; the keychain holds its value
            m_passwords->forget(variableKey(environments.at(index).name, variable));
    }
    environments.removeAt(index);
    keepSecretValues(environments);
    EnvironmentStore::save(EnvironmentStore::projectKey(m_project->config()), environments);
    m_environments = environments;
    m_states.removeAt(index);
    if (index < m_active)
        --m_active; // the same environment stays active
    m_active = m_environments.isEmpty() ? -1 : std::min<int>(m_active, m_environments.size() - 1);
    // A read still running was started for another index: read those again.
    for (int i = index; i < m_states.size(); ++i) {
        if (m_states.at(i).reading)
            refresh(i, false);
    }
    emit changed();
}

QString EnvironmentSession::connectionUrl(int index)
{
    if (index < 0 || index >= m_environments.size())
        return {};
    QString url;
    return resolveUrl(index, true, &url) == UrlAnswer::Ready ? url : QString();
}

std::optional<SqlDialect> EnvironmentSession::dialect(int index) const
{
    if (!m_project || index < 0 || index >= m_environments.size())
        return std::nullopt;
    const Result<QString> resolved =
        m_environments.at(index).resolvedUrl(m_project->config(), QProcessEnvironment::systemEnvironment());
    if (!resolved)
        return std::nullopt;
    const Result<DatabaseUrl> parsed = DatabaseUrl::parseSyntax(resolved.value());
    return parsed ? parsed->sqlDialect() : std::nullopt;
}

void EnvironmentSession::stamp(int index, int generation, const MigrationPlan &plan, bool purge)
{
    if (index < 0 || index >= m_states.size() || m_states.at(index).generation != generation)
        return; // the environments changed while the preview was open
    const QString url = connectionUrl(index);
    if (url.isEmpty())
        return;
    auto *watcher = new QFutureWatcher<Result<QStringList>>(this);
    connect(watcher, &QFutureWatcher<Result<QStringList>>::finished, this,
            [this, watcher, project = m_project, name = m_environments.at(index).name] {
                watcher->deleteLater();
                const Result<QStringList> outcome = watcher->result();
                // The list may have changed meanwhile: the environment is found again by name.
                int now = -1;
                for (int i = 0; project == m_project && i < m_environments.size(); ++i) {
                    if (m_environments.at(i).name == name)
                        now = i;
                }
                if (now >= 0)
                    refresh(now, false);
                emit stampFinished(now, outcome.ok(), outcome ? outcome->join(u", "_s) : outcome.error());
            });
    watcher->setFuture(
        DatabaseJobs::stamp(url, m_project->config().configDirectory(), versionTable(index), plan, purge));
}
