// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QHash>
#include <QString>

class RevisionMap;

/// How the window and exported pictures show revision ids: whole when they are at most MaxLength
/// characters; a longer one as its shortest prefix that is unique in the project (at least
/// MinPrefix characters), marked with "…". Readable ids (`rocky_contract01`, `2024_1_expand01`)
/// stay whole, so two of them never read the same.
class DisplayIds
{
public:
    static constexpr int MaxLength = 24;
    static constexpr int MinPrefix = 12;

    DisplayIds() = default;
    explicit DisplayIds(const RevisionMap &map);

    /// @p id as shown; an id the map does not have is cut like a long one with no neighbours.
    QString operator()(const QString &id) const;
    /// The characters of the longest id shown, at least MinPrefix: what a card makes room for.
    int longest() const { return m_longest; }

private:
    QHash<QString, QString> m_shortened; ///< the ids longer than MaxLength → what is shown
    int m_longest = MinPrefix;
};

/// The first line of a revision's @p docstring (RevisionScript::longDoc) that says something: not
/// blank and not one of the header lines alembic's template writes (`Revision ID:`, `Revises:`,
/// `Create Date:`), which some projects put first. The first line when all are such.
QString docHeadline(const QString &docstring);
/// Whether @p line is one of the header lines of alembic's template (`Revision ID: …`).
bool isDocHeaderLine(const QString &line);
