// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "database/environment.h"
#include "database/environmentsummary.h"
#include "database/sqldialect.h"
#include "project/envscript.h"
#include "schema/schemadrift.h"

#include <QDateTime>

#include <QHash>
#include <QObject>
#include <QSet>

#include <optional>

class PasswordProvider;
class Project;
struct MigrationPlan;

/// The open project's databases: its environments (or the config's sqlalchemy.url standing in for
/// them), their URLs with passwords filled in, the reads and writes of their version tables off the
/// GUI thread, and where each one stands. Views render its summaries and call it; they decide nothing.
///
/// How it works: every read gets a generation, unique in the session, that its environment keeps; a
/// job's answer is used only while its environment still has it, so a slow read never overwrites a
/// newer one, nor lands in an environment list that changed meanwhile. A password the URL leaves out is looked up in
/// the provider once per session (asynchronously: the read starts again when it answers), then asked for only when the
/// user asked for the read.
class EnvironmentSession : public QObject
{
    Q_OBJECT
public:
    /// What is known of one environment now.
    struct State
    {
        bool read = false;    ///< rows were read (and may be shown) …
        bool reading = false; ///< … and are being read again
        int generation = 0;
        QString error;      ///< why the last read failed
        QString displayUrl; ///< masked
        QDateTime readAt;   ///< when the rows were read
        EnvironmentSummary summary;
        /// The live schema against the one the migrations give at the rows, as last checked (see drift()).
        std::optional<SchemaDrift> drift;
        QDateTime driftCheckedAt;
        bool checkingDrift = false;
        int driftGeneration = 0;
    };

    /// @p passwords must outlive the session.
    explicit EnvironmentSession(PasswordProvider *passwords, QObject *parent = nullptr);

    /// Loads @p project's environments and starts reading them; @p project must outlive the session
    /// or the next open(). Reads already running are ignored when they finish.
    void open(const Project *project);
    /// The project was read again: the rows stay, their meaning is computed anew.
    void historyChanged();
    void close();
    /// The open project, nullptr when none is.
    const Project *project() const { return m_project; }

    const QList<Environment> &environments() const { return m_environments; }
    /// Whether the only environment is the config's URL, not one the user saved.
    bool isImplicit() const { return m_implicit; }
    int activeIndex() const { return m_active; }
    void setActiveIndex(int index);
    const State &state(int index) const { return m_states.at(index); }
    /// Where environment @p index stands, once read (else nullptr).
    const EnvironmentStatus *status(int index) const;
    /// The version table of environment @p index: env.py's unless the environment names another.
    VersionTableName versionTable(int index) const;
    /// The environment's own colour, else one of a palette that runs from calm (dev) to alarming.
    QString color(int index) const;
    /// The colour environment @p index gets when it has none of its own (retort-cli's pictures too).
    static QString defaultColor(int index);

    /// Reads environment @p index's version rows again; with @p askForPassword the user may be asked.
    /// A read that succeeds checks the drift too, when the rows changed or the last check is older
    /// than DriftRecheckSeconds.
    void refresh(int index, bool askForPassword = true);

    static constexpr int DriftRecheckSeconds = 30;
    /// Environment @p index's drift when it was checked at the rows it has now, else nullptr.
    const SchemaDrift *drift(int index) const;
    /// Compares environment @p index's live schema with the one its migrations give at its rows, in
    /// the background, without asking for a password; driftChecked() follows when it was compared.
    void checkDrift(int index);
    /// A drift worked out elsewhere (the schema dialog) for environment @p index at its rows now.
    void noteDrift(int index, const SchemaDrift &drift);
    /// Adds or replaces (@p replacing; same name) an environment and saves them all; @p password is
    /// kept by the password provider only. On failure nothing changes and @p error says why.
    bool save(const Environment &environment, const QString &password = {}, int replacing = -1,
              QString *error = nullptr);
    void remove(int index);

    /// Environment @p index's variables for an alembic run, the secret ones with their values from
    /// the password provider; a secret it has no value for stays `KEY` alone (and is not passed on).
    QStringList runVariables(int index) const;

    /// The URL of environment @p index with its password, for a write the user asked for; empty when
    /// there is none now (the user declined, or the error is in state(index).error).
    QString connectionUrl(int index);
    /// The kind of database environment @p index is, from its URL without asking for a password;
    /// nullopt when the URL cannot be resolved or names a dialect Retort does not open.
    std::optional<SqlDialect> dialect(int index) const;
    /// Writes @p plan (made from state(index).summary.rows) to environment @p index, unless its
    /// generation moved past @p generation; stampFinished() follows, then a new read.
    void stamp(int index, int generation, const MigrationPlan &plan, bool purge);

signals:
    /// Anything shown changed: an environment, a state, the active one.
    void changed();
    /// Environment @p index was read (or failed to be).
    void environmentRead(int index, bool ok);
    /// @p index is where the environment is now, -1 when it is gone.
    void stampFinished(int index, bool ok, const QString &message);
    /// Environment @p index's drift was checked (drift() has it) or could not be.
    void driftChecked(int index);

private:
    enum class UrlAnswer
    {
        Ready,
        Waiting,    ///< the provider is looking the password up; refresh() runs again
        Declined,   ///< the user declined to give a password
        Unavailable ///< state.error says why
    };
    UrlAnswer resolveUrl(int index, bool askForPassword, QString *url);
    QString passwordKey(const QString &environment) const;
    /// Where the provider keeps the value of secret variable @p variable of @p environment.
    QString variableKey(const QString &environment, const QString &variable) const;
    /// Asks the provider once per session for the secret variables' values, so that runs find them.
    void lookUpSecretVariables();
    /// Hands the values of secret variables in @p environments to the provider: the store keeps
    /// only their names (environments.ini files from before kept values in plain text).
    void keepSecretValues(const QList<Environment> &environments);
    /// Environment @p from was renamed to @p to: its password and secret variables follow it in the keychain.
    void moveSecrets(const QString &from, const Environment &to);
    void resetStates();
    void reload(const QString &active);

    PasswordProvider *m_passwords;
    const Project *m_project = nullptr;
    EnvScript m_envScript;
    QList<Environment> m_environments;
    QList<State> m_states;
    bool m_implicit = false;
    int m_active = -1;
    int m_lastGeneration = 0;
    QSet<QString> m_lookedUp;             ///< password keys already looked up this session
    QHash<QString, bool> m_waitingForKey; ///< environment name → whether to ask the user after
};
