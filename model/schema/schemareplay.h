// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "schema/schema.h"

#include <QList>
#include <QString>

struct RevisionScript;

/// A statement of a migration that the replay could not follow: what comes after it is approximate.
struct ReplayNote
{
    QString revision;
    QString file;
    int line = 0;
    QString statement; ///< the source, on one line
    QString reason;    ///< translated: what Retort could not interpret, and what it did instead
};

/// The schema the migrations create, worked out without a database: each revision's parsed
/// `upgrade()` applied, op by op, to a Schema value, the way alembic and SQLAlchemy 1.4 would do it
/// on one dialect (its DDL types, the names the database gives unnamed constraints, batch mode's
/// table copy on SQLite).
///
/// How it works: statements are walked in order. `op.*` calls and `with op.batch_alter_table(…) as
/// b:` blocks change the schema; local names bound by plain assignments (a type, a column list, an
/// enum) are substituted where they are used. What cannot be known statically (`op.execute`, `if`,
/// loops, calls to helper functions, types that are not SQLAlchemy's) becomes a ReplayNote and the
/// replay goes on: the result is then marked approximate, never silently wrong.
class SchemaReplay
{
public:
    explicit SchemaReplay(SqlDialect dialect);

    /// Applies @p script's `upgrade()`; @p script.revision names the notes.
    void apply(const RevisionScript &script);

    const Schema &schema() const { return m_schema; }
    const QList<ReplayNote> &notes() const { return m_notes; }
    bool isApproximate() const { return !m_notes.isEmpty(); }

private:
    friend class OpInterpreter;
    Schema m_schema;
    QList<ReplayNote> m_notes;
};
