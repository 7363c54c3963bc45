// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "schema/schemadiff.h"

#include "schema/schema.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <tuple>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(SchemaDiff)
};

using Change = SchemaDifference::Change;
using Severity = SchemaDifference::Severity;
using Kind = SqlDialect::Kind;

// ---- SQL texts: defaults, checks, predicates and index expressions, as token lists -------------

struct Token
{
    QString text;
    bool word = false; ///< a keyword, identifier, number or string literal (needs a space before another)
    bool string = false;
};

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'.' || c == u'$';
}

/// Upper-cased outside string literals; identifier quotes ("x", `x`) dropped; `::` kept as a token.
QList<Token> tokenize(QStringView sql)
{
    QList<Token> tokens;
    const qsizetype n = sql.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = sql[i];
        if (c.isSpace()) {
            ++i;
        } else if (c == u'\'') {
            qsizetype j = i + 1;
            while (j < n) {
                if (sql[j] == u'\'') {
                    if (j + 1 < n && sql[j + 1] == u'\'') {
                        j += 2;
                        continue;
                    }
                    ++j;
                    break;
                }
                ++j;
            }
            tokens.append({sql.mid(i, j - i).toString(), true, true});
            i = j;
        } else if (c == u'"' || c == u'`') {
            qsizetype j = sql.indexOf(c, i + 1);
            if (j < 0)
                j = n;
            tokens.append({sql.mid(i + 1, j - i - 1).toString().toUpper(), true, false});
            i = std::min(j + 1, n);
        } else if (isWordChar(c)) {
            qsizetype j = i;
            while (j < n && isWordChar(sql[j]))
                ++j;
            tokens.append({sql.mid(i, j - i).toString().toUpper(), true, false});
            i = j;
        } else if (c == u':' && i + 1 < n && sql[i + 1] == u':') {
            tokens.append({u"::"_s, false, false});
            i += 2;
        } else {
            tokens.append({QString(c), false, false});
            ++i;
        }
    }
    return tokens;
}

bool isPunct(const QList<Token> &tokens, qsizetype i, QStringView text)
{
    return i < tokens.size() && !tokens[i].word && tokens[i].text == text;
}

/// The index of the bracket closing the one at @p open, or -1.
qsizetype closingBracket(const QList<Token> &tokens, qsizetype open)
{
    const QString &opening = tokens[open].text;
    const QString closing = opening == u"(" ? u")"_s : u"]"_s;
    int depth = 0;
    for (qsizetype i = open; i < tokens.size(); ++i) {
        if (tokens[i].word)
            continue;
        if (tokens[i].text == opening)
            ++depth;
        else if (tokens[i].text == closing && --depth == 0)
            return i;
    }
    return -1;
}

/// PostgreSQL's casts (`'a'::character varying`, `(0)::numeric`, `'{}'::text[]`) say nothing the
/// column's type does not.
void removeCasts(QList<Token> &tokens)
{
    static const QStringList typeContinuations{u"VARYING"_s, u"PRECISION"_s, u"WITH"_s,
                                               u"WITHOUT"_s, u"TIME"_s,      u"ZONE"_s};
    for (qsizetype i = 0; i < tokens.size();) {
        if (!isPunct(tokens, i, u"::")) {
            ++i;
            continue;
        }
        qsizetype end = i + 1;
        if (end < tokens.size() && tokens[end].word && !tokens[end].string)
            ++end;
        while (end < tokens.size() && tokens[end].word && typeContinuations.contains(tokens[end].text))
            ++end;
        while (isPunct(tokens, end, u"(") || isPunct(tokens, end, u"[")) {
            const qsizetype close = closingBracket(tokens, end);
            if (close < 0)
                break;
            end = close + 1;
        }
        tokens.remove(i, end - i);
    }
}

void stripOuterParentheses(QList<Token> &tokens)
{
    while (tokens.size() >= 2 && isPunct(tokens, 0, u"(") && closingBracket(tokens, 0) == tokens.size() - 1) {
        tokens.removeLast();
        tokens.removeFirst();
    }
}

QString joined(const QList<Token> &tokens)
{
    QString text;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        if (i > 0 && tokens[i - 1].word && tokens[i].word)
            text += u' ';
        text += tokens[i].text;
    }
    return text;
}

bool isBooleanType(const SqlType &type)
{
    return type.name == u"BOOLEAN" || type.name == u"BOOL" || (type.name == u"TINYINT" && type.length == 1);
}

/// One spelling for a server default: no casts, outer parentheses, whitespace or case (outside
/// strings); quoted numbers unquoted; now() and CURRENT_TIMESTAMP() as CURRENT_TIMESTAMP; TRUE/FALSE
/// as 1/0 for MySQL's and SQLite's booleans; PostgreSQL's nextval() and an explicit NULL as none.
QString normalizedDefault(const QString &sql, SqlDialect dialect, bool boolean)
{
    static const QRegularExpression number(u"^'([+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?)'$"_s);
    QList<Token> tokens = tokenize(sql);
    removeCasts(tokens);
    stripOuterParentheses(tokens);
    if (tokens.isEmpty() || (tokens.size() == 1 && tokens[0].text == u"NULL") || tokens[0].text == u"NEXTVAL")
        return {};
    const bool numericBooleans = boolean && dialect.kind() != Kind::PostgreSQL;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        Token &token = tokens[i];
        if (token.string) {
            const QRegularExpressionMatch m = number.match(token.text);
            if (m.hasMatch())
                token = {m.captured(1).toUpper(), true, false};
        } else if (token.word && (token.text == u"NOW" || token.text == u"CURRENT_TIMESTAMP")) {
            token.text = u"CURRENT_TIMESTAMP"_s;
            if (isPunct(tokens, i + 1, u"(") && isPunct(tokens, i + 2, u")"))
                tokens.remove(i + 1, 2);
        } else if (numericBooleans && token.word && (token.text == u"TRUE" || token.text == u"FALSE")) {
            token.text = token.text == u"TRUE" ? u"1"_s : u"0"_s;
        }
    }
    return joined(tokens);
}

/// One spelling for a condition (a check, a partial index's predicate, an index expression): no
/// casts, parentheses, whitespace or case outside strings, no leading CHECK.
QString normalizedCondition(const QString &sql)
{
    QList<Token> tokens = tokenize(sql);
    removeCasts(tokens);
    if (!tokens.isEmpty() && tokens[0].word && !tokens[0].string && tokens[0].text == u"CHECK")
        tokens.removeFirst();
    tokens.removeIf([](const Token &t) { return !t.word && (t.text == u"(" || t.text == u")"); });
    return joined(tokens);
}

bool sameCondition(const QString &x, const QString &y)
{
    return x == y || normalizedCondition(x) == normalizedCondition(y);
}

/// MariaDB's own check on a JSON column stored as LONGTEXT: `json_valid(`data`)`.
bool isJsonValidCheck(const SchemaCheckConstraint &check)
{
    const QList<Token> tokens = tokenize(normalizedCondition(check.sqlText));
    return tokens.size() == 2 && tokens[0].text == u"JSON_VALID" && tokens[1].word && !tokens[1].string;
}

// ---- types ---------------------------------------------------------------------------------------

SqlType equivalenceForm(SqlDialect dialect, SqlType type)
{
    static const QStringList mysqlIntegers{u"TINYINT"_s, u"SMALLINT"_s, u"MEDIUMINT"_s, u"INTEGER"_s, u"BIGINT"_s};
    switch (dialect.kind()) {
    case Kind::MySQL:
        if (type.name == u"INT")
            type.name = u"INTEGER"_s;
        if (type.name == u"BOOLEAN" || type.name == u"BOOL") {
            type.name = u"TINYINT"_s;
            type.length = 1;
        }
        // Display widths (INT(11)) are gone since 8.0.19, except TINYINT(1) for booleans.
        if (mysqlIntegers.contains(type.name) && !(type.name == u"TINYINT" && type.length == 1))
            type.length = -1;
        // MariaDB stores JSON as LONGTEXT with a json_valid() check.
        if (type.name == u"JSON")
            type.name = u"LONGTEXT"_s;
        break;
    case Kind::PostgreSQL:
        if (type.name == u"SERIAL")
            type.name = u"INTEGER"_s;
        else if (type.name == u"BIGSERIAL")
            type.name = u"BIGINT"_s;
        else if (type.name == u"SMALLSERIAL")
            type.name = u"SMALLINT"_s;
        // A named enum's labels are the enum's difference, not every column's.
        if (type.name == u"ENUM" && !type.enumName.isEmpty())
            type.enumValues.clear();
        break;
    case Kind::SQLite:
        break;
    }
    return type;
}

bool sameType(SqlDialect dialect, const SqlType &expected, const SqlType &actual)
{
    return expected == actual || equivalenceForm(dialect, expected) == equivalenceForm(dialect, actual);
}

// ---- rendering -------------------------------------------------------------------------------------

QString parenthesized(const QStringList &columns)
{
    return u'(' + columns.join(u", "_s) + u')';
}

QString boolText(bool value)
{
    return value ? u"TRUE"_s : u"FALSE"_s;
}

QString renderColumn(const SchemaColumn &column)
{
    QString text = column.type.text();
    if (!column.nullable)
        text += u" NOT NULL"_s;
    if (!column.serverDefault.isEmpty())
        text += u" DEFAULT "_s + column.serverDefault;
    return text;
}

QString renderIndex(const SchemaIndex &index)
{
    QString text = (index.unique ? u"UNIQUE "_s : QString()) + parenthesized(index.columns);
    if (!index.where.isEmpty())
        text += u" WHERE "_s + index.where;
    return text;
}

QString renderUnique(const SchemaUniqueConstraint &unique)
{
    return parenthesized(unique.columns);
}

QString renderCheck(const SchemaCheckConstraint &check)
{
    return u"CHECK ("_s + check.sqlText + u')';
}

QString referredTable(const SchemaForeignKey &fk)
{
    return (fk.referredSchema.isEmpty() ? QString() : QString(fk.referredSchema + u'.')) + fk.referredTable + u' ' +
           parenthesized(fk.referredColumns);
}

QString renderForeignKey(const SchemaForeignKey &fk)
{
    QString text = parenthesized(fk.columns) + u" REFERENCES "_s + referredTable(fk);
    if (!fk.onDelete.isEmpty())
        text += u" ON DELETE "_s + fk.onDelete;
    if (!fk.onUpdate.isEmpty())
        text += u" ON UPDATE "_s + fk.onUpdate;
    return text;
}

QString renderEnumValues(const QStringList &values)
{
    QStringList quoted;
    for (const QString &value : values)
        quoted.append(u'\'' + QString(value).replace(u'\'', u"''"_s) + u'\'');
    return parenthesized(quoted);
}

// ---- matching ------------------------------------------------------------------------------------

struct Matching
{
    QList<std::pair<qsizetype, qsizetype>> pairs; ///< (expected, actual), in expected order
    QList<qsizetype> missing;                     ///< expected ones without a partner
    QList<qsizetype> unexpected;                  ///< actual ones without a partner
};

/// Pairs objects by equal name, then by equal content (@p sameAll), then by equal key (@p sameKey) when
/// one of the two has no name.
template<typename T, typename SameKey, typename SameAll>
Matching match(const QList<T> &expected, const QList<T> &actual, SameKey sameKey, SameAll sameAll)
{
    QList<qsizetype> partner(expected.size(), -1);
    QList<bool> taken(actual.size(), false);
    const auto pass = [&](auto fits) {
        for (qsizetype e = 0; e < expected.size(); ++e) {
            if (partner[e] >= 0)
                continue;
            for (qsizetype a = 0; a < actual.size(); ++a) {
                if (!taken[a] && fits(expected[e], actual[a])) {
                    partner[e] = a;
                    taken[a] = true;
                    break;
                }
            }
        }
    };
    pass([](const T &e, const T &a) { return !e.name.isEmpty() && e.name == a.name; });
    pass(sameAll);
    pass([&](const T &e, const T &a) { return (e.name.isEmpty() || a.name.isEmpty()) && sameKey(e, a); });

    Matching result;
    for (qsizetype e = 0; e < expected.size(); ++e) {
        if (partner[e] >= 0)
            result.pairs.append({e, partner[e]});
        else
            result.missing.append(e);
    }
    for (qsizetype a = 0; a < actual.size(); ++a) {
        if (!taken[a])
            result.unexpected.append(a);
    }
    return result;
}

QString displayName(const QString &name, const QString &content)
{
    return name.isEmpty() ? content : name;
}

// ---- the comparison ----------------------------------------------------------------------------------

/// What one table's comparison needs of the two schemas.
struct Context
{
    SqlDialect dialect;
    bool compareChecks = true;
    QString table;
    QList<SchemaDifference> *out = nullptr;

    void add(Change change, Severity severity, const QString &kind, const QString &name, const QString &property,
             const QString &expected, const QString &actual) const
    {
        out->append({change, severity, table, kind, name, property, expected, actual});
    }
    bool isMySql() const { return dialect.kind() == Kind::MySQL; }
};

bool sameColumnList(const QStringList &a, const QStringList &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i] == b[i])
            continue;
        if (!a[i].startsWith(u'(') || !b[i].startsWith(u'(') || normalizedCondition(a[i]) != normalizedCondition(b[i]))
            return false;
    }
    return true;
}

bool inPrimaryKey(const SchemaTable &table, const QString &column)
{
    return table.primaryKey.columns.contains(column);
}

/// SQLite's INTEGER PRIMARY KEY is the rowid: it counts up with or without AUTOINCREMENT.
bool isRowidAlias(const SchemaTable &table, const SchemaColumn &column)
{
    return column.type.name == u"INTEGER" && table.primaryKey.columns == QStringList{column.name};
}

void compareColumn(const Context &ctx, const SchemaTable &et, const SchemaColumn &e, const SchemaTable &at,
                   const SchemaColumn &a)
{
    const QString kind = u"column"_s;
    if (!sameType(ctx.dialect, e.type, a.type))
        ctx.add(Change::Changed, Severity::Error, kind, e.name, u"type"_s, e.type.text(), a.type.text());
    // A primary key's columns are NOT NULL whatever the catalog says (SQLite's table_info does not).
    if (e.nullable != a.nullable && !inPrimaryKey(et, e.name) && !inPrimaryKey(at, a.name)) {
        const auto text = [](bool nullable) { return nullable ? u"NULL"_s : u"NOT NULL"_s; };
        ctx.add(Change::Changed, Severity::Warning, kind, e.name, u"nullable"_s, text(e.nullable), text(a.nullable));
    }
    const bool boolean = isBooleanType(e.type) || isBooleanType(a.type);
    if (e.serverDefault != a.serverDefault && normalizedDefault(e.serverDefault, ctx.dialect, boolean) !=
                                                  normalizedDefault(a.serverDefault, ctx.dialect, boolean)) {
        ctx.add(Change::Changed, Severity::Info, kind, e.name, u"default"_s, e.serverDefault, a.serverDefault);
    }
    if (e.autoincrement != a.autoincrement) {
        if (ctx.dialect.kind() != Kind::SQLite) {
            ctx.add(Change::Changed, Severity::Warning, kind, e.name, u"autoincrement"_s, boolText(e.autoincrement),
                    boolText(a.autoincrement));
        } else if (!isRowidAlias(et, e) && !isRowidAlias(at, a)) {
            ctx.add(Change::Changed, Severity::Info, kind, e.name, u"autoincrement"_s, boolText(e.autoincrement),
                    boolText(a.autoincrement));
        }
    }
}

void compareColumns(const Context &ctx, const SchemaTable &e, const SchemaTable &a)
{
    QList<qsizetype> partner(e.columns.size(), -1);
    QList<bool> taken(a.columns.size(), false);
    for (qsizetype i = 0; i < e.columns.size(); ++i) {
        for (qsizetype j = 0; j < a.columns.size(); ++j) {
            if (!taken[j] && e.columns[i].name == a.columns[j].name) {
                partner[i] = j;
                taken[j] = true;
                break;
            }
        }
    }
    if (ctx.isMySql()) {
        for (qsizetype i = 0; i < e.columns.size(); ++i) {
            for (qsizetype j = 0; j < a.columns.size() && partner[i] < 0; ++j) {
                if (!taken[j] && e.columns[i].name.compare(a.columns[j].name, Qt::CaseInsensitive) == 0) {
                    partner[i] = j;
                    taken[j] = true;
                }
            }
        }
    }
    for (qsizetype i = 0; i < e.columns.size(); ++i) {
        const SchemaColumn &column = e.columns[i];
        if (partner[i] >= 0)
            compareColumn(ctx, e, column, a, a.columns[partner[i]]);
        else
            ctx.add(Change::Missing, Severity::Error, u"column"_s, column.name, {}, renderColumn(column), {});
    }
    for (qsizetype j = 0; j < a.columns.size(); ++j) {
        if (!taken[j])
            ctx.add(Change::Unexpected, Severity::Error, u"column"_s, a.columns[j].name, {}, {},
                    renderColumn(a.columns[j]));
    }
}

void comparePrimaryKey(const Context &ctx, const SchemaPrimaryKey &e, const SchemaPrimaryKey &a)
{
    const QString kind = u"primary_key"_s;
    if (e.columns.isEmpty() && a.columns.isEmpty())
        return;
    if (a.columns.isEmpty()) {
        ctx.add(Change::Missing, Severity::Error, kind, displayName(e.name, parenthesized(e.columns)), {},
                parenthesized(e.columns), {});
    } else if (e.columns.isEmpty()) {
        ctx.add(Change::Unexpected, Severity::Error, kind, displayName(a.name, parenthesized(a.columns)), {}, {},
                parenthesized(a.columns));
    } else {
        const QString name = displayName(e.name, displayName(a.name, parenthesized(e.columns)));
        if (e.columns != a.columns) {
            ctx.add(Change::Changed, Severity::Error, kind, name, u"columns"_s, parenthesized(e.columns),
                    parenthesized(a.columns));
        }
        // MySQL calls every primary key PRIMARY, whatever the DDL said.
        if (!e.name.isEmpty() && !a.name.isEmpty() && e.name != a.name && !ctx.isMySql())
            ctx.add(Change::Changed, Severity::Info, kind, name, u"name"_s, e.name, a.name);
    }
}

/// Reports one kind of index or constraint: the missing, the unexpected and the changes of the pairs.
template<typename T, typename Render, typename Properties>
void reportMatching(const Context &ctx, const QString &kind, Severity severity, const QList<T> &expected,
                    const QList<T> &actual, const Matching &matching, Render render, Properties properties)
{
    for (const auto &[e, a] : matching.pairs) {
        const T &x = expected[e];
        const T &y = actual[a];
        const QString name = displayName(x.name, displayName(y.name, render(x)));
        if (!x.name.isEmpty() && !y.name.isEmpty() && x.name != y.name)
            ctx.add(Change::Changed, Severity::Info, kind, name, u"name"_s, x.name, y.name);
        properties(x, y, name);
    }
    for (const qsizetype e : matching.missing)
        ctx.add(Change::Missing, severity, kind, displayName(expected[e].name, render(expected[e])), {},
                render(expected[e]), {});
    for (const qsizetype a : matching.unexpected)
        ctx.add(Change::Unexpected, severity, kind, displayName(actual[a].name, render(actual[a])), {}, {},
                render(actual[a]));
}

void compareIndexes(const Context &ctx, const SchemaTable &et, const SchemaTable &at)
{
    const auto sameKey = [](const SchemaIndex &x, const SchemaIndex &y) {
        return sameColumnList(x.columns, y.columns);
    };
    const auto sameAll = [&](const SchemaIndex &x, const SchemaIndex &y) {
        return sameKey(x, y) && x.unique == y.unique && sameCondition(x.where, y.where);
    };
    Matching matching = match(et.indexes, at.indexes, sameKey, sameAll);
    if (ctx.isMySql()) {
        // MySQL creates an index for a foreign key that has none, named after the constraint (or its
        // first column): not a difference when the migrations did not create it.
        matching.unexpected.removeIf([&](qsizetype a) {
            const SchemaIndex &index = at.indexes[a];
            if (index.unique)
                return false;
            const auto backs = [&](const SchemaForeignKey &fk) { return fk.columns == index.columns; };
            return std::any_of(at.foreignKeys.cbegin(), at.foreignKeys.cend(), backs) ||
                   std::any_of(et.foreignKeys.cbegin(), et.foreignKeys.cend(), backs);
        });
    }
    const QString kind = u"index"_s;
    reportMatching(
        ctx, kind, Severity::Warning, et.indexes, at.indexes, matching,
        [](const SchemaIndex &index) { return renderIndex(index); },
        [&](const SchemaIndex &x, const SchemaIndex &y, const QString &name) {
            if (!sameColumnList(x.columns, y.columns))
                ctx.add(Change::Changed, Severity::Warning, kind, name, u"columns"_s, parenthesized(x.columns),
                        parenthesized(y.columns));
            if (x.unique != y.unique)
                ctx.add(Change::Changed, Severity::Warning, kind, name, u"unique"_s, boolText(x.unique),
                        boolText(y.unique));
            if (!sameCondition(x.where, y.where))
                ctx.add(Change::Changed, Severity::Warning, kind, name, u"where"_s, x.where, y.where);
        });
}

void compareUniqueConstraints(const Context &ctx, const SchemaTable &et, const SchemaTable &at)
{
    const auto same = [](const SchemaUniqueConstraint &x, const SchemaUniqueConstraint &y) {
        return x.columns == y.columns;
    };
    const QString kind = u"unique"_s;
    reportMatching(
        ctx, kind, Severity::Warning, et.uniqueConstraints, at.uniqueConstraints,
        match(et.uniqueConstraints, at.uniqueConstraints, same, same),
        [](const SchemaUniqueConstraint &unique) { return renderUnique(unique); },
        [&](const SchemaUniqueConstraint &x, const SchemaUniqueConstraint &y, const QString &name) {
            if (x.columns != y.columns)
                ctx.add(Change::Changed, Severity::Warning, kind, name, u"columns"_s, parenthesized(x.columns),
                        parenthesized(y.columns));
        });
}

void compareChecks(const Context &ctx, const SchemaTable &et, const SchemaTable &at)
{
    const auto same = [](const SchemaCheckConstraint &x, const SchemaCheckConstraint &y) {
        return sameCondition(x.sqlText, y.sqlText);
    };
    const QString kind = u"check"_s;
    reportMatching(
        ctx, kind, Severity::Warning, et.checkConstraints, at.checkConstraints,
        match(et.checkConstraints, at.checkConstraints, same, same),
        [](const SchemaCheckConstraint &check) { return renderCheck(check); },
        [&](const SchemaCheckConstraint &x, const SchemaCheckConstraint &y, const QString &name) {
            if (!same(x, y))
                ctx.add(Change::Changed, Severity::Info, kind, name, u"condition"_s, x.sqlText, y.sqlText);
        });
}

void compareForeignKeys(const Context &ctx, const SchemaTable &et, const SchemaTable &at)
{
    const auto sameKey = [](const SchemaForeignKey &x, const SchemaForeignKey &y) {
        return x.columns == y.columns && referredTable(x) == referredTable(y);
    };
    const auto sameAll = [&](const SchemaForeignKey &x, const SchemaForeignKey &y) {
        return sameKey(x, y) && x.onDelete == y.onDelete && x.onUpdate == y.onUpdate;
    };
    const QString kind = u"foreign_key"_s;
    reportMatching(
        ctx, kind, Severity::Warning, et.foreignKeys, at.foreignKeys,
        match(et.foreignKeys, at.foreignKeys, sameKey, sameAll),
        [](const SchemaForeignKey &fk) { return renderForeignKey(fk); },
        [&](const SchemaForeignKey &x, const SchemaForeignKey &y, const QString &name) {
            if (x.columns != y.columns)
                ctx.add(Change::Changed, Severity::Warning, kind, name, u"columns"_s, parenthesized(x.columns),
                        parenthesized(y.columns));
            if (referredTable(x) != referredTable(y))
                ctx.add(Change::Changed, Severity::Warning, kind, name, u"referred"_s, referredTable(x),
                        referredTable(y));
            if (x.onDelete != y.onDelete)
                ctx.add(Change::Changed, Severity::Warning, kind, name, u"on_delete"_s, x.onDelete, y.onDelete);
            if (x.onUpdate != y.onUpdate)
                ctx.add(Change::Changed, Severity::Warning, kind, name, u"on_update"_s, x.onUpdate, y.onUpdate);
        });
}

QString normalizedAction(const QString &action)
{
    const QString text = action.simplified().toUpper();
    return text == u"NO ACTION" || text == u"RESTRICT" ? QString() : text;
}

/// The table as it would be written in DDL, the dialect's catalog habits taken out (see the header).
SchemaTable canonical(SqlDialect dialect, const SchemaTable &table)
{
    SchemaTable t = table;
    const auto namedConstraint = [&](const QString &name) {
        if (name.isEmpty())
            return false;
        if (name == t.primaryKey.name)
            return true;
        return std::any_of(t.uniqueConstraints.cbegin(), t.uniqueConstraints.cend(),
                           [&](const SchemaUniqueConstraint &u) { return u.name == name; });
    };
    // The indexes that back the primary key or (PostgreSQL, SQLite) a unique constraint are the constraint's.
    t.indexes.removeIf([&](const SchemaIndex &index) {
        return (index.unique && namedConstraint(index.name)) ||
               (dialect.kind() == Kind::SQLite && index.name.startsWith(u"sqlite_autoindex_"));
    });
    if (dialect.kind() == Kind::MySQL) {
        // MySQL's catalog has one kind of thing for both: a unique constraint is a unique index.
        for (const SchemaIndex &index : table.indexes) {
            if (index.unique && index.where.isEmpty() && !index.hasExpressions && !namedConstraint(index.name))
                t.uniqueConstraints.append({index.name, index.columns});
        }
        t.indexes.removeIf(
            [](const SchemaIndex &index) { return index.unique && index.where.isEmpty() && !index.hasExpressions; });
        t.checkConstraints.removeIf(isJsonValidCheck);
    }
    for (SchemaForeignKey &fk : t.foreignKeys) {
        if (fk.referredSchema == t.schema)
            fk.referredSchema.clear();
        fk.onDelete = normalizedAction(fk.onDelete);
        fk.onUpdate = normalizedAction(fk.onUpdate);
    }
    return t;
}

qsizetype checkCount(const Schema &schema)
{
    qsizetype count = 0;
    for (const SchemaTable &table : schema.tables) {
        for (const SchemaCheckConstraint &check : table.checkConstraints)
            count += isJsonValidCheck(check) ? 0 : 1;
    }
    return count;
}

int kindRank(const QString &kind)
{
    static const QStringList order{u"table"_s, u"column"_s,      u"primary_key"_s, u"index"_s, u"unique"_s,
                                   u"check"_s, u"foreign_key"_s, u"enum"_s,        u"view"_s};
    return int(order.indexOf(kind));
}

void compareTables(Context ctx, const SchemaTable &expected, const SchemaTable &actual)
{
    QList<SchemaDifference> *const out = ctx.out;
    const SchemaTable e = canonical(ctx.dialect, expected);
    const SchemaTable a = canonical(ctx.dialect, actual);
    compareColumns(ctx, e, a);
    comparePrimaryKey(ctx, e.primaryKey, a.primaryKey);

    QList<SchemaDifference> constraints;
    ctx.out = &constraints;
    compareIndexes(ctx, e, a);
    compareUniqueConstraints(ctx, e, a);
    if (ctx.compareChecks)
        compareChecks(ctx, e, a);
    compareForeignKeys(ctx, e, a);
    std::stable_sort(constraints.begin(), constraints.end(), [](const SchemaDifference &x, const SchemaDifference &y) {
        return std::pair(kindRank(x.objectKind), x.objectName) < std::pair(kindRank(y.objectKind), y.objectName);
    });
    out->append(constraints);
}

struct TablePair
{
    const SchemaTable *expected = nullptr;
    const SchemaTable *actual = nullptr;
    const SchemaTable &any() const { return expected ? *expected : *actual; }
};

QList<TablePair> pairTables(SqlDialect dialect, const Schema &expected, const Schema &actual)
{
    // Hashed: matching a live schema against every revision compares thousands of tables many times.
    const auto key = [](const SchemaTable &t, Qt::CaseSensitivity cs) {
        const QString k = t.schema + QChar(0) + t.name;
        return cs == Qt::CaseSensitive ? k : k.toLower();
    };
    QList<TablePair> pairs;
    QList<bool> taken(actual.tables.size(), false);
    const auto pass = [&](Qt::CaseSensitivity cs) {
        QHash<QString, qsizetype> index;
        for (qsizetype j = actual.tables.size() - 1; j >= 0; --j) {
            if (!taken[j])
                index.insert(key(actual.tables[j], cs), j);
        }
        for (TablePair &pair : pairs) {
            if (pair.actual)
                continue;
            const auto it = index.constFind(key(*pair.expected, cs));
            if (it != index.cend() && !taken[*it]) {
                pair.actual = &actual.tables[*it];
                taken[*it] = true;
            }
        }
    };
    for (const SchemaTable &table : expected.tables)
        pairs.append({&table, nullptr});
    pass(Qt::CaseSensitive);
    // MySQL's table names follow the file system's case (lower_case_table_names).
    if (dialect.kind() == Kind::MySQL)
        pass(Qt::CaseInsensitive);
    for (qsizetype j = 0; j < actual.tables.size(); ++j) {
        if (!taken[j])
            pairs.append({nullptr, &actual.tables[j]});
    }
    std::stable_sort(pairs.begin(), pairs.end(), [](const TablePair &x, const TablePair &y) {
        return std::tie(x.any().schema, x.any().name) < std::tie(y.any().schema, y.any().name);
    });
    return pairs;
}

QString qualified(const QString &schema, const QString &name)
{
    return schema.isEmpty() ? name : schema + u'.' + name;
}

void compareEnums(const Context &ctx, const Schema &expected, const Schema &actual)
{
    QList<SchemaEnum> e = expected.enums;
    QList<SchemaEnum> a = actual.enums;
    const auto byName = [](const SchemaEnum &x, const SchemaEnum &y) {
        return std::tie(x.schema, x.name) < std::tie(y.schema, y.name);
    };
    std::stable_sort(e.begin(), e.end(), byName);
    std::stable_sort(a.begin(), a.end(), byName);
    const QString kind = u"enum"_s;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < e.size() || j < a.size()) {
        if (j == a.size() || (i < e.size() && byName(e[i], a[j]))) {
            ctx.add(Change::Missing, Severity::Warning, kind, qualified(e[i].schema, e[i].name), {},
                    renderEnumValues(e[i].values), {});
            ++i;
        } else if (i == e.size() || byName(a[j], e[i])) {
            ctx.add(Change::Unexpected, Severity::Warning, kind, qualified(a[j].schema, a[j].name), {}, {},
                    renderEnumValues(a[j].values));
            ++j;
        } else {
            if (e[i].values != a[j].values)
                ctx.add(Change::Changed, Severity::Warning, kind, qualified(e[i].schema, e[i].name), u"values"_s,
                        renderEnumValues(e[i].values), renderEnumValues(a[j].values));
            ++i;
            ++j;
        }
    }
}

void compareViews(const Context &ctx, const Schema &expected, const Schema &actual)
{
    QStringList e = expected.views;
    QStringList a = actual.views;
    e.sort();
    a.sort();
    for (const QString &view : std::as_const(e)) {
        if (!a.contains(view))
            ctx.add(Change::Missing, Severity::Warning, u"view"_s, view, {}, {}, {});
    }
    for (const QString &view : std::as_const(a)) {
        if (!e.contains(view))
            ctx.add(Change::Unexpected, Severity::Warning, u"view"_s, view, {}, {}, {});
    }
}

QString kindLabel(const QString &kind)
{
    if (kind == u"table")
        return Tr::tr("table");
    if (kind == u"column")
        return Tr::tr("column");
    if (kind == u"primary_key")
        return Tr::tr("primary key");
    if (kind == u"index")
        return Tr::tr("index");
    if (kind == u"unique")
        return Tr::tr("unique constraint");
    if (kind == u"check")
        return Tr::tr("check constraint");
    if (kind == u"foreign_key")
        return Tr::tr("foreign key");
    if (kind == u"enum")
        return Tr::tr("enum type");
    if (kind == u"view")
        return Tr::tr("view");
    return kind;
}

QString propertyLabel(const QString &property)
{
    if (property == u"type")
        return Tr::tr("type");
    if (property == u"nullable")
        return Tr::tr("nullable");
    if (property == u"default")
        return Tr::tr("default");
    if (property == u"autoincrement")
        return Tr::tr("autoincrement");
    if (property == u"columns")
        return Tr::tr("columns");
    if (property == u"unique")
        return Tr::tr("unique");
    if (property == u"where")
        return Tr::tr("where");
    if (property == u"referred")
        return Tr::tr("referred table");
    if (property == u"on_delete")
        return Tr::tr("on delete");
    if (property == u"on_update")
        return Tr::tr("on update");
    if (property == u"condition")
        return Tr::tr("condition");
    if (property == u"name")
        return Tr::tr("name");
    if (property == u"values")
        return Tr::tr("values");
    return property;
}

} // namespace

QString SchemaDifference::text() const
{
    QString subject;
    if (objectKind == u"table")
        subject = table;
    else if (table.isEmpty())
        subject = objectName;
    else if (objectKind == u"column")
        subject = table + u'.' + objectName;
    else
        subject = Tr::tr("%1 on %2", "an index or constraint (1) on a table (2)").arg(objectName, table);
    const QString head = kindLabel(objectKind) + u' ' + subject;
    const auto withValue = [&](const QString &value) -> QString {
        return value.isEmpty() || value == objectName ? head : head + u' ' + value;
    };
    switch (change) {
    case Change::Missing:
        return u"- "_s + withValue(expected);
    case Change::Unexpected:
        return u"+ "_s + withValue(actual);
    case Change::Changed:
        break;
    }
    const auto value = [](const QString &v) { return v.isEmpty() ? Tr::tr("(none)") : v; };
    return u"~ "_s + head + u": "_s + propertyLabel(property) + u' ' + value(expected) + u" → "_s + value(actual);
}

SchemaDiff SchemaDiff::compare(const Schema &expected, const Schema &actual)
{
    SchemaDiff diff;
    const SqlDialect dialect = actual.dialect;
    Context ctx{dialect, true, {}, &diff.m_differences};
    ctx.compareChecks = dialect.kind() != Kind::MySQL || (checkCount(expected) > 0 && checkCount(actual) > 0);
    for (const TablePair &pair : pairTables(dialect, expected, actual)) {
        ctx.table = pair.any().qualifiedName();
        if (!pair.actual)
            ctx.add(Change::Missing, Severity::Error, u"table"_s, {}, {}, {}, {});
        else if (!pair.expected)
            ctx.add(Change::Unexpected, Severity::Error, u"table"_s, {}, {}, {}, {});
        else
            compareTables(ctx, *pair.expected, *pair.actual);
    }
    ctx.table.clear();
    compareEnums(ctx, expected, actual);
    compareViews(ctx, expected, actual);
    return diff;
}

int SchemaDifference::weight() const
{
    if (objectKind == u"table")
        return 100;
    if ((objectKind == u"column" || objectKind == u"view") && change != Change::Changed)
        return 10;
    switch (severity) {
    case Severity::Error:
        return 5;
    case Severity::Warning:
        return 2;
    case Severity::Info:
        return 1;
    }
    return 1;
}

int schemaDistance(const QList<SchemaDifference> &differences)
{
    int total = 0;
    for (const SchemaDifference &d : differences)
        total += d.weight();
    return total;
}

int SchemaDiff::distance() const
{
    return schemaDistance(m_differences);
}

QStringList SchemaDiff::tables() const
{
    QStringList names;
    for (const SchemaDifference &d : m_differences) {
        if (!d.table.isEmpty() && (names.isEmpty() || names.last() != d.table))
            names.append(d.table);
    }
    return names;
}

SchemaDifference::Severity SchemaDiff::maximumSeverity() const
{
    Severity worst = Severity::Info;
    for (const SchemaDifference &d : m_differences)
        worst = std::max(worst, d.severity);
    return worst;
}
