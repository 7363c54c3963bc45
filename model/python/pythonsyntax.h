// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "diagnostic.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

/// A parsed Python expression. Only what migration files use at module level and in op.* calls is
/// understood; anything else becomes Kind::Unknown with its source text kept.
struct PyExpr
{
    enum class Kind
    {
        None,
        Bool,
        Int,
        Float,
        String,
        Bytes,
        Tuple,
        List,
        Set,
        Dict,
        Name,
        Attribute,
        Call,
        Subscript,
        Unknown
    };

    Kind kind = Kind::Unknown;
    /// String/bytes: the decoded value; Name: the identifier; Attribute: the attribute name;
    /// Int/Float: the literal text; Bool: "True"/"False"; Call/Subscript/Unknown: empty.
    QString text;
    /// Tuple/List/Set: the elements. Dict: key, value, key, value… Attribute: [object].
    /// Call: [callee, positional arguments…]. Subscript: [object, index].
    QList<PyExpr> items;
    /// Call keyword arguments in source order; `**x` has an empty name.
    QList<QPair<QString, PyExpr>> keywords;
    int line = 0;   ///< 1-based line of the first token
    int column = 0; ///< 0-based column of the first token
    QString source; ///< the original source text of the whole expression, joined onto one line

    bool isLiteral() const; ///< None/bool/number/string, or a container of literals only
    bool isString() const { return kind == Kind::String; }
    /// "op.add_column" for Attribute/Name chains, the callee's dotted name for a Call; empty otherwise.
    QString dottedName() const;
};

struct PyAssignment
{
    QString target;     ///< a plain name; other targets (a.b = …, a, b = …) are not recorded
    QString annotation; ///< source text of the annotation, empty when none
    PyExpr value;
    int line = 0;
};

/// One name bound by a module-level `import` or `from … import` statement.
struct PyImport
{
    /// The module imported from, dotted, with leading dots for relative imports: `import a.b as c` and
    /// `from a.b import c` both give "a.b"; `import a.b` (which binds `a`) gives "a".
    QString module;
    QString name;    ///< `from m import name`: the imported attribute or submodule; empty for `import m`
    QString boundAs; ///< the module-level name the statement binds
    int line = 0;
};

/// One statement of a function body, with the blocks it opens, as far as the schema replay needs
/// them: calls, assignments to a name, `with x as y:` blocks; everything else by its keyword only.
struct PyStatement
{
    enum class Kind
    {
        Call,       ///< an expression statement that is a call: `expr`
        Assignment, ///< `target = expr` (a plain name; other targets are Other)
        With,       ///< `with expr as target:` (one item), then `body`
        Block,      ///< if/elif/else/for/while/try/except/finally/with of several items, then `body`
        Other       ///< any other statement (`keyword` is its first word, e.g. "return", "del", "x")
    };
    Kind kind = Kind::Other;
    int line = 0;
    QString keyword; ///< With/Block: the header's keyword; Other: its first token
    PyExpr expr;
    QString target;
    QList<PyStatement> body;
};

struct PyFunction
{
    QString name;
    int firstLine = 0; ///< the `def` line (decorators excluded)
    int lastLine = 0;  ///< last line of the body
    QString docstring;
    /// Every call that stands as an expression statement in the body, at any nesting depth of
    /// if/for/with blocks, in source order (e.g. `op.add_column(...)`, `op.execute(...)`).
    QList<PyExpr> calls;
    /// The body statement by statement (docstring, `pass` and `...` left out), blocks nested.
    QList<PyStatement> statements;
    /// Statements of the body itself (not of nested blocks) other than its docstring, `pass` and
    /// `...`: 0 for a body that does nothing.
    int bodyStatements = 0;
    /// A `raise` among those statements: the function raises whatever it did before.
    bool alwaysRaises = false;
};

struct PyModule
{
    QString docstring;
    int docstringLine = 0;
    QList<PyAssignment> assignments; ///< module-level only, in source order (later ones win)
    QList<PyFunction> functions;     ///< module-level `def`s
    QList<PyImport> imports;         ///< module-level imports, in source order; `*` imports are not listed
    bool hasStarImport = false;      ///< `from m import *` at module level binds names nobody can list
    /// Names that module-level code other than plain assignments and imports may rebind or change,
    /// with the first line where it does: assignments inside `if`/`for`/`try` blocks, augmented and
    /// subscript assignments, method calls (`depends_on.append(x)`), `del`, loop and `as` targets.
    /// A plain assignment to such a name may not be its final value. Reading a name is not a change.
    QHash<QString, int> namesTouchedElsewhere;
    Diagnostics diagnostics; ///< tokenizer and parser problems, each with file and line

    const PyAssignment *assignment(const QString &name) const; ///< the last one, or nullptr
    const PyImport *import(const QString &boundName) const;    ///< the last one binding it, or nullptr
    const PyFunction *function(const QString &name) const;
};
