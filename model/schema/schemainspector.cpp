// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "schema/schemainspector.h"

#include "database/databaseconnection.h"
#include "database/versiontable.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <tuple>
#include <utility>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSchemaInspector, "retort.schema.inspector", QtWarningMsg)

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(SchemaInspector)
};

using Kind = SqlDialect::Kind;

// ---------------------------------------------------------------------------------------------
// SQL text: normalising defaults and conditions, and reading SQLite's CREATE statements.

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$';
}

/// Index after the quoted run that starts at @p i; a doubled quote escapes (`'it''s'`, `"a""b"`).
qsizetype skipQuoted(QStringView text, qsizetype i, QChar close)
{
    for (++i; i < text.size(); ++i) {
        if (text.at(i) != close)
            continue;
        if (close != u']' && i + 1 < text.size() && text.at(i + 1) == close) {
            ++i;
            continue;
        }
        return i + 1;
    }
    return text.size();
}

qsizetype skipSpaces(QStringView text, qsizetype i)
{
    while (i < text.size() && text.at(i).isSpace())
        ++i;
    return i;
}

/// The end of the type name of a PostgreSQL cast that starts at @p i (after `::`): `text`,
/// `character varying(20)[]`, `timestamp(3) without time zone`, `"Mood"`, `public.mood`.
qsizetype skipCastType(QStringView text, qsizetype i)
{
    static const QStringList continuations = {u"varying"_s, u"precision"_s, u"with"_s,
                                              u"without"_s, u"time"_s,      u"zone"_s};
    qsizetype end = i;
    qsizetype at = skipSpaces(text, i);
    bool first = true;
    while (at < text.size()) {
        const qsizetype wordStart = at;
        while (at < text.size() && (isWordChar(text.at(at)) || text.at(at) == u'.' || text.at(at) == u'"')) {
            if (text.at(at) == u'"')
                at = skipQuoted(text, at, u'"');
            else
                ++at;
        }
        if (at == wordStart)
            break;
        if (!first && !continuations.contains(text.mid(wordStart, at - wordStart).toString(), Qt::CaseInsensitive))
            break;
        first = false;
        end = at;
        // Type arguments `(3)`, `(10,2)`, then array brackets.
        qsizetype next = skipSpaces(text, at);
        if (next < text.size() && text.at(next) == u'(') {
            const qsizetype close = text.indexOf(u')', next);
            bool numeric = close > next;
            for (qsizetype k = next + 1; numeric && k < close; ++k)
                numeric = text.at(k).isDigit() || text.at(k) == u',' || text.at(k).isSpace();
            if (numeric)
                end = at = close + 1;
        }
        next = at;
        while (next + 1 < text.size() && text.at(next) == u'[' && text.at(next + 1) == u']')
            end = next = next + 2;
        at = skipSpaces(text, next);
    }
    return end;
}

/// Whether the parenthesis at 0 closes at the very end.
bool wrappedInParentheses(QStringView text)
{
    if (text.size() < 2 || text.front() != u'(' || text.back() != u')')
        return false;
    int depth = 0;
    for (qsizetype i = 0; i < text.size();) {
        const QChar c = text.at(i);
        if (c == u'\'' || c == u'"' || c == u'`') {
            i = skipQuoted(text, i, c);
            continue;
        }
        if (c == u'(') {
            ++depth;
        } else if (c == u')' && --depth == 0) {
            return i == text.size() - 1;
        }
        ++i;
    }
    return false;
}

QString normalized(QStringView sql)
{
    QString out;
    out.reserve(sql.size());
    for (qsizetype i = 0; i < sql.size();) {
        const QChar c = sql.at(i);
        if (c == u'\'' || c == u'"' || c == u'`') {
            const qsizetype end = skipQuoted(sql, i, c);
            out += sql.mid(i, end - i);
            i = end;
        } else if (c == u':' && i + 1 < sql.size() && sql.at(i + 1) == u':') {
            i = skipCastType(sql, i + 2);
        } else {
            out += c;
            ++i;
        }
    }
    QStringView view = QStringView(out).trimmed();
    while (wrappedInParentheses(view))
        view = view.mid(1, view.size() - 2).trimmed();
    if (view.compare(u"NULL", Qt::CaseInsensitive) == 0)
        return QString();
    return view.toString();
}

/// A token of SQLite's CREATE TABLE / CREATE INDEX text.
struct Token
{
    enum Type : quint8
    {
        Word,       ///< keyword or bare identifier
        Identifier, ///< quoted identifier, unquoted in text
        String,
        Punct,
    };
    Type type = Punct;
    QString text;
    qsizetype begin = 0;
    qsizetype end = 0;

    bool is(QStringView keyword) const { return type == Word && text.compare(keyword, Qt::CaseInsensitive) == 0; }
    bool isPunct(QChar c) const { return type == Punct && text.size() == 1 && text.at(0) == c; }
    bool isName() const { return type == Word || type == Identifier || type == String; }
};

QList<Token> tokenize(QStringView sql)
{
    QList<Token> tokens;
    qsizetype i = 0;
    while (i < sql.size()) {
        const QChar c = sql.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (c == u'-' && i + 1 < sql.size() && sql.at(i + 1) == u'-') {
            while (i < sql.size() && sql.at(i) != u'\n')
                ++i;
        } else if (c == u'/' && i + 1 < sql.size() && sql.at(i + 1) == u'*') {
            const qsizetype close = sql.indexOf(u"*/", i + 2);
            i = close < 0 ? sql.size() : close + 2;
        } else if (c == u'"' || c == u'`' || c == u'[' || c == u'\'') {
            const QChar close = c == u'[' ? QChar(u']') : c;
            const qsizetype end = skipQuoted(sql, i, close);
            QString text = sql.mid(i + 1, qMax<qsizetype>(0, end - i - 2)).toString();
            if (close != u']')
                text.replace(QString(2, close), QString(close));
            tokens.append({c == u'\'' ? Token::String : Token::Identifier, text, i, end});
            i = end;
        } else if (isWordChar(c)) {
            const qsizetype start = i;
            while (i < sql.size() && isWordChar(sql.at(i)))
                ++i;
            tokens.append({Token::Word, sql.mid(start, i - start).toString(), start, i});
        } else {
            tokens.append({Token::Punct, QString(c), i, i + 1});
            ++i;
        }
    }
    return tokens;
}

/// The index of the `)` that closes the `(` at @p open, or tokens.size().
qsizetype closing(const QList<Token> &tokens, qsizetype open)
{
    int depth = 0;
    for (qsizetype i = open; i < tokens.size(); ++i) {
        if (tokens.at(i).isPunct(u'('))
            ++depth;
        else if (tokens.at(i).isPunct(u')') && --depth == 0)
            return i;
    }
    return tokens.size();
}

/// The comma-separated items between the parentheses at @p open and @p close, as token ranges.
QList<std::pair<qsizetype, qsizetype>> items(const QList<Token> &tokens, qsizetype open, qsizetype close)
{
    QList<std::pair<qsizetype, qsizetype>> result;
    qsizetype start = open + 1;
    int depth = 0;
    for (qsizetype i = open + 1; i < close; ++i) {
        if (tokens.at(i).isPunct(u'('))
            ++depth;
        else if (tokens.at(i).isPunct(u')'))
            --depth;
        else if (depth == 0 && tokens.at(i).isPunct(u',')) {
            result.append({start, i});
            start = i + 1;
        }
    }
    if (start < close)
        result.append({start, close});
    return result;
}

/// The names listed in the parentheses at @p open: `(a, "b c")`.
QStringList nameList(const QList<Token> &tokens, qsizetype open)
{
    QStringList names;
    if (open >= tokens.size() || !tokens.at(open).isPunct(u'('))
        return names;
    for (const auto &[begin, end] : items(tokens, open, closing(tokens, open))) {
        if (begin < end && tokens.at(begin).isName())
            names.append(tokens.at(begin).text);
    }
    return names;
}

/// The text between the parentheses at @p open, normalised.
QString parenthesised(QStringView sql, const QList<Token> &tokens, qsizetype open)
{
    const qsizetype close = closing(tokens, open);
    if (close >= tokens.size())
        return QString();
    return normalized(sql.mid(tokens.at(open).end, tokens.at(close).begin - tokens.at(open).end));
}

struct NamedColumns
{
    QString name;
    QStringList columns;
};

struct ParsedForeignKey
{
    QString name;
    QStringList columns;
    QString referredTable;
};

/// What SQLite's catalog does not say about a table, read from its CREATE TABLE text.
struct ParsedTable
{
    QString primaryKeyName;
    QList<NamedColumns> uniques;
    QList<SchemaCheckConstraint> checks;
    QList<ParsedForeignKey> foreignKeys;
    bool withoutRowid = false;
};

/// Reads a REFERENCES clause at @p i: the referred table, into @p fk.
qsizetype readReferences(const QList<Token> &tokens, qsizetype i, ParsedForeignKey &fk)
{
    ++i; // REFERENCES
    if (i < tokens.size() && tokens.at(i).isName())
        fk.referredTable = tokens.at(i++).text;
    if (i + 1 < tokens.size() && tokens.at(i).isPunct(u'.') && tokens.at(i + 1).isName()) {
        fk.referredTable = tokens.at(i + 1).text; // schema.table: SQLite refers within one database
        i += 2;
    }
    return i;
}

ParsedTable parseCreateTable(QStringView sql)
{
    ParsedTable parsed;
    const QList<Token> tokens = tokenize(sql);
    qsizetype open = 0;
    while (open < tokens.size() && !tokens.at(open).isPunct(u'('))
        ++open;
    const qsizetype close = closing(tokens, open);
    if (close >= tokens.size())
        return parsed;
    parsed.withoutRowid =
        close + 2 < tokens.size() && tokens.at(close + 1).is(u"WITHOUT") && tokens.at(close + 2).is(u"ROWID");
    for (const auto &[begin, end] : items(tokens, open, close)) {
        qsizetype i = begin;
        QString name;
        if (i + 1 < end && tokens.at(i).is(u"CONSTRAINT")) {
            name = tokens.at(i + 1).text;
            i += 2;
        }
        if (i >= end)
            continue;
        const Token &head = tokens.at(i);
        if (head.is(u"PRIMARY")) {
            parsed.primaryKeyName = name;
        } else if (head.is(u"UNIQUE")) {
            parsed.uniques.append({name, nameList(tokens, i + 1)});
        } else if (head.is(u"CHECK")) {
            parsed.checks.append({name, parenthesised(sql, tokens, i + 1)});
        } else if (head.is(u"FOREIGN")) {
            ParsedForeignKey fk;
            fk.name = name;
            qsizetype at = i + 2; // FOREIGN KEY
            fk.columns = nameList(tokens, at);
            at = closing(tokens, at) + 1;
            if (at < end && tokens.at(at).is(u"REFERENCES"))
                readReferences(tokens, at, fk);
            parsed.foreignKeys.append(fk);
        } else if (head.isName()) {
            // A column definition and its constraints; CONSTRAINT names the one that follows it.
            const QString column = head.text;
            QString pending;
            for (qsizetype k = i + 1; k < end; ++k) {
                const Token &token = tokens.at(k);
                if (token.isPunct(u'(')) {
                    k = closing(tokens, k);
                } else if (token.is(u"CONSTRAINT") && k + 1 < end) {
                    pending = tokens.at(++k).text;
                } else if (token.is(u"NOT") || token.is(u"NULL") || token.is(u"DEFAULT") || token.is(u"COLLATE") ||
                           token.is(u"GENERATED") || token.is(u"AS")) {
                    pending.clear(); // the name went to one of these constraints
                } else if (token.is(u"PRIMARY")) {
                    parsed.primaryKeyName = std::exchange(pending, QString());
                } else if (token.is(u"UNIQUE")) {
                    parsed.uniques.append({std::exchange(pending, QString()), {column}});
                } else if (token.is(u"CHECK") && k + 1 < end) {
                    parsed.checks.append({std::exchange(pending, QString()), parenthesised(sql, tokens, k + 1)});
                    k = closing(tokens, k + 1);
                } else if (token.is(u"REFERENCES")) {
                    ParsedForeignKey fk;
                    fk.name = std::exchange(pending, QString());
                    fk.columns = {column};
                    k = readReferences(tokens, k, fk) - 1;
                    parsed.foreignKeys.append(fk);
                }
            }
        }
    }
    return parsed;
}

/// An index's CREATE INDEX text read for what the pragmas leave out: each key's text and the WHERE.
struct ParsedIndex
{
    QStringList keys;
    QString where;
};

ParsedIndex parseCreateIndex(QStringView sql)
{
    ParsedIndex parsed;
    const QList<Token> tokens = tokenize(sql);
    qsizetype on = 0;
    while (on < tokens.size() && !tokens.at(on).is(u"ON"))
        ++on;
    qsizetype open = on;
    while (open < tokens.size() && !tokens.at(open).isPunct(u'('))
        ++open;
    const qsizetype close = closing(tokens, open);
    if (close >= tokens.size())
        return parsed;
    for (auto [begin, end] : items(tokens, open, close)) {
        // The key without its ordering and collation.
        for (qsizetype k = begin; k < end; ++k) {
            if (tokens.at(k).is(u"COLLATE") || tokens.at(k).is(u"ASC") || tokens.at(k).is(u"DESC")) {
                end = k;
                break;
            }
        }
        parsed.keys.append(
            begin < end ? normalized(sql.mid(tokens.at(begin).begin, tokens.at(end - 1).end - tokens.at(begin).begin))
                        : QString());
    }
    if (close + 1 < tokens.size() && tokens.at(close + 1).is(u"WHERE"))
        parsed.where = normalized(sql.mid(tokens.at(close + 1).end));
    return parsed;
}

// ---------------------------------------------------------------------------------------------
// The inspection.

QString sqlError(const QSqlError &error)
{
    QString text = error.databaseText().trimmed();
    return text.isEmpty() ? error.text().trimmed() : text;
}

/// One inspection: the connection, the tables found so far and the first error.
class Inspection
{
public:
    Inspection(DatabaseConnection &connection, const VersionTableName &versionTable)
        : m_db(connection.database())
        , m_displayUrl(connection.displayUrl())
        , m_versionTable(versionTable)
    {
        m_schema.dialect = connection.dialect();
    }

    /// Runs @p sql with @p values bound; false (and the error kept) when it fails.
    bool exec(QSqlQuery &query, const QString &sql, const QVariantList &values = {})
    {
        query.setForwardOnly(true);
        QElapsedTimer timer;
        timer.start();
        bool ok = false;
        if (values.isEmpty()) {
            ok = query.exec(sql);
        } else if (query.prepare(sql)) {
            for (const QVariant &value : values)
                query.addBindValue(value);
            ok = query.exec();
        }
        if (!ok && m_error.isEmpty()) {
            m_error = sqlError(query.lastError());
            qCDebug(lcSchemaInspector) << "failed:" << sql << m_error;
        }
        qCDebug(lcSchemaInspector).noquote() << timer.elapsed() << "ms:" << sql.left(100);
        return ok;
    }

    bool failed() const { return !m_error.isEmpty(); }
    Result<Schema> result()
    {
        if (failed()) {
            return Result<Schema>::failure(Tr::tr("Cannot read the schema of %1: %2").arg(m_displayUrl, m_error));
        }
        finish();
        return std::move(m_schema);
    }
    void fail(const QString &error)
    {
        if (m_error.isEmpty())
            m_error = error;
    }

    /// The name a schema has in the result: empty for the default schema.
    QString reported(const QString &schema) const { return schema == m_defaultSchema ? QString() : schema; }

    void setDefaultSchema(const QString &schema) { m_defaultSchema = schema; }
    const QString &defaultSchema() const { return m_defaultSchema; }

    /// The table (schema as the catalog names it), or nullptr for the version table.
    SchemaTable *table(const QString &schema, const QString &name)
    {
        const QString key = schema + QChar(0x1f) + name;
        if (const auto found = m_index.constFind(key); found != m_index.cend())
            return &m_schema.tables[*found];
        if (name == m_versionTable.table &&
            schema == (m_versionTable.schema.isEmpty() ? m_defaultSchema : m_versionTable.schema))
            return nullptr;
        SchemaTable table;
        table.schema = reported(schema);
        table.name = name;
        m_schema.tables.append(table);
        m_index.insert(key, m_schema.tables.size() - 1);
        return &m_schema.tables.last();
    }
    /// The table if it was created by table() before.
    SchemaTable *existing(const QString &schema, const QString &name)
    {
        const auto found = m_index.constFind(schema + QChar(0x1f) + name);
        return found == m_index.cend() ? nullptr : &m_schema.tables[*found];
    }

    void addView(const QString &schema, const QString &name)
    {
        const QString shown = reported(schema);
        m_schema.views.append(shown.isEmpty() ? name : shown + u'.' + name);
    }
    Schema &schema() { return m_schema; }
    QSqlDatabase &db() { return m_db; }

private:
    void finish()
    {
        m_schema.sortTables();
        m_schema.views.sort();
        for (SchemaTable &table : m_schema.tables) {
            std::sort(table.indexes.begin(), table.indexes.end(), [](const SchemaIndex &a, const SchemaIndex &b) {
                return std::tie(a.name, a.columns) < std::tie(b.name, b.columns);
            });
            std::sort(table.uniqueConstraints.begin(), table.uniqueConstraints.end(),
                      [](const SchemaUniqueConstraint &a, const SchemaUniqueConstraint &b) {
                          return std::tie(a.name, a.columns) < std::tie(b.name, b.columns);
                      });
            std::sort(table.checkConstraints.begin(), table.checkConstraints.end(),
                      [](const SchemaCheckConstraint &a, const SchemaCheckConstraint &b) {
                          return std::tie(a.name, a.sqlText) < std::tie(b.name, b.sqlText);
                      });
            std::sort(table.foreignKeys.begin(), table.foreignKeys.end(),
                      [](const SchemaForeignKey &a, const SchemaForeignKey &b) {
                          return std::tie(a.name, a.columns) < std::tie(b.name, b.columns);
                      });
        }
    }

    QSqlDatabase &m_db;
    QString m_displayUrl;
    VersionTableName m_versionTable;
    QString m_defaultSchema;
    Schema m_schema;
    QHash<QString, qsizetype> m_index;
    QString m_error;
};

/// ON DELETE / ON UPDATE as Retort keeps it: upper case, empty for the defaults.
QString referentialAction(const QString &action)
{
    const QString upper = action.simplified().toUpper();
    return upper == u"NO ACTION" || upper == u"RESTRICT" ? QString() : upper;
}

/// `?, ?, ?` for @p count values.
QString placeholders(qsizetype count)
{
    QStringList marks(count, u"?"_s);
    return marks.join(u", "_s);
}

QVariantList variants(const QStringList &values)
{
    QVariantList list;
    for (const QString &value : values)
        list.append(value);
    return list;
}

// ---------------------------------------------------------------------------------------------
// SQLite

QString sqliteLiteral(const QString &value)
{
    return u'\'' + QString(value).replace(u'\'', u"''"_s) + u'\'';
}

void inspectSqliteSchema(Inspection &in, const QString &schemaName)
{
    const SqlDialect dialect(Kind::SQLite);
    // The schema is a name in FROM (it cannot be bound there) and an argument of the pragma functions.
    const QString master = dialect.quoteIdentifier(schemaName) + u".sqlite_master"_s;
    const QString literal = sqliteLiteral(schemaName);
    const QString userTables = u"m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"_s;

    // Every table's and index's CREATE text: constraint names, checks, index expressions and predicates.
    QHash<QString, ParsedTable> parsedTables;
    QHash<QString, QString> indexSql;
    QSqlQuery query(in.db());
    if (!in.exec(query, u"SELECT m.type, m.name, m.sql FROM %1 m WHERE m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                        u"ORDER BY m.name"_s.arg(master)))
        return;
    while (query.next()) {
        const QString type = query.value(0).toString();
        const QString name = query.value(1).toString();
        if (type == u"table") {
            if (in.table(schemaName, name))
                parsedTables.insert(name, parseCreateTable(query.value(2).toString()));
        } else if (type == u"view") {
            in.addView(schemaName, name);
        } else if (type == u"index" && !query.isNull(2)) {
            indexSql.insert(name, query.value(2).toString());
        }
    }

    if (!in.exec(query, u"SELECT m.name, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk FROM %1 m "
                        u"JOIN pragma_table_info(m.name, %2) p WHERE %3 ORDER BY m.name, p.cid"_s.arg(master, literal,
                                                                                                      userTables)))
        return;
    QHash<QString, QList<std::pair<int, QString>>> primaryKeys;
    while (query.next()) {
        SchemaTable *table = in.existing(schemaName, query.value(0).toString());
        if (!table)
            continue;
        SchemaColumn column;
        column.name = query.value(1).toString();
        column.type = SqlType::parse(dialect, query.value(2).toString());
        column.nullable = query.value(3).toInt() == 0;
        column.serverDefault = query.isNull(4) ? QString() : normalized(query.value(4).toString());
        if (const int position = query.value(5).toInt(); position > 0)
            primaryKeys[table->name].append({position, column.name});
        table->columns.append(column);
    }
    for (auto it = primaryKeys.begin(); it != primaryKeys.end(); ++it) {
        std::sort(it->begin(), it->end());
        SchemaTable *table = in.existing(schemaName, it.key());
        for (const auto &[position, name] : std::as_const(*it))
            table->primaryKey.columns.append(name);
        const ParsedTable parsed = parsedTables.value(it.key());
        table->primaryKey.name = parsed.primaryKeyName;
        // A single INTEGER primary key is the rowid: SQLite numbers it.
        if (table->primaryKey.columns.size() == 1 && !parsed.withoutRowid) {
            SchemaColumn *column = table->column(table->primaryKey.columns.constFirst());
            if (column && column->type.name == u"INTEGER" && column->type.length < 0)
                column->autoincrement = true;
        }
    }

    // Indexes: key columns only (pragma_index_xinfo also lists the rowid and the auxiliary columns).
    if (!in.exec(query,
                 u"SELECT m.name, il.name, il.\"unique\", il.origin, il.partial, ii.cid, ii.name FROM %1 m "
                 u"JOIN pragma_index_list(m.name, %2) il JOIN pragma_index_xinfo(il.name, %2) ii "
                 u"WHERE %3 AND ii.key = 1 ORDER BY m.name, il.name, ii.seqno"_s.arg(master, literal, userTables)))
        return;
    struct IndexRow
    {
        QString table;
        QString name;
        bool unique = false;
        QString origin;
        bool partial = false;
        QList<std::pair<int, QString>> keys; // cid, name
    };
    QList<IndexRow> indexRows;
    while (query.next()) {
        const QString tableName = query.value(0).toString();
        const QString indexName = query.value(1).toString();
        if (indexRows.isEmpty() || indexRows.constLast().table != tableName ||
            indexRows.constLast().name != indexName) {
            indexRows.append({tableName,
                              indexName,
                              query.value(2).toInt() != 0,
                              query.value(3).toString(),
                              query.value(4).toInt() != 0,
                              {}});
        }
        indexRows.last().keys.append({query.value(5).toInt(), query.value(6).toString()});
    }
    for (const IndexRow &row : std::as_const(indexRows)) {
        SchemaTable *table = in.existing(schemaName, row.table);
        if (!table || row.origin == u"pk")
            continue;
        QStringList columns;
        bool expressions = false;
        const ParsedIndex parsed = row.origin == u"c" ? parseCreateIndex(indexSql.value(row.name)) : ParsedIndex();
        for (qsizetype k = 0; k < row.keys.size(); ++k) {
            const auto &[cid, name] = row.keys.at(k);
            if (cid == -2) {
                expressions = true;
                columns.append(u'(' + parsed.keys.value(k) + u')');
            } else {
                columns.append(cid == -1 ? u"rowid"_s : name);
            }
        }
        if (row.origin == u"u") {
            // SQLite names the index sqlite_autoindex_*; the constraint's name, if any, is in the table's text.
            SchemaUniqueConstraint unique{QString(), columns};
            for (const NamedColumns &named : parsedTables.value(row.table).uniques) {
                if (!named.name.isEmpty() && named.columns == columns) {
                    unique.name = named.name;
                    break;
                }
            }
            table->uniqueConstraints.append(unique);
            continue;
        }
        SchemaIndex index;
        index.name = row.name;
        index.columns = columns;
        index.unique = row.unique;
        index.hasExpressions = expressions;
        if (row.partial)
            index.where = parsed.where;
        table->indexes.append(index);
    }

    // Foreign keys: one row per column; names from the table's text, matched by columns and target.
    if (!in.exec(query, u"SELECT m.name, fk.id, fk.\"table\", fk.\"from\", fk.\"to\", fk.on_update, fk.on_delete "
                        u"FROM %1 m JOIN pragma_foreign_key_list(m.name, %2) fk WHERE %3 "
                        u"ORDER BY m.name, fk.id, fk.seq"_s.arg(master, literal, userTables)))
        return;
    QString lastTable;
    int lastId = -1;
    QList<std::pair<SchemaTable *, bool>> withImplicitTargets; // table, any FK without "to" columns
    while (query.next()) {
        SchemaTable *table = in.existing(schemaName, query.value(0).toString());
        if (!table)
            continue;
        const int id = query.value(1).toInt();
        if (table->name != lastTable || id != lastId) {
            SchemaForeignKey fk;
            fk.referredTable = query.value(2).toString();
            fk.onUpdate = referentialAction(query.value(5).toString());
            fk.onDelete = referentialAction(query.value(6).toString());
            table->foreignKeys.append(fk);
            lastTable = table->name;
            lastId = id;
        }
        SchemaForeignKey &fk = table->foreignKeys.last();
        fk.columns.append(query.value(3).toString());
        if (!query.isNull(4))
            fk.referredColumns.append(query.value(4).toString());
    }
    for (SchemaTable &table : in.schema().tables) {
        if (table.schema != in.reported(schemaName))
            continue;
        for (SchemaForeignKey &fk : table.foreignKeys) {
            // REFERENCES parent without columns: the parent's primary key.
            if (fk.referredColumns.isEmpty()) {
                if (const SchemaTable *parent = in.existing(schemaName, fk.referredTable))
                    fk.referredColumns = parent->primaryKey.columns;
            }
            for (const ParsedForeignKey &named : parsedTables.value(table.name).foreignKeys) {
                if (!named.name.isEmpty() && named.columns == fk.columns &&
                    named.referredTable.compare(fk.referredTable, Qt::CaseInsensitive) == 0) {
                    fk.name = named.name;
                    break;
                }
            }
        }
        table.checkConstraints = parsedTables.value(table.name).checks;
    }
}

void inspectSqlite(Inspection &in, QStringList schemas)
{
    in.setDefaultSchema(u"main"_s);
    if (schemas.isEmpty())
        schemas = {u"main"_s};
    for (const QString &schema : std::as_const(schemas)) {
        inspectSqliteSchema(in, schema);
        if (in.failed())
            return;
    }
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL
//
// Every catalog row is tied to its table by oid, and key columns come as attribute numbers
// (`{1,2}`, `1 2`) mapped to names in C++: deparsing functions such as pg_get_indexdef() build a
// relation cache entry per index on a fresh connection, which costs more than the rest together.
// They run only for the few keys that are expressions.

/// The numbers of an int2vector (`1 3`) or an array (`{1,3}`).
QList<int> attributeNumbers(QStringView text)
{
    QList<int> numbers;
    int value = 0;
    bool inNumber = false;
    bool negative = false;
    for (QChar c : text) {
        if (c.isDigit()) {
            value = value * 10 + c.digitValue();
            inNumber = true;
        } else if (c == u'-') {
            negative = true;
        } else {
            if (inNumber)
                numbers.append(negative ? -value : value);
            value = 0;
            inNumber = negative = false;
        }
    }
    if (inNumber)
        numbers.append(negative ? -value : value);
    return numbers;
}

/// A comma-separated list of oids for an IN (…); they come from the server, so they are numbers.
QString oidList(const QList<qint64> &oids)
{
    QStringList texts;
    texts.reserve(oids.size());
    for (qint64 oid : oids)
        texts.append(QString::number(oid));
    return texts.join(u',');
}

void inspectPostgres(Inspection &in, QStringList schemas)
{
    const SqlDialect dialect(Kind::PostgreSQL);
    QSqlQuery query(in.db());
    if (!in.exec(query, u"SELECT current_schema(), current_setting('server_version_num')::int"_s) || !query.next())
        return in.fail(Tr::tr("the server does not say which schema is the current one"));
    in.setDefaultSchema(query.value(0).toString());
    const int version = query.value(1).toInt();
    if (schemas.isEmpty())
        schemas = {in.defaultSchema()};
    const QString inSchemas = u"n.nspname IN (%1)"_s.arg(placeholders(schemas.size()));
    const QVariantList schemaValues = variants(schemas);
    // The tables' oids, for the queries after this one.
    const QString tableOids = u"SELECT c.oid FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
                              u"ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND %1"_s.arg(inSchemas);

    // Tables and views, so that tables without columns are there too.
    if (!in.exec(query,
                 u"SELECT c.oid::bigint, n.nspname, c.relname, c.relkind::text FROM pg_catalog.pg_class c "
                 u"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                 u"WHERE c.relkind IN ('r', 'p', 'v', 'm') AND %1"_s.arg(inSchemas),
                 schemaValues))
        return;
    QList<std::pair<qint64, std::pair<QString, QString>>> found;
    while (query.next()) {
        const QString kind = query.value(3).toString();
        if (kind == u"v" || kind == u"m")
            in.addView(query.value(1).toString(), query.value(2).toString());
        else
            found.append({query.value(0).toLongLong(), {query.value(1).toString(), query.value(2).toString()}});
    }
    for (const auto &[oid, name] : std::as_const(found))
        in.table(name.first, name.second);
    // Every table exists now: the pointers stay valid.
    QHash<qint64, SchemaTable *> tables;
    QHash<qint64, QString> tableSchemas; // as the catalog names it, the default schema too
    for (const auto &[oid, name] : std::as_const(found)) {
        if (SchemaTable *table = in.existing(name.first, name.second)) {
            tables.insert(oid, table);
            tableSchemas.insert(oid, name.first);
        }
    }

    // Enum types of every schema: a column may use one from a schema that is not inspected.
    struct EnumType
    {
        QString schema;
        QString name;
        QStringList labels;
    };
    QHash<qint64, EnumType> enums;
    QHash<qint64, qint64> enumArrays; // array type → its enum
    QList<qint64> enumOrder;
    if (!in.exec(query, u"SELECT t.oid::bigint, t.typarray::bigint, n.nspname, t.typname, e.enumlabel "
                        u"FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
                        u"JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid "
                        u"ORDER BY n.nspname, t.typname, e.enumsortorder"_s))
        return;
    while (query.next()) {
        const qint64 oid = query.value(0).toLongLong();
        EnumType &type = enums[oid];
        if (type.name.isEmpty()) {
            enumArrays.insert(query.value(1).toLongLong(), oid);
            type.schema = query.value(2).toString();
            type.name = query.value(3).toString();
            enumOrder.append(oid);
        }
        type.labels.append(query.value(4).toString());
    }
    for (qint64 oid : std::as_const(enumOrder)) {
        const EnumType &type = enums.value(oid);
        if (schemas.contains(type.schema))
            in.schema().enums.append({in.reported(type.schema), type.name, type.labels});
    }

    // Columns; attribute numbers kept for the keys below.
    const QString identity = version >= 100000 ? u"a.attidentity::text"_s : u"''"_s;
    const QString generated = version >= 120000 ? u"a.attgenerated::text"_s : u"''"_s;
    if (!in.exec(query,
                 u"SELECT a.attrelid::bigint, a.attnum, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), "
                 u"a.attnotnull, CASE WHEN %2 = '' THEN pg_catalog.pg_get_expr(d.adbin, 0) END, %1, %2, "
                 u"ds.description, a.atttypid::bigint "
                 u"FROM pg_catalog.pg_attribute a "
                 u"LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                 u"LEFT JOIN pg_catalog.pg_description ds ON ds.objoid = a.attrelid "
                 u"AND ds.classoid = 'pg_catalog.pg_class'::regclass AND ds.objsubid = a.attnum "
                 u"WHERE a.attrelid IN (%3) AND a.attnum > 0 AND NOT a.attisdropped "
                 u"ORDER BY a.attrelid, a.attnum"_s.arg(identity, generated, tableOids),
                 schemaValues))
        return;
    QHash<std::pair<qint64, int>, QString> attributes;
    QHash<QString, SqlType> types; // a handful of distinct types among thousands of columns
    while (query.next()) {
        const qint64 relid = query.value(0).toLongLong();
        const QString name = query.value(2).toString();
        attributes.insert({relid, query.value(1).toInt()}, name);
        SchemaTable *table = tables.value(relid);
        if (!table)
            continue;
        SchemaColumn column;
        column.name = name;
        const QString declared = query.value(3).toString();
        auto type = types.constFind(declared);
        if (type == types.cend())
            type = types.insert(declared, SqlType::parse(dialect, declared));
        column.type = *type;
        column.nullable = !query.value(4).toBool();
        const QString defaultSql = query.value(5).toString();
        const QString identityKind = query.value(6).toString();
        column.comment = query.value(8).toString();
        const qint64 typeOid = query.value(9).toLongLong();
        const qint64 enumOid = enums.contains(typeOid) ? typeOid : enumArrays.value(typeOid, -1);
        if (enumOid >= 0) {
            const EnumType &enumType = enums.value(enumOid);
            column.type.name = u"ENUM"_s;
            column.type.enumName =
                enumType.schema == tableSchemas.value(relid) ? enumType.name : enumType.schema + u'.' + enumType.name;
            column.type.enumValues = enumType.labels;
            column.type.isArray = enumOid != typeOid;
        }
        if (!identityKind.isEmpty()) {
            column.autoincrement = true;
        } else if (defaultSql.startsWith(u"nextval(")) {
            column.autoincrement = true; // serial: the sequence is its autoincrement, not a default
        } else if (!defaultSql.isEmpty()) {
            column.serverDefault = normalized(defaultSql);
        }
        table->columns.append(column);
    }
    const auto names = [&](qint64 relid, const QString &numbers) {
        QStringList list;
        for (int number : attributeNumbers(numbers))
            list.append(attributes.value({relid, number}));
        return list;
    };

    // Constraints: primary keys, unique, foreign keys, checks.
    if (!in.exec(query,
                 u"SELECT con.conrelid::bigint, con.conname, con.contype::text, con.conkey::text, "
                 u"con.confrelid::bigint, rn.nspname, rc.relname, con.confkey::text, con.confdeltype::text, "
                 u"con.confupdtype::text, CASE WHEN con.contype = 'c' THEN pg_catalog.pg_get_constraintdef(con.oid, "
                 u"true) END "
                 u"FROM pg_catalog.pg_constraint con "
                 u"LEFT JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid "
                 u"LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace "
                 u"WHERE con.conrelid IN (%1) AND con.contype IN ('p', 'u', 'f', 'c') "
                 u"ORDER BY con.conrelid, con.conname"_s.arg(tableOids),
                 schemaValues))
        return;
    const auto action = [](const QString &code) {
        if (code == u"c")
            return u"CASCADE"_s;
        if (code == u"n")
            return u"SET NULL"_s;
        if (code == u"d")
            return u"SET DEFAULT"_s;
        return QString(); // a: NO ACTION, r: RESTRICT
    };
    // Keys into tables that are not inspected: their column names are read afterwards.
    struct OutsideKey
    {
        SchemaTable *table;
        qsizetype position; ///< in table->foreignKeys
        qint64 referred;
        QString numbers;
    };
    QList<OutsideKey> outside;
    while (query.next()) {
        const qint64 relid = query.value(0).toLongLong();
        SchemaTable *table = tables.value(relid);
        if (!table)
            continue;
        const QString name = query.value(1).toString();
        const QString type = query.value(2).toString();
        const QStringList columns = names(relid, query.value(3).toString());
        if (type == u"p") {
            table->primaryKey = {name, columns};
        } else if (type == u"u") {
            table->uniqueConstraints.append({name, columns});
        } else if (type == u"c") {
            QString text = query.value(10).toString();
            if (text.startsWith(u"CHECK"))
                text = text.mid(5);
            if (text.endsWith(u" NOT VALID"))
                text.chop(10);
            table->checkConstraints.append({name, normalized(text)});
        } else {
            SchemaForeignKey fk;
            fk.name = name;
            fk.columns = columns;
            const qint64 referred = query.value(4).toLongLong();
            const QString referredSchema = query.value(5).toString();
            fk.referredSchema = referredSchema == tableSchemas.value(relid) ? QString() : referredSchema;
            fk.referredTable = query.value(6).toString();
            fk.onDelete = action(query.value(8).toString());
            fk.onUpdate = action(query.value(9).toString());
            if (tables.contains(referred))
                fk.referredColumns = names(referred, query.value(7).toString());
            else
                outside.append({table, table->foreignKeys.size(), referred, query.value(7).toString()});
            table->foreignKeys.append(fk);
        }
    }
    if (!outside.isEmpty()) {
        QList<qint64> relids;
        for (const OutsideKey &key : std::as_const(outside))
            relids.append(key.referred);
        if (!in.exec(query, u"SELECT a.attrelid::bigint, a.attnum, a.attname FROM pg_catalog.pg_attribute a "
                            u"WHERE a.attrelid IN (%1) AND a.attnum > 0"_s.arg(oidList(relids))))
            return;
        while (query.next())
            attributes.insert({query.value(0).toLongLong(), query.value(1).toInt()}, query.value(2).toString());
        for (const OutsideKey &key : std::as_const(outside))
            key.table->foreignKeys[key.position].referredColumns = names(key.referred, key.numbers);
    }

    // Indexes: not those of primary key, unique or exclusion constraints.
    const QString keyCount = version >= 110000 ? u"ix.indnkeyatts"_s : u"ix.indnatts"_s;
    if (!in.exec(query,
                 u"SELECT ix.indrelid::bigint, ix.indexrelid::bigint, i.relname, ix.indisunique, ix.indkey::text, "
                 u"%1, ix.indexprs IS NOT NULL, pg_catalog.pg_get_expr(ix.indpred, ix.indrelid, true) "
                 u"FROM pg_catalog.pg_index ix JOIN pg_catalog.pg_class i ON i.oid = ix.indexrelid "
                 u"WHERE ix.indrelid IN (%2) AND NOT ix.indisprimary "
                 u"AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con WHERE con.conrelid = ix.indrelid "
                 u"AND con.conindid = ix.indexrelid AND con.contype IN ('p', 'u', 'x')) "
                 u"ORDER BY ix.indrelid, i.relname"_s.arg(keyCount, tableOids),
                 schemaValues))
        return;
    QHash<qint64, std::pair<SchemaTable *, qsizetype>> withExpressions; // index oid → table, position
    while (query.next()) {
        const qint64 relid = query.value(0).toLongLong();
        SchemaTable *table = tables.value(relid);
        if (!table)
            continue;
        SchemaIndex index;
        index.name = query.value(2).toString();
        index.unique = query.value(3).toBool();
        const QList<int> keys = attributeNumbers(query.value(4).toString()).mid(0, query.value(5).toInt());
        for (int number : keys)
            index.columns.append(number == 0 ? QString() : attributes.value({relid, number}));
        index.hasExpressions = query.value(6).toBool();
        index.where = normalized(query.value(7).toString());
        if (index.hasExpressions)
            withExpressions.insert(query.value(1).toLongLong(), {table, table->indexes.size()});
        table->indexes.append(index);
    }
    if (withExpressions.isEmpty())
        return;
    if (!in.exec(query, u"SELECT ix.indexrelid::bigint, k.n, pg_catalog.pg_get_indexdef(ix.indexrelid, k.n, true) "
                        u"FROM pg_catalog.pg_index ix CROSS JOIN LATERAL generate_series(1, %1) AS k(n) "
                        u"WHERE ix.indexrelid IN (%2) AND ix.indkey[k.n - 1] = 0"_s.arg(
                            keyCount, oidList(withExpressions.keys()))))
        return;
    while (query.next()) {
        const auto [table, position] = withExpressions.value(query.value(0).toLongLong());
        QStringList &columns = table->indexes[position].columns;
        const qsizetype key = query.value(1).toInt() - 1;
        if (key >= 0 && key < columns.size())
            columns[key] = u'(' + normalized(query.value(2).toString()) + u')';
    }
}

// ---------------------------------------------------------------------------------------------
// MySQL and MariaDB

/// Whether a MySQL type takes its default as a quoted literal.
bool isQuotedDefaultType(const SqlType &type)
{
    static const QStringList quoted = {u"VARCHAR"_s,  u"CHAR"_s,      u"TINYTEXT"_s,   u"TEXT"_s,     u"MEDIUMTEXT"_s,
                                       u"LONGTEXT"_s, u"ENUM"_s,      u"SET"_s,        u"BINARY"_s,   u"VARBINARY"_s,
                                       u"TINYBLOB"_s, u"BLOB"_s,      u"MEDIUMBLOB"_s, u"LONGBLOB"_s, u"DATE"_s,
                                       u"DATETIME"_s, u"TIMESTAMP"_s, u"TIME"_s,       u"YEAR"_s,     u"JSON"_s};
    return quoted.contains(type.name);
}

/// A MySQL default as SQL. MariaDB from 10.2.7 on reports SQL (`'x'`, `current_timestamp()`, `NULL`);
/// MySQL and older MariaDB report a string literal's value unquoted, and expressions (8.0.13 on) with
/// DEFAULT_GENERATED in EXTRA.
QString mysqlDefault(const QString &value, const SqlType &type, const QString &extra, bool reportsSql)
{
    if (reportsSql)
        return normalized(value);
    static const QStringList functions = {u"CURRENT_TIMESTAMP"_s, u"NOW()"_s, u"LOCALTIME"_s, u"LOCALTIMESTAMP"_s};
    const QString upper = value.toUpper();
    const bool expression =
        extra.contains(u"DEFAULT_GENERATED"_s, Qt::CaseInsensitive) ||
        std::any_of(functions.cbegin(), functions.cend(), [&](const QString &f) { return upper.startsWith(f); });
    if (expression)
        return normalized(value);
    if (isQuotedDefaultType(type))
        return u'\'' + QString(value).replace(u'\'', u"''"_s) + u'\'';
    return value;
}

/// MariaDB's version as a number (10.2.7 → 100207), or 0 for MySQL.
int mariadbVersion(const QString &versionText)
{
    if (!versionText.contains(u"MariaDB"_s, Qt::CaseInsensitive))
        return 0;
    QString text = versionText;
    // Some builds report "5.5.5-10.x.y-MariaDB" for old clients.
    if (text.startsWith(u"5.5.5-"))
        text = text.mid(6);
    const QStringList parts = text.section(u'-', 0, 0).split(u'.');
    return parts.value(0).toInt() * 10000 + parts.value(1).toInt() * 100 + parts.value(2).toInt();
}

void inspectMysql(Inspection &in, QStringList schemas)
{
    const SqlDialect dialect(Kind::MySQL);
    QSqlQuery query(in.db());
    if (!in.exec(query, u"SELECT DATABASE(), VERSION()"_s) || !query.next())
        return in.fail(Tr::tr("the server does not say which database is the current one"));
    in.setDefaultSchema(query.value(0).toString());
    const QString versionText = query.value(1).toString();
    const int mariadb = mariadbVersion(versionText);
    const bool reportsSqlDefaults = mariadb >= 100207;
    if (schemas.isEmpty()) {
        if (in.defaultSchema().isEmpty())
            return in.fail(Tr::tr("the URL names no database"));
        schemas = {in.defaultSchema()};
    }
    const QString placeholderList = placeholders(schemas.size());
    const QVariantList schemaValues = variants(schemas);

    if (!in.exec(query,
                 u"SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES "
                 u"WHERE TABLE_SCHEMA IN (%1) ORDER BY TABLE_SCHEMA, TABLE_NAME"_s.arg(placeholderList),
                 schemaValues))
        return;
    while (query.next()) {
        const QString type = query.value(2).toString();
        if (type == u"VIEW")
            in.addView(query.value(0).toString(), query.value(1).toString());
        else if (type == u"BASE TABLE" || type == u"SYSTEM VERSIONED")
            in.table(query.value(0).toString(), query.value(1).toString());
    }

    if (!in.exec(query,
                 u"SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, "
                 u"COLUMN_COMMENT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA IN (%1) "
                 u"ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION"_s.arg(placeholderList),
                 schemaValues))
        return;
    while (query.next()) {
        SchemaTable *table = in.existing(query.value(0).toString(), query.value(1).toString());
        if (!table)
            continue;
        SchemaColumn column;
        column.name = query.value(2).toString();
        column.type = SqlType::parse(dialect, query.value(3).toString());
        column.nullable = query.value(4).toString() == u"YES";
        const QString extra = query.value(6).toString();
        if (!query.isNull(5))
            column.serverDefault = mysqlDefault(query.value(5).toString(), column.type, extra, reportsSqlDefaults);
        column.autoincrement = extra.contains(u"auto_increment"_s, Qt::CaseInsensitive);
        column.comment = query.value(7).toString();
        table->columns.append(column);
    }

    // Which unique indexes are UNIQUE constraints, and the checks where the server keeps them.
    QSet<QString> uniqueConstraints;
    if (!in.exec(query,
                 u"SELECT TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_NAME FROM information_schema.TABLE_CONSTRAINTS "
                 u"WHERE CONSTRAINT_TYPE = 'UNIQUE' AND TABLE_SCHEMA IN (%1)"_s.arg(placeholderList),
                 schemaValues))
        return;
    while (query.next()) {
        uniqueConstraints.insert(query.value(0).toString() + QChar(0x1f) + query.value(1).toString() + QChar(0x1f) +
                                 query.value(2).toString());
    }

    // Functional key parts exist from MySQL 8.0.13 on (EXPRESSION); MariaDB has none.
    bool hasExpressionColumn = false;
    bool hasChecks = false;
    bool checksHaveTable = false;
    bool checksHaveLevel = false;
    if (!in.exec(query, u"SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS "
                        u"WHERE TABLE_SCHEMA = 'information_schema' "
                        u"AND TABLE_NAME IN ('STATISTICS', 'CHECK_CONSTRAINTS')"_s))
        return;
    while (query.next()) {
        const QString tableName = query.value(0).toString().toUpper();
        const QString columnName = query.value(1).toString().toUpper();
        if (tableName == u"STATISTICS" && columnName == u"EXPRESSION")
            hasExpressionColumn = true;
        if (tableName == u"CHECK_CONSTRAINTS") {
            hasChecks = true;
            checksHaveTable = checksHaveTable || columnName == u"TABLE_NAME";
            checksHaveLevel = checksHaveLevel || columnName == u"LEVEL";
        }
    }

    if (!in.exec(query,
                 u"SELECT TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, %1 "
                 u"FROM information_schema.STATISTICS WHERE TABLE_SCHEMA IN (%2) "
                 u"ORDER BY TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX"_s.arg(
                     hasExpressionColumn ? u"EXPRESSION"_s : u"NULL"_s, placeholderList),
                 schemaValues))
        return;
    struct Key
    {
        QString schema;
        QString table;
        QString name;
        bool unique = false;
        QStringList columns;
        bool expressions = false;
    };
    QList<Key> keys;
    while (query.next()) {
        const QString schemaName = query.value(0).toString();
        const QString tableName = query.value(1).toString();
        const QString name = query.value(2).toString();
        if (keys.isEmpty() || keys.constLast().schema != schemaName || keys.constLast().table != tableName ||
            keys.constLast().name != name) {
            keys.append({schemaName, tableName, name, query.value(3).toInt() == 0, {}, false});
        }
        Key &key = keys.last();
        if (query.isNull(4)) {
            key.expressions = true;
            key.columns.append(u'(' + normalized(query.value(5).toString()) + u')');
        } else {
            key.columns.append(query.value(4).toString());
        }
    }
    for (const Key &key : std::as_const(keys)) {
        SchemaTable *table = in.existing(key.schema, key.table);
        if (!table)
            continue;
        if (key.name == u"PRIMARY") {
            table->primaryKey.columns = key.columns; // always named PRIMARY: nobody chose it
        } else if (key.unique &&
                   uniqueConstraints.contains(key.schema + QChar(0x1f) + key.table + QChar(0x1f) + key.name)) {
            table->uniqueConstraints.append({key.name, key.columns});
        } else {
            table->indexes.append({key.name, key.columns, key.unique, key.expressions, QString()});
        }
    }

    if (!in.exec(query,
                 u"SELECT k.TABLE_SCHEMA, k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_SCHEMA, "
                 u"k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.UPDATE_RULE, r.DELETE_RULE "
                 u"FROM information_schema.KEY_COLUMN_USAGE k "
                 u"JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA "
                 u"AND r.TABLE_NAME = k.TABLE_NAME AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME "
                 u"WHERE k.TABLE_SCHEMA IN (%1) AND k.REFERENCED_TABLE_NAME IS NOT NULL "
                 u"ORDER BY k.TABLE_SCHEMA, k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION"_s.arg(placeholderList),
                 schemaValues))
        return;
    SchemaTable *lastTable = nullptr;
    while (query.next()) {
        const QString schemaName = query.value(0).toString();
        SchemaTable *table = in.existing(schemaName, query.value(1).toString());
        if (!table)
            continue;
        const QString name = query.value(2).toString();
        if (table != lastTable || table->foreignKeys.isEmpty() || table->foreignKeys.constLast().name != name) {
            SchemaForeignKey fk;
            fk.name = name;
            const QString referredSchema = query.value(4).toString();
            fk.referredSchema = referredSchema == schemaName ? QString() : referredSchema;
            fk.referredTable = query.value(5).toString();
            fk.onUpdate = referentialAction(query.value(7).toString());
            fk.onDelete = referentialAction(query.value(8).toString());
            table->foreignKeys.append(fk);
            lastTable = table;
        }
        table->foreignKeys.last().columns.append(query.value(3).toString());
        table->foreignKeys.last().referredColumns.append(query.value(6).toString());
    }

    if (!hasChecks)
        return;
    QString checks;
    if (checksHaveTable) {
        // MariaDB: names are per table; column-level checks (LEVEL 'Column', named after the column) are
        // part of a column's definition, like the json_valid() of a JSON column.
        checks = u"SELECT CONSTRAINT_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE "
                 u"FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA IN (%1)%2"_s.arg(
                     placeholderList, checksHaveLevel ? u" AND LEVEL = 'Table'"_s : QString());
    } else {
        checks = u"SELECT tc.TABLE_SCHEMA, tc.TABLE_NAME, cc.CONSTRAINT_NAME, cc.CHECK_CLAUSE "
                 u"FROM information_schema.TABLE_CONSTRAINTS tc JOIN information_schema.CHECK_CONSTRAINTS cc "
                 u"ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME "
                 u"WHERE tc.CONSTRAINT_TYPE = 'CHECK' AND tc.TABLE_SCHEMA IN (%1)"_s.arg(placeholderList);
    }
    if (!in.exec(query, checks, schemaValues))
        return;
    while (query.next()) {
        if (SchemaTable *table = in.existing(query.value(0).toString(), query.value(1).toString()))
            table->checkConstraints.append({query.value(2).toString(), normalized(query.value(3).toString())});
    }
}

} // namespace

QString SchemaInspector::normalizedSql(QStringView sql)
{
    return normalized(sql);
}

Result<Schema> SchemaInspector::inspect(DatabaseConnection &connection, const VersionTableName &versionTable,
                                        const QStringList &schemas)
{
    Inspection in(connection, versionTable);
    if (!connection.database().isOpen())
        in.fail(Tr::tr("the connection is not open"));
    else {
        switch (connection.dialect().kind()) {
        case Kind::SQLite:
            inspectSqlite(in, schemas);
            break;
        case Kind::PostgreSQL:
            inspectPostgres(in, schemas);
            break;
        case Kind::MySQL:
            inspectMysql(in, schemas);
            break;
        }
    }
    return in.result();
}
