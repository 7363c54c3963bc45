// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "python/pythonsyntax.h"

#include <QByteArray>
#include <QString>

/// Reads the statement-level structure of a migration file: module docstring, module-level
/// assignments, and each module-level `def` with its line range, docstring and call statements.
/// Nothing is executed. Valid Python that is not interpreted is skipped silently; broken tokens
/// (unterminated strings, unbalanced brackets, bad indentation) become Diagnostics with file and line.
PyModule parsePythonModule(const QByteArray &bytes, const QString &fileName);
/// As parsePythonModule(), for already decoded text.
PyModule parsePythonSource(const QString &source, const QString &fileName);

/// Decodes the text of a Python string token: prefixes r/u/b/f and their combinations in any case,
/// single, double and triple quotes, escapes (\n \t \\ \' \" \a \b \f \v \r, octal, \xNN, \uNNNN,
/// \UNNNNNNNN; \N{...} is kept as written) and backslash-newline continuations. Line breaks inside
/// the literal become "\n". Bytes are returned one byte per QChar (Latin-1). An f-string yields its
/// template with escapes decoded and the braces untouched. Returns false if the literal is malformed.
bool decodePythonStringLiteral(QStringView tokenText, QString *value, bool *isBytes);
