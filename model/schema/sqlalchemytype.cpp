// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "schema/sqlalchemytype.h"

#include "schema/pyarguments.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SchemaReplay)
};

using Kind = SqlDialect::Kind;

QString withLength(const QString &name, int length)
{
    return length >= 0 ? u"%1(%2)"_s.arg(name).arg(length) : name;
}

QString quotedList(const QStringList &values)
{
    QStringList quoted;
    for (QString value : values)
        quoted.append(u'\'' + value.replace(u'\'', u"''"_s) + u'\'');
    return quoted.join(u", "_s);
}

class TypeCompiler
{
public:
    TypeCompiler(const PyExpr &expr, SqlDialect dialect)
        : m_expr(expr)
        , m_dialect(dialect)
        , m_args(expr)
    {}

    CompiledSqlAlchemyType compile();

private:
    QString ddl(const QString &name);
    void compileEnum();
    int length() const { return m_isCall ? m_args.integer(0, u"length", -1) : -1; }

    const PyExpr &m_expr;
    SqlDialect m_dialect;
    PyArguments m_args;
    bool m_isCall = false;
    CompiledSqlAlchemyType m_result;
};

CompiledSqlAlchemyType TypeCompiler::compile()
{
    m_isCall = m_expr.kind == PyExpr::Kind::Call;
    const QString dotted = m_expr.dottedName();
    const QString name = dotted.section(u'.', -1);
    if (name.isEmpty()) {
        m_result.problem = Tr::tr("the type '%1' is not a SQLAlchemy type Retort can read").arg(m_expr.source);
        m_result.type.name = m_expr.source.toUpper();
        return m_result;
    }
    const QString lower = name.toLower();
    if (lower == u"enum") {
        compileEnum();
        return m_result;
    }
    if (lower == u"array") {
        const PyExpr *item = m_isCall ? m_args.get(0, u"item_type") : nullptr;
        if (!item) {
            m_result.problem = Tr::tr("the ARRAY type '%1' names no item type").arg(m_expr.source);
            m_result.type.name = u"ARRAY"_s;
            return m_result;
        }
        m_result = compileSqlAlchemyType(*item, m_dialect);
        m_result.type.isArray = true;
        return m_result;
    }
    const QString text = ddl(lower);
    if (text.isEmpty()) {
        m_result.problem = Tr::tr("the type '%1' is not one Retort knows; it is compared by its name").arg(name);
        m_result.type.name = name.toUpper();
        return m_result;
    }
    m_result.type = SqlType::parse(m_dialect, text);
    return m_result;
}

// The DDL SQLAlchemy 1.4's type compilers emit (sqlalchemy/sql/compiler.py GenericTypeCompiler and
// the postgresql, mysql and sqlite dialects' subclasses); empty for a type this does not know.
QString TypeCompiler::ddl(const QString &lower)
{
    const Kind kind = m_dialect.kind();
    if (lower == u"integer" || lower == u"int")
        return m_isCall && m_args.keyword(u"display_width")
                   ? withLength(u"INTEGER"_s, m_args.integer(-1, u"display_width", -1))
                   : u"INTEGER"_s;
    if (lower == u"biginteger" || lower == u"bigint")
        return u"BIGINT"_s;
    if (lower == u"smallinteger" || lower == u"smallint")
        return u"SMALLINT"_s;
    if (lower == u"tinyint" || lower == u"mediumint")
        return withLength(lower.toUpper(), m_isCall ? m_args.integer(0, u"display_width", -1) : -1);
    if (lower == u"boolean" || lower == u"bool")
        return kind == Kind::MySQL ? u"BOOL"_s : u"BOOLEAN"_s;
    if (lower == u"string" || lower == u"varchar" || lower == u"unicode" || lower == u"nvarchar")
        return withLength(u"VARCHAR"_s, length());
    if (lower == u"char" || lower == u"nchar")
        return withLength(u"CHAR"_s, length());
    if (lower == u"text" || lower == u"unicodetext" || lower == u"clob")
        return kind == Kind::MySQL && length() >= 0 ? withLength(u"TEXT"_s, length()) : u"TEXT"_s;
    if (lower == u"tinytext" || lower == u"mediumtext" || lower == u"longtext" || lower == u"year" ||
        lower == u"inet" || lower == u"cidr" || lower == u"macaddr" || lower == u"money" || lower == u"tsvector" ||
        lower == u"hstore" || lower == u"oid" || lower == u"citext" || lower == u"jsonb" || lower == u"json" ||
        lower == u"tinyblob" || lower == u"mediumblob" || lower == u"longblob")
        return lower.toUpper();
    if (lower == u"numeric" || lower == u"decimal") {
        const int precision = m_isCall ? m_args.integer(0, u"precision", -1) : -1;
        const int scale = m_isCall ? m_args.integer(1, u"scale", -1) : -1;
        const QString word = lower == u"decimal" ? u"DECIMAL"_s : u"NUMERIC"_s;
        if (precision < 0)
            return kind == Kind::MySQL ? u"%1(10, 0)"_s.arg(word) : word;
        return scale < 0 ? u"%1(%2)"_s.arg(word).arg(precision) : u"%1(%2, %3)"_s.arg(word).arg(precision).arg(scale);
    }
    if (lower == u"float")
        return withLength(u"FLOAT"_s, m_isCall ? m_args.integer(0, u"precision", -1) : -1);
    if (lower == u"real")
        return u"REAL"_s;
    if (lower == u"double" || lower == u"double_precision")
        return kind == Kind::PostgreSQL ? u"DOUBLE PRECISION"_s : u"DOUBLE"_s;
    if (lower == u"datetime" || lower == u"timestamp" || lower == u"time") {
        const bool timezone = m_isCall && m_args.boolean(-1, u"timezone", false);
        if (kind == Kind::PostgreSQL) {
            const QString word = lower == u"time" ? u"TIME"_s : u"TIMESTAMP"_s;
            return word + (timezone ? u" WITH TIME ZONE"_s : u" WITHOUT TIME ZONE"_s);
        }
        const int fsp = m_isCall ? m_args.integer(-1, u"fsp", -1) : -1;
        return withLength(lower.toUpper(), fsp);
    }
    if (lower == u"date")
        return u"DATE"_s;
    if (lower == u"interval")
        return kind == Kind::PostgreSQL ? u"INTERVAL"_s : u"DATETIME"_s;
    if (lower == u"largebinary" || lower == u"blob" || lower == u"bytea" || lower == u"pickletype" ||
        lower == u"_binary") {
        if (kind == Kind::PostgreSQL)
            return u"BYTEA"_s;
        return kind == Kind::MySQL ? withLength(u"BLOB"_s, length()) : u"BLOB"_s;
    }
    if (lower == u"binary" || lower == u"varbinary")
        return kind == Kind::PostgreSQL ? u"BYTEA"_s : withLength(lower.toUpper(), length());
    if (lower == u"uuid")
        return kind == Kind::PostgreSQL ? u"UUID"_s : u"CHAR(32)"_s;
    if (lower == u"bit")
        return withLength(u"BIT"_s, m_isCall ? m_args.integer(0, u"length", -1) : -1);
    return {};
}

void TypeCompiler::compileEnum()
{
    QStringList values;
    bool literal = true;
    if (m_isCall) {
        for (int i = 0; i < m_args.positionalCount(); ++i) {
            const PyExpr &value = m_args.positional(i);
            if (value.kind == PyExpr::Kind::String)
                values.append(value.text);
            else
                literal = false;
        }
    }
    if (!literal || values.isEmpty()) {
        const bool namedOnly = literal && m_isCall && m_args.keyword(u"name");
        if (!namedOnly)
            m_result.problem =
                Tr::tr("the values of the enum '%1' are not written out; it is compared by name").arg(m_expr.source);
    }
    const QString enumName = m_isCall ? m_args.string(-1, u"name") : QString();
    const bool native = !m_isCall || m_args.boolean(-1, u"native_enum", true);
    int length = m_isCall ? m_args.integer(-1, u"length", -1) : -1;
    if (length < 0) {
        length = 0;
        for (const QString &value : std::as_const(values))
            length = qMax(length, int(value.size()));
    }
    if (native && m_dialect.kind() == Kind::PostgreSQL) {
        m_result.type.name = u"ENUM"_s;
        m_result.type.enumName = enumName;
        m_result.type.enumValues = values;
        const bool createType = !m_isCall || m_args.boolean(-1, u"create_type", true);
        m_result.createsEnumType = createType && !enumName.isEmpty() && !values.isEmpty();
        return;
    }
    if (native && m_dialect.kind() == Kind::MySQL) {
        m_result.type = SqlType::parse(m_dialect, u"ENUM(%1)"_s.arg(quotedList(values)));
        return;
    }
    m_result.type = SqlType::parse(m_dialect, u"VARCHAR(%1)"_s.arg(length));
}

} // namespace

CompiledSqlAlchemyType compileSqlAlchemyType(const PyExpr &expr, SqlDialect dialect)
{
    return TypeCompiler(expr, dialect).compile();
}
