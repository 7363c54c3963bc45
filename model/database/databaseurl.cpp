// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
// SQLAlchemy's make_url and render_as_string, and what a sqlite URL names; the mapping onto Qt Sql is in
// databaseurl_qt.cpp.
#include "database/databaseurl.h"
#include "database/databaseurl_p.h"

#include "python/pythonconversions.h"

#include "database/urlmasking.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseUrl)
};

const QString hidden = u"***"_s;

/// SQLAlchemy's `None` is a null QString; this is its `""`.
QString presentEmpty()
{
    return QString(u""_s);
}

QString present(const QString &text)
{
    return text.isNull() ? presentEmpty() : text;
}

/// SQLAlchemy 1.4's `_parse_url` pattern, verbatim except that `.*` is spelled `[^\n]*` (Python's `.` stops at
/// a newline whatever the regex engine's newline convention) and the match is anchored at the start, as
/// `re.match` is (but not at the end).
const QRegularExpression &urlPattern()
{
    static const QRegularExpression pattern(uR"(\A(?<name>[\w\+]+)://)"
                                            uR"((?:(?<username>[^:/]*)(?::(?<password>[^@]*))?@)?)"
                                            uR"((?:(?:\[(?<ipv6host>[^/\?]+)\]|(?<ipv4host>[^/:\?]+))?)"
                                            uR"((?::(?<port>[^/\?]*))?)?)"
                                            uR"((?:/(?<database>[^\?]*))?)"
                                            uR"((?:\?(?<query>[^\n]*))?)"_s,
                                            QRegularExpression::UseUnicodePropertiesOption);
    return pattern;
}

/// A named group: null when it did not take part in the match, else the (possibly empty) text.
QString group(const QRegularExpressionMatch &match, QStringView name)
{
    if (match.capturedStart(name) < 0)
        return QString();
    return present(match.captured(name));
}

/// CPython's UTF-8 decoder with errors='replace': each maximal invalid subpart becomes one U+FFFD.
QString decodeUtf8Replacing(const QByteArray &bytes)
{
    QString out = presentEmpty();
    const auto byte = [&bytes](qsizetype i) { return uchar(bytes.at(i)); };
    qsizetype i = 0;
    const qsizetype n = bytes.size();
    while (i < n) {
        const uchar lead = byte(i);
        if (lead < 0x80) {
            out += QChar(char16_t(lead));
            ++i;
            continue;
        }
        int length = 0;
        uchar secondLow = 0x80, secondHigh = 0xBF;
        char32_t codePoint = 0;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
            codePoint = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            codePoint = lead & 0x0F;
            if (lead == 0xE0)
                secondLow = 0xA0;
            else if (lead == 0xED)
                secondHigh = 0x9F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            codePoint = lead & 0x07;
            if (lead == 0xF0)
                secondLow = 0x90;
            else if (lead == 0xF4)
                secondHigh = 0x8F;
        }
        if (length == 0) {
            out += QChar(QChar::ReplacementCharacter);
            ++i;
            continue;
        }
        qsizetype next = i + 1;
        bool complete = true;
        for (int k = 1; k < length; ++k, ++next) {
            const uchar low = k == 1 ? secondLow : 0x80;
            const uchar high = k == 1 ? secondHigh : 0xBF;
            if (next >= n || byte(next) < low || byte(next) > high) {
                complete = false;
                break;
            }
            codePoint = (codePoint << 6) | (byte(next) & 0x3F);
        }
        if (!complete) {
            out += QChar(QChar::ReplacementCharacter);
        } else if (codePoint > 0xFFFF) {
            out += QChar(QChar::highSurrogate(codePoint));
            out += QChar(QChar::lowSurrogate(codePoint));
        } else {
            out += QChar(char16_t(codePoint));
        }
        i = next;
    }
    return out;
}

/// `urllib.parse.unquote`: `%XX` escapes in each run of ASCII characters become bytes, decoded as UTF-8
/// (errors='replace'); other characters and malformed escapes stay as they are. Keeps null as null.
QString unquote(const QString &text)
{
    if (!text.contains(u'%'))
        return text;
    QString out = presentEmpty();
    qsizetype i = 0;
    while (i < text.size()) {
        if (text.at(i).unicode() >= 0x80) {
            out += text.at(i++);
            continue;
        }
        QByteArray bytes;
        while (i < text.size() && text.at(i).unicode() < 0x80) {
            if (text.at(i) == u'%' && i + 2 < text.size() && hexDigitValue(text.at(i + 1)) >= 0 &&
                hexDigitValue(text.at(i + 2)) >= 0) {
                bytes += char(hexDigitValue(text.at(i + 1)) * 16 + hexDigitValue(text.at(i + 2)));
                i += 3;
            } else {
                bytes += char(text.at(i).unicode());
                ++i;
            }
        }
        out += decodeUtf8Replacing(bytes);
    }
    return out;
}

/// `urllib.parse.parse_qsl(query)`: fields split at `&`, fields without `=` or with an empty value dropped,
/// `+` read as a space before unquoting.
QList<std::pair<QString, QString>> parseQsl(const QString &query)
{
    QList<std::pair<QString, QString>> pairs;
    if (query.isEmpty())
        return pairs;
    const QStringList fields = query.split(u'&');
    for (const QString &field : fields) {
        const qsizetype equals = field.indexOf(u'=');
        if (equals < 0 || equals == field.size() - 1)
            continue;
        QString name = present(field.left(equals));
        QString value = field.mid(equals + 1);
        name.replace(u'+', u' ');
        value.replace(u'+', u' ');
        pairs.append({unquote(name), unquote(value)});
    }
    return pairs;
}

/// SQLAlchemy's `_sqla_url_quote`: only `:`, `@` and `/` are escaped in username and password.
QString sqlaQuote(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == u':')
            out += u"%3A"_s;
        else if (c == u'@')
            out += u"%40"_s;
        else if (c == u'/')
            out += u"%2F"_s;
        else
            out += c;
    }
    return out;
}

/// `urllib.parse.quote_plus`.
QString quotePlus(const QString &text)
{
    QByteArray bytes = text.toUtf8().toPercentEncoding(" ");
    bytes.replace(' ', '+');
    return QString::fromLatin1(bytes);
}

/// Python's string order: by code point (UTF-16 order differs for characters beyond the BMP).
bool codePointLess(const QString &a, const QString &b)
{
    const QList<uint> left = a.toUcs4();
    const QList<uint> right = b.toUcs4();
    return std::lexicographical_compare(left.cbegin(), left.cend(), right.cbegin(), right.cend());
}

/// The decoded path of a `file:` URI: after an optional `//authority`, up to a `#`.
QString fileUriPath(const QString &uri)
{
    QString rest = uri.mid(5);
    if (rest.startsWith(u"//"_s)) {
        const qsizetype slash = rest.indexOf(u'/', 2);
        rest = slash < 0 ? QString() : rest.mid(slash);
    }
    const qsizetype fragment = rest.indexOf(u'#');
    if (fragment >= 0)
        rest.truncate(fragment);
    return QString::fromUtf8(QByteArray::fromPercentEncoding(rest.toUtf8()));
}

QString absolutePath(const QString &baseDir, const QString &path)
{
    return QDir::cleanPath(QDir(baseDir).absoluteFilePath(path));
}

// --- messages -----------------------------------------------------------------------------------------------

/// @p url for a message, through maskedUrl() and with the values of password-like query parameters hidden
/// (maskedUrl() leaves text without `://` alone).
QString hideSecrets(const QString &url)
{
    static const QRegularExpression secretParameter(uR"((password|passwd|pwd)=[^&#]*)"_s,
                                                    QRegularExpression::CaseInsensitiveOption);
    return maskedUrl(url).replace(secretParameter, u"\\1="_s + hidden);
}

/// Text that is not a URL, for a message: as hideSecrets(), and anything before its last `@` hidden as well.
QString shownUnparsed(const QString &url)
{
    const QString shown = hideSecrets(url);
    if (!shown.contains(u'@'))
        return shown;
    static const QRegularExpression scheme(uR"(\A[\w+]*)"_s, QRegularExpression::UseUnicodePropertiesOption);
    const QString word = scheme.match(shown).captured(0);
    return word + (word.isEmpty() ? QString() : u":"_s) + hidden + shown.mid(shown.lastIndexOf(u'@'));
}

} // namespace

namespace DatabaseUrlPrivate {

std::optional<Kind> kindOf(const QString &dialect)
{
    const std::optional<SqlDialect> known = SqlDialect::fromSqlAlchemy(dialect);
    return known ? std::optional<Kind>(known->kind()) : std::nullopt;
}

const QStringList &pysqliteArguments()
{
    static const QStringList arguments{u"uri"_s,          u"timeout"_s,           u"isolation_level"_s,
                                       u"detect_types"_s, u"check_same_thread"_s, u"cached_statements"_s};
    return arguments;
}

QString lastValue(const DatabaseUrl &url, const QString &key)
{
    const QStringList values = url.queryValues(key);
    return values.isEmpty() ? QString() : values.constLast();
}

std::optional<int> validPort(const QString &text)
{
    const std::optional<qint64> value = pythonInt(text);
    if (!value || *value < 1 || *value > 65535)
        return std::nullopt;
    return int(*value);
}

bool sqliteUsesUri(const DatabaseUrl &url)
{
    return sqlalchemyBool(lastValue(url, u"uri"_s)).value_or(false);
}

QString sqliteUriQuery(const DatabaseUrl &url)
{
    QList<std::pair<QString, QString>> parameters;
    for (const auto &pair : url.query) {
        if (!pysqliteArguments().contains(pair.first))
            parameters.append(pair);
    }
    std::stable_sort(parameters.begin(), parameters.end(),
                     [](const auto &a, const auto &b) { return codePointLess(a.first, b.first); });
    QStringList fields;
    for (const auto &[key, value] : parameters)
        fields.append(key + u'=' + value);
    return fields.join(u'&');
}

bool isFileUri(const DatabaseUrl &url)
{
    return sqliteUsesUri(url) && url.database.startsWith(u"file:"_s);
}

} // namespace DatabaseUrlPrivate

using namespace DatabaseUrlPrivate;

Result<DatabaseUrl> DatabaseUrl::parseSyntax(const QString &text)
{
    using R = Result<DatabaseUrl>;
    const QRegularExpressionMatch match = urlPattern().match(text);
    if (!match.hasMatch() && !text.contains(u':')) {
        // No scheme at all: perhaps a password pasted into the wrong field, so it is not repeated.
        return R::failure(Tr::tr("The text given is not a database URL; expected "
                                 "dialect+driver://user:password@host:port/database"));
    }
    if (!match.hasMatch())
        return R::failure(
            Tr::tr("'%1' is not a database URL; expected dialect+driver://user:password@host:port/database")
                .arg(shownUnparsed(text)));

    DatabaseUrl url;
    const QString name = match.captured(u"name");
    const qsizetype plus = name.indexOf(u'+');
    url.dialect = present(plus < 0 ? name : name.left(plus));
    url.driver = plus < 0 ? QString() : present(name.mid(plus + 1));
    url.username = unquote(group(match, u"username"));
    url.password = unquote(group(match, u"password"));
    // `ipv4host or ipv6host`: both groups are non-empty whenever they match.
    const QString ipv4 = group(match, u"ipv4host");
    url.host = ipv4.isEmpty() ? group(match, u"ipv6host") : ipv4;
    url.database = group(match, u"database");
    url.query = parseQsl(group(match, u"query"));

    const QString portText = group(match, u"port");
    if (!portText.isNull()) {
        const std::optional<int> value = validPort(portText);
        if (!value) {
            // The port is shown masked: a URL missing its '@' puts the password there.
            const qsizetype start = match.capturedStart(u"port");
            const QString shown = hideSecrets(text.left(start) + hidden + text.mid(match.capturedEnd(u"port")));
            return R::failure(Tr::tr("The port in %1 is not a number from 1 to 65535.").arg(shown));
        }
        url.port = *value;
    }
    return url;
}

Result<DatabaseUrl> DatabaseUrl::parse(const QString &text)
{
    Result<DatabaseUrl> url = parseSyntax(text);
    if (!url)
        return url;
    if (const QString message = openProblem(url.value()); !message.isEmpty())
        return Result<DatabaseUrl>::failure(message);
    return url;
}

QString DatabaseUrl::drivername() const
{
    return driver.isNull() ? dialect : dialect + u'+' + driver;
}

QStringList DatabaseUrl::queryValues(const QString &key) const
{
    QStringList values;
    for (const auto &[name, value] : query) {
        if (name == key)
            values.append(value);
    }
    return values;
}

QString DatabaseUrl::toString(bool hidePassword) const
{
    QString s = drivername() + u"://"_s;
    QString shownHost = host;
    if (!username.isNull()) {
        s += sqlaQuote(username);
        if (!password.isNull()) {
            s += u':' + (hidePassword ? hidden : sqlaQuote(password));
            // An unescaped '@' in the password leaves the rest of it in the host: hide that too.
            if (hidePassword && host.contains(u'@'))
                shownHost = host.mid(host.lastIndexOf(u'@') + 1);
        }
        s += u'@';
    }
    if (!shownHost.isNull())
        s += shownHost.contains(u':') ? u'[' + shownHost + u']' : shownHost;
    if (port != -1)
        s += u':' + QString::number(port);
    if (!database.isNull())
        s += u'/' + database;
    if (!query.isEmpty()) {
        QList<std::pair<QString, QString>> sorted = query;
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const auto &a, const auto &b) { return codePointLess(a.first, b.first); });
        QStringList fields;
        for (const auto &[key, value] : std::as_const(sorted))
            fields.append(quotePlus(key) + u'=' + (hidePassword && isSecretParameter(key) ? hidden : quotePlus(value)));
        s += u'?' + fields.join(u'&');
    }
    return s;
}

bool DatabaseUrl::isSqliteMemory() const
{
    if (kindOf(dialect) != Kind::SQLite)
        return false;
    if (database.isEmpty() || database == u":memory:"_s)
        return true;
    if (!isFileUri(*this))
        return false;
    return fileUriPath(database) == u":memory:"_s || lastValue(*this, u"mode"_s) == u"memory"_s;
}

QString DatabaseUrl::sqliteFilePath(const QString &baseDir) const
{
    if (kindOf(dialect) != Kind::SQLite || isSqliteMemory())
        return QString();
    if (isFileUri(*this))
        return absolutePath(baseDir, fileUriPath(database));
    if (sqliteUsesUri(*this)) {
        // Not a file: URI, so SQLite takes the whole name, '?' and all, as a plain file name.
        const QString uriQuery = sqliteUriQuery(*this);
        return absolutePath(baseDir, uriQuery.isEmpty() ? database : database + u'?' + uriQuery);
    }
    return absolutePath(baseDir, database);
}

std::optional<SqlDialect> DatabaseUrl::sqlDialect() const
{
    return SqlDialect::fromSqlAlchemy(dialect);
}
