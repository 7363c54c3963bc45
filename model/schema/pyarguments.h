// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "python/pythonsyntax.h"

#include <QString>
#include <QStringList>

/// The arguments of a parsed call, looked up the way Python binds them: by position, else by keyword.
class PyArguments
{
public:
    explicit PyArguments(const PyExpr &call)
        : m_call(call)
    {}

    /// The argument at @p position (0-based, after the callee), or the keyword @p keyword; nullptr when neither.
    const PyExpr *get(int position, QStringView keyword = {}) const;
    const PyExpr *keyword(QStringView name) const { return get(-1, name); }
    int positionalCount() const { return int(m_call.items.size()) - 1; }
    const PyExpr &positional(int position) const { return m_call.items.at(position + 1); }
    /// `*args` or `**kwargs` among the arguments: what they bind cannot be known.
    bool hasStarArguments() const;

    /// A string argument (`op.f('x')` included); @p ok is false when present but not a string.
    QString string(int position, QStringView keyword = {}, bool *ok = nullptr) const;
    /// A list/tuple of strings, or one string as a one-item list; @p ok false for anything else.
    QStringList strings(int position, QStringView keyword = {}, bool *ok = nullptr) const;
    /// True/False; @p fallback when absent; @p ok false when present but not a literal.
    bool boolean(int position, QStringView keyword, bool fallback, bool *ok = nullptr) const;
    /// An integer literal, or @p fallback.
    int integer(int position, QStringView keyword, int fallback) const;

    /// The last part of a callee or name: `sa.String` → "String", `op.f` → "f".
    static QString lastName(const PyExpr &expr);
    /// The string a string literal or `op.f('x')`/`conv('x')`/`quoted_name('x', …)` stands for.
    static bool stringValue(const PyExpr &expr, QString *value);

private:
    const PyExpr &m_call;
};
