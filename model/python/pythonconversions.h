// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QChar>
#include <QString>
#include <QStringList>

#include <optional>

/// Python's and SQLAlchemy's readings of text values, where Retort must read a config or URL value
/// exactly as alembic would.

/// Python's `int(text)`: surrounding whitespace, a sign, any Unicode decimal digits, single underscores between
/// digits. nullopt where `int()` raises ValueError; huge values saturate.
std::optional<qint64> pythonInt(const QString &text);
/// Python's `float(text)` for the plain forms (no hex, no underscores); nullopt where it raises.
std::optional<double> pythonFloat(const QString &text);
/// Python's `str.splitlines()`: breaks at \n, \r, \r\n, \v, \f, \x1c–\x1e, \x85, U+2028 and U+2029,
/// with no empty item after a final break.
QStringList pythonSplitLines(const QString &text);
/// SQLAlchemy's `util.asbool` on a string; nullopt where it raises.
std::optional<bool> sqlalchemyBool(const QString &text);
/// The value of a hexadecimal digit, or -1.
int hexDigitValue(QChar c);
