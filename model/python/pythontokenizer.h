// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "diagnostic.h"

#include <QByteArray>
#include <QList>
#include <QString>

/// One token of Python source, positioned like CPython's `tokenize` module does it.
struct PyToken
{
    enum class Type
    {
        Name,
        Number,
        String,
        Op,
        Newline,
        Indent,
        Dedent,
        Comment,
        NL,
        EndMarker,
        Error
    };

    Type type = Type::Error;
    QStringView text;  ///< the raw source text, a view into the tokenized source (keep it alive)
    int line = 0;      ///< 1-based
    int column = 0;    ///< 0-based, in UTF-16 code units
    int endLine = 0;   ///< 1-based line of the last character
    int endColumn = 0; ///< 0-based column just after the last character
    int offset = 0;    ///< index of the first character in the tokenized source
    int endOffset = 0; ///< index just after the last character
};

/// Splits Python source into tokens without executing anything.
///
/// How it works: one pass over the text, like CPython's tokenizer. At the start of every logical
/// line outside brackets the indentation (tabs to multiples of 8, cross-checked with tabs as one
/// column to catch inconsistent tabs) is compared with a stack of open levels to produce
/// Indent/Dedent tokens; inside (), [] and {} line breaks are NL tokens and indentation is ignored.
/// Problems never stop the scan: an unterminated string becomes an Error token up to the end of its
/// line (or the file, for triple quotes), an indentation that matches no outer level replaces the
/// innermost level, and a line starting with `def` or `class` inside unclosed brackets closes them.
/// Each problem becomes a "syntax-error" Diagnostic naming the file and line.
class PythonTokenizer
{
public:
    /// Decodes source bytes the way Python does: a UTF-8 BOM, or a PEP 263 coding cookie on line 1
    /// or 2 (utf-8, latin-1/iso-8859-1, ascii, cp1252/windows-1252), else UTF-8. Undecodable bytes
    /// become U+FFFD and a Diagnostic ("non-utf8" for UTF-8) names the first bad line.
    static QString decode(const QByteArray &bytes, const QString &fileName, Diagnostics *diagnostics);

    explicit PythonTokenizer(const QString &source, const QString &fileName = {});

    /// Always ends with an EndMarker token; Indent and Dedent tokens are balanced. The tokens' text
    /// views the string given to the constructor: keep it alive while they are used.
    QList<PyToken> tokenize();
    const Diagnostics &diagnostics() const { return m_diagnostics; }

private:
    QString m_source;
    QString m_fileName;
    Diagnostics m_diagnostics;
};

/// Python's reserved words (`keyword.kwlist` without True/False/None), for the parser and the
/// source view's highlighter alike.
bool isPythonKeyword(QStringView word);
