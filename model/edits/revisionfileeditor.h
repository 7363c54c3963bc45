// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

/// Rewrites header values of one revision file and leaves every other byte as it was: only the
/// tokens of a value (`down_revision = ('a', 'b')` → `'a'`) or the rest of the docstring's
/// `Revises:` line change. Values are written the way alembic's template writes them (`None`, one
/// quoted id, a tuple), with the quote character the file already uses.
class RevisionFileEditor
{
public:
    /// Fails when the file is not UTF-8 (or plain ASCII under its coding declaration): re-encoding
    /// it could change bytes nobody asked to change.
    static Result<RevisionFileEditor> open(const QString &fileName, const QByteArray &bytes);

    /// Replaces the value of the last module-level assignment to @p name with @p ids: `None` when
    /// empty, `'x'` for one id, `('x', 'y')` for more; with @p tupleForOne a single id is `('x',)`
    /// (branch_labels). Fails when the variable is missing or its value is not a literal of strings.
    Result<bool> setHeader(const QString &name, const QStringList &ids, bool tupleForOne = false);
    /// Rewrites the docstring's `Revises:` line to @p ids joined by ", " (as alembic's template);
    /// true when there was such a line.
    bool setRevisesLine(const QStringList &ids);

    /// @p ids as alembic's template writes a header value: `None`, `'x'`, `('x', 'y')`; with
    /// @p tupleForOne a single id is `('x',)`.
    static QString pythonLiteral(const QStringList &ids, bool tupleForOne = false, QChar quote = u'\'');

    /// The file with the edits made so far.
    QByteArray bytes() const;

private:
    RevisionFileEditor() = default;
    QString m_fileName;
    QString m_source;
    bool m_bom = false;
    QChar m_quote = u'\'';
};
