// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "diagnostic.h"
#include "result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

/// An .ini file read the way alembic reads alembic.ini: Python's `configparser.ConfigParser` with
/// `BasicInterpolation` and `strict=True`.
///
/// How it works: the parser is a line-by-line port of `RawConfigParser._read` (Python 3.11).
/// - Full-line comments start with `#` or `;` after stripping; inline comments are kept in values.
/// - `name = value` or `name : value`, split at the first delimiter; names are lower-cased, values
///   stripped. Section names are case-sensitive; `[DEFAULT]` holds values visible in every section.
/// - A line indented deeper than its option line continues the value (joined with "\n"); empty
///   lines inside a value are kept, trailing ones dropped (`empty_lines_in_values=True`).
/// - What strict ConfigParser raises on (duplicate sections/options, a line before any section, a
///   line without a delimiter, undecodable bytes) becomes an error Diagnostic naming file and line;
///   reading then goes on like the non-strict parser, so callers still get the rest of the file.
/// - `value()` applies `%(name)s` / `%%` interpolation lazily, like `ConfigParser.get`, looking names
///   up in the section, then in DEFAULT (and the constructor defaults), at most 10 levels deep.
class IniConfig
{
public:
    /// The section every other section inherits from.
    static QString defaultSectionName();

    /// Reads @p path. Fails only when the file cannot be read; parse problems are diagnostics().
    /// @p defaults are ConfigParser defaults (alembic passes {"here": dir of the ini}); like Python's
    /// they are raw values and are themselves interpolated, so a literal `%` must be written `%%`.
    static Result<IniConfig> load(const QString &path, const QMap<QString, QString> &defaults = {});
    /// Parses @p text (UTF-8); @p fileName only names the source in messages.
    static IniConfig parse(const QByteArray &text, const QString &fileName,
                           const QMap<QString, QString> &defaults = {});

    QString fileName() const { return m_fileName; }
    /// Problems found while reading, in file order.
    const Diagnostics &diagnostics() const { return m_diagnostics; }

    /// Section names in file order, without DEFAULT (like `ConfigParser.sections()`).
    QStringList sections() const;
    /// False for DEFAULT, like `ConfigParser.has_section()`.
    bool hasSection(const QString &section) const;
    /// True when @p key is in @p section or in DEFAULT; false when the section does not exist.
    bool hasOption(const QString &section, const QString &key) const;
    /// True when @p section itself sets @p key, not only DEFAULT.
    bool setsOption(const QString &section, const QString &key) const;
    /// Keys visible in @p section, DEFAULT's first, in `ConfigParser.items()` order.
    QStringList keys(const QString &section) const;

    /// The value before interpolation, or nullopt when the section or key is missing.
    std::optional<QString> rawValue(const QString &section, const QString &key) const;
    /// The interpolated value; a failure names the file, section and key when the key is missing or
    /// interpolation fails.
    Result<QString> value(const QString &section, const QString &key) const;
    /// The 1-based line where @p key was set (in @p section, else DEFAULT); 0 when unknown.
    int line(const QString &section, const QString &key) const;

private:
    struct Option
    {
        QString value;
        int line = 0;
    };
    struct Section
    {
        QString name;
        QStringList order;
        QHash<QString, Option> options;
    };

    const Section *findSection(const QString &name) const;
    const Option *findOption(const QString &section, const QString &key) const;
    Result<QString> interpolate(const QString &section, const QString &key, const QString &raw) const;

    QString m_fileName;
    Section m_defaults;
    QList<Section> m_sections;
    Diagnostics m_diagnostics;
};
