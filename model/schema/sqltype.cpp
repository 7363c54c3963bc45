// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// How a type is read: the text is cut into words, one parenthesised argument list and array brackets
// (`character varying(50)`, `int(10) unsigned`, `timestamp(3) with time zone`, `integer[]`); clauses
// that are no part of the type in Retort's model (COLLATE, CHARACTER SET) are dropped. The words become
// the name, upper case and single-spaced; integer arguments become length or precision/scale depending
// on the name, quoted ones enum values. Then the dialect's synonyms are folded into one spelling and
// defaults the server fills in are made explicit (PostgreSQL CHAR is CHAR(1), NUMERIC(p) is
// NUMERIC(p, 0); MySQL DECIMAL is DECIMAL(10, 0)), so the catalog's text and SQLAlchemy's DDL meet.
// Anything not understood is kept as written, upper-cased, which compares equal only to itself.
#include "schema/schema.h"

#include <QHash>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

using Kind = SqlDialect::Kind;

/// The declared text taken apart.
struct Pieces
{
    QStringList words; ///< before and after the argument list, in order, quoted identifiers as written
    qsizetype wordsBeforeArgs = 0;
    bool hasArgs = false;
    QStringList args; ///< trimmed, as written
    bool isArray = false;
    bool understood = true;
};

/// Index after the quoted run starting at @p i (whose character is the quote); doubled quotes escape.
qsizetype skipQuoted(QStringView text, qsizetype i)
{
    const QChar quote = text.at(i);
    for (++i; i < text.size(); ++i) {
        if (text.at(i) != quote)
            continue;
        if (i + 1 < text.size() && text.at(i + 1) == quote) {
            ++i;
            continue;
        }
        return i + 1;
    }
    return text.size();
}

/// The top-level comma-separated items of @p text, trimmed.
QStringList splitArgs(QStringView text)
{
    QStringList items;
    qsizetype start = 0;
    int depth = 0;
    for (qsizetype i = 0; i < text.size();) {
        const QChar c = text.at(i);
        if (c == u'\'' || c == u'"' || c == u'`') {
            i = skipQuoted(text, i);
            continue;
        }
        if (c == u'(')
            ++depth;
        else if (c == u')')
            --depth;
        else if (c == u',' && depth == 0) {
            items.append(text.mid(start, i - start).trimmed().toString());
            start = i + 1;
        }
        ++i;
    }
    items.append(text.mid(start).trimmed().toString());
    return items;
}

Pieces cut(QStringView text)
{
    Pieces pieces;
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (c == u'(') {
            // Only one argument list; a second (e.g. `interval day to second(3)`) is kept as written.
            const qsizetype open = i;
            int depth = 0;
            while (i < text.size()) {
                const QChar d = text.at(i);
                if (d == u'\'' || d == u'"' || d == u'`') {
                    i = skipQuoted(text, i);
                    continue;
                }
                if (d == u'(')
                    ++depth;
                else if (d == u')' && --depth == 0)
                    break;
                ++i;
            }
            if (pieces.hasArgs || i >= text.size())
                pieces.understood = false;
            pieces.hasArgs = true;
            pieces.wordsBeforeArgs = pieces.words.size();
            pieces.args = splitArgs(text.mid(open + 1, i - open - 1));
            ++i;
        } else if (c == u'[') {
            const qsizetype close = text.indexOf(u']', i);
            if (close < 0) {
                pieces.understood = false;
                break;
            }
            pieces.isArray = true;
            i = close + 1;
        } else if (c == u')' || c == u']') {
            pieces.understood = false;
            ++i;
        } else {
            const qsizetype start = i;
            while (i < text.size()) {
                const QChar d = text.at(i);
                if (d.isSpace() || d == u'(' || d == u')' || d == u'[' || d == u']')
                    break;
                if (d == u'"' || d == u'`' || d == u'\'')
                    i = skipQuoted(text, i);
                else
                    ++i;
            }
            pieces.words.append(text.mid(start, i - start).toString());
        }
    }
    if (!pieces.hasArgs)
        pieces.wordsBeforeArgs = pieces.words.size();
    return pieces;
}

/// Upper case outside quotes: identifiers and literals in quotes keep their case.
QString upperOutsideQuotes(QStringView text)
{
    QString result;
    result.reserve(text.size());
    for (qsizetype i = 0; i < text.size();) {
        const QChar c = text.at(i);
        if (c == u'\'' || c == u'"' || c == u'`') {
            const qsizetype end = skipQuoted(text, i);
            result += text.mid(i, end - i);
            i = end;
        } else {
            result += c.toUpper();
            ++i;
        }
    }
    return result;
}

/// The words with COLLATE x, CHARACTER SET x and CHARSET x removed.
void dropCollation(Pieces &pieces)
{
    for (qsizetype i = 0; i < pieces.words.size();) {
        const QString word = pieces.words.at(i).toUpper();
        qsizetype count = 0;
        if ((word == u"COLLATE" || word == u"CHARSET") && i + 1 < pieces.words.size())
            count = 2;
        else if (word == u"CHARACTER" && i + 2 < pieces.words.size() && pieces.words.at(i + 1).toUpper() == u"SET")
            count = 3;
        else if (word == u"CHAR" && i + 2 < pieces.words.size() && pieces.words.at(i + 1).toUpper() == u"SET" && i > 0)
            count = 3;
        if (count == 0) {
            ++i;
            continue;
        }
        pieces.words.remove(i, count);
        if (i < pieces.wordsBeforeArgs)
            pieces.wordsBeforeArgs = qMax<qsizetype>(i, pieces.wordsBeforeArgs - count);
    }
}

std::optional<int> integerArg(const QString &arg)
{
    bool ok = false;
    const int value = arg.toInt(&ok);
    return ok ? std::optional<int>(value) : std::nullopt;
}

/// The contents of a quoted literal `'a''b'`, or nullopt when @p arg is not one.
std::optional<QString> stringArg(const QString &arg)
{
    if (arg.size() < 2 || !arg.startsWith(u'\'') || !arg.endsWith(u'\'') || skipQuoted(arg, 0) != arg.size())
        return std::nullopt;
    return arg.mid(1, arg.size() - 2).replace(u"''"_s, u"'"_s);
}

bool isOneOf(const QString &name, std::initializer_list<QStringView> names)
{
    for (QStringView candidate : names) {
        if (name == candidate)
            return true;
    }
    return false;
}

/// Names whose single argument is a precision, not a length.
bool takesPrecision(const QString &name)
{
    return isOneOf(name, {u"NUMERIC", u"DECIMAL", u"DEC", u"FIXED", u"TIMESTAMP", u"TIME", u"DATETIME", u"INTERVAL"});
}

const QHash<QString, QString> &postgresNames()
{
    static const QHash<QString, QString> names = {
        {u"INT"_s, u"INTEGER"_s},
        {u"INT4"_s, u"INTEGER"_s},
        {u"SERIAL"_s, u"INTEGER"_s},
        {u"SERIAL4"_s, u"INTEGER"_s},
        {u"INT8"_s, u"BIGINT"_s},
        {u"BIGSERIAL"_s, u"BIGINT"_s},
        {u"SERIAL8"_s, u"BIGINT"_s},
        {u"INT2"_s, u"SMALLINT"_s},
        {u"SMALLSERIAL"_s, u"SMALLINT"_s},
        {u"SERIAL2"_s, u"SMALLINT"_s},
        {u"BOOL"_s, u"BOOLEAN"_s},
        {u"FLOAT4"_s, u"REAL"_s},
        {u"FLOAT8"_s, u"DOUBLE PRECISION"_s},
        {u"DECIMAL"_s, u"NUMERIC"_s},
        {u"CHARACTER VARYING"_s, u"VARCHAR"_s},
        {u"CHARACTER"_s, u"CHAR"_s},
        {u"TIMESTAMPTZ"_s, u"TIMESTAMP"_s},
        {u"TIMETZ"_s, u"TIME"_s},
        {u"VARBIT"_s, u"BIT VARYING"_s},
    };
    return names;
}

const QHash<QString, QString> &mysqlNames()
{
    static const QHash<QString, QString> names = {
        {u"INT"_s, u"INTEGER"_s},
        {u"INT4"_s, u"INTEGER"_s},
        {u"INT1"_s, u"TINYINT"_s},
        {u"INT2"_s, u"SMALLINT"_s},
        {u"INT3"_s, u"MEDIUMINT"_s},
        {u"MIDDLEINT"_s, u"MEDIUMINT"_s},
        {u"INT8"_s, u"BIGINT"_s},
        {u"BOOL"_s, u"BOOLEAN"_s},
        {u"DECIMAL"_s, u"NUMERIC"_s},
        {u"DEC"_s, u"NUMERIC"_s},
        {u"FIXED"_s, u"NUMERIC"_s},
        {u"DOUBLE PRECISION"_s, u"DOUBLE"_s},
        {u"REAL"_s, u"DOUBLE"_s},
        {u"CHARACTER VARYING"_s, u"VARCHAR"_s},
        {u"NVARCHAR"_s, u"VARCHAR"_s},
        {u"NATIONAL VARCHAR"_s, u"VARCHAR"_s},
        {u"NATIONAL CHARACTER VARYING"_s, u"VARCHAR"_s},
        {u"NATIONAL CHAR VARYING"_s, u"VARCHAR"_s},
        {u"NCHAR VARCHAR"_s, u"VARCHAR"_s},
        {u"CHARACTER"_s, u"CHAR"_s},
        {u"NCHAR"_s, u"CHAR"_s},
        {u"NATIONAL CHAR"_s, u"CHAR"_s},
        {u"NATIONAL CHARACTER"_s, u"CHAR"_s},
    };
    return names;
}

bool isMysqlInteger(const QString &name)
{
    return isOneOf(name, {u"TINYINT", u"SMALLINT", u"MEDIUMINT", u"INTEGER", u"BIGINT", u"YEAR"});
}

/// The name in @p kind's one spelling.
QString canonicalName(Kind kind, const QString &name)
{
    switch (kind) {
    case Kind::PostgreSQL:
        return postgresNames().value(name, name);
    case Kind::MySQL:
        return mysqlNames().value(name, name);
    case Kind::SQLite:
        break;
    }
    return name;
}

/// The arguments @p kind's server fills in made explicit, and types it stores as another folded in.
void completeArguments(Kind kind, SqlType &type)
{
    if (kind == Kind::PostgreSQL) {
        if (type.name == u"FLOAT") {
            // SQLAlchemy's FLOAT(p): PostgreSQL stores REAL up to 24 bits of mantissa, else DOUBLE PRECISION.
            type.name = type.length >= 0 && type.length <= 24 ? u"REAL"_s : u"DOUBLE PRECISION"_s;
            type.length = -1;
        } else if ((type.name == u"CHAR" || type.name == u"BIT") && type.length < 0) {
            type.length = 1;
        } else if (type.name == u"BPCHAR") {
            type.name = u"CHAR"_s; // blank-padded, no length: unlimited, unlike CHAR
        } else if (type.name == u"NUMERIC" && type.precision >= 0 && type.scale < 0) {
            type.scale = 0;
        }
        return;
    }
    if (kind != Kind::MySQL)
        return;
    if (type.name == u"TINYINT" && type.length == 1) {
        type.name = u"BOOLEAN"_s; // MySQL has no BOOLEAN; SQLAlchemy's BOOL is stored as tinyint(1)
        type.length = -1;
    } else if (isMysqlInteger(type.name)) {
        type.length = -1; // a display width, not part of the type
    } else if (type.name == u"SERIAL") {
        type.name = u"BIGINT"_s;
        type.isUnsigned = true;
    } else if (type.name == u"NUMERIC") {
        if (type.precision < 0)
            type.precision = 10;
        if (type.scale < 0)
            type.scale = 0;
    } else if (type.name == u"FLOAT" && type.length >= 0) {
        if (type.length > 24)
            type.name = u"DOUBLE"_s;
        type.length = -1;
    } else if (isOneOf(type.name, {u"CHAR", u"BINARY", u"BIT"}) && type.length < 0) {
        type.length = 1;
    }
}

} // namespace

SqlType SqlType::parse(SqlDialect dialect, QStringView declared)
{
    const Kind kind = dialect.kind();
    SqlType type;
    Pieces pieces = cut(declared);
    dropCollation(pieces);

    // Words after the argument list that are modifiers of the type, not part of its name.
    QStringList words;
    for (const QString &word : std::as_const(pieces.words))
        words.append(upperOutsideQuotes(word));
    const auto endsWith = [&](std::initializer_list<QStringView> tail) {
        if (words.size() < qsizetype(tail.size()))
            return false;
        qsizetype i = words.size() - qsizetype(tail.size());
        for (QStringView word : tail) {
            if (words.at(i++) != word)
                return false;
        }
        return true;
    };
    const auto dropLast = [&](qsizetype count) {
        words.resize(words.size() - count);
        pieces.wordsBeforeArgs = qMin(pieces.wordsBeforeArgs, words.size());
    };
    if (kind == Kind::PostgreSQL) {
        if (endsWith({u"WITH", u"TIME", u"ZONE"})) {
            type.withTimeZone = true;
            dropLast(3);
        } else if (endsWith({u"WITHOUT", u"TIME", u"ZONE"})) {
            dropLast(3);
        }
        if (endsWith({u"ARRAY"})) {
            type.isArray = true;
            dropLast(1);
        }
    }
    if (kind == Kind::MySQL) {
        while (!words.isEmpty() && isOneOf(words.constLast(), {u"UNSIGNED", u"SIGNED", u"ZEROFILL"})) {
            // ZEROFILL is display only, and implies UNSIGNED.
            if (words.constLast() != u"SIGNED")
                type.isUnsigned = true;
            dropLast(1);
        }
    }
    type.isArray = type.isArray || pieces.isArray;
    if (pieces.hasArgs && pieces.wordsBeforeArgs < words.size())
        pieces.understood = false; // words after the arguments that are not a known modifier
    type.name = words.join(u' ');
    if (kind == Kind::PostgreSQL && (type.name == u"TIMESTAMPTZ" || type.name == u"TIMETZ"))
        type.withTimeZone = true;
    type.name = canonicalName(kind, type.name);

    if (!pieces.understood || type.name.isEmpty()) {
        SqlType kept;
        kept.name = upperOutsideQuotes(declared.toString().simplified());
        return kept;
    }

    if (pieces.hasArgs) {
        QList<int> numbers;
        QStringList strings;
        for (const QString &arg : std::as_const(pieces.args)) {
            if (const std::optional<int> number = integerArg(arg))
                numbers.append(*number);
            else if (const std::optional<QString> string = stringArg(arg))
                strings.append(*string);
        }
        if (numbers.size() == pieces.args.size() && numbers.size() <= 2) {
            if (numbers.size() == 2) {
                type.precision = numbers.at(0);
                type.scale = numbers.at(1);
            } else if (takesPrecision(type.name)) {
                type.precision = numbers.at(0);
            } else {
                type.length = numbers.at(0);
            }
        } else if (strings.size() == pieces.args.size()) {
            type.enumValues = strings;
        } else {
            // Arguments Retort has no field for (`geometry(Point,4326)`): part of the name, spaced one way.
            QStringList args;
            for (const QString &arg : std::as_const(pieces.args))
                args.append(upperOutsideQuotes(arg));
            type.name += u'(' + args.join(u", "_s) + u')';
        }
    }
    completeArguments(kind, type);
    return type;
}

QString SqlType::text() const
{
    QString result = name;
    if (!enumValues.isEmpty()) {
        QStringList quoted;
        for (const QString &value : enumValues)
            quoted.append(u'\'' + QString(value).replace(u'\'', u"''"_s) + u'\'');
        result += u'(' + quoted.join(u", "_s) + u')';
        if (!enumName.isEmpty())
            result = enumName + u' ' + result;
    } else if (!enumName.isEmpty()) {
        result = enumName + u' ' + result;
    }
    if (precision >= 0)
        result += scale >= 0 ? u"(%1, %2)"_s.arg(precision).arg(scale) : u"(%1)"_s.arg(precision);
    else if (length >= 0)
        result += u"(%1)"_s.arg(length);
    if (isUnsigned)
        result += u" UNSIGNED"_s;
    if (withTimeZone)
        result += u" WITH TIME ZONE"_s;
    if (isArray)
        result += u"[]"_s;
    return result;
}
