// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QString>
#include <QStringList>

/// An error raised by Alembic's revision logic, kept with enough detail to word it the way the
/// alembic command that hit it would (see RevisionMap::commandMessage).
struct RevisionError
{
    enum class Kind
    {
        Resolution,
        MultipleHeads,
        RangeNotAncestor,
        Other
    };
    Kind kind = Kind::Other;
    QString message;  ///< RevisionError's own text
    QString argument; ///< Resolution: the identifier; MultipleHeads: the argument
    QStringList heads;
    QString lower;
    QString upper;
};
