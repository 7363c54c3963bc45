// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

class Project;

/// The differential tests' side of tests/differential/alembic_oracle.py (protocol in README.md there):
/// running the oracle, Retort's answer to the same query, and the comparison with its deliberate
/// differences.
namespace AlembicOracle {

/// Runs the oracle on @p projects; @p pythonPath is added to PYTHONPATH (modules the revision files
/// import). Fills @p error and returns an empty array when the oracle cannot run: a test fails then.
QJsonArray answer(const QJsonArray &projects, QString *error, const QStringList &pythonPath = {});

/// Retort's answer to one oracle query, in the oracle's form.
QJsonObject retortAnswer(const Project &project, const QJsonObject &query);

/// Empty when Retort's @p got matches alembic's @p want for @p query, else what differs.
/// Deliberate differences: merge row operations (hash order) are not compared; where alembic has an
/// uncaught exception Retort must refuse too (or answer "base" where alembic choked on its own).
QString mismatch(const QJsonObject &query, const QJsonObject &want, const QJsonObject &got);

} // namespace AlembicOracle
