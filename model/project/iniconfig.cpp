// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "project/iniconfig.h"

#include <QCoreApplication>
#include <QFile>
#include <QSet>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace {

/// Python's MAX_INTERPOLATION_DEPTH.
constexpr int maxInterpolationDepth = 10;

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(IniConfig)
};

/// `str.isspace()`: Qt's notion plus the ASCII information separators Python also strips.
bool isPySpace(QChar c)
{
    return c.isSpace() || (c.unicode() >= 0x1c && c.unicode() <= 0x1f);
}

QString pyStrip(QStringView s)
{
    qsizetype begin = 0;
    qsizetype end = s.size();
    while (begin < end && isPySpace(s[begin]))
        ++begin;
    while (end > begin && isPySpace(s[end - 1]))
        --end;
    return s.mid(begin, end - begin).toString();
}

QString pyRstrip(const QString &s)
{
    qsizetype end = s.size();
    while (end > 0 && isPySpace(s[end - 1]))
        --end;
    return s.left(end);
}

/// Lines as Python's universal-newline text mode yields them: split at "\r\n", "\r" and "\n".
QStringList splitLines(const QString &text)
{
    QStringList lines;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'\n' || c == u'\r') {
            lines.append(text.mid(start, i - start));
            if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n')
                ++i;
            start = i + 1;
        }
    }
    if (start < text.size())
        lines.append(text.mid(start));
    return lines;
}

} // namespace

QString IniConfig::defaultSectionName()
{
    return u"DEFAULT"_s;
}

Result<IniConfig> IniConfig::load(const QString &path, const QMap<QString, QString> &defaults)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<IniConfig>::failure(Tr::tr("Cannot read %1: %2").arg(path, file.errorString()));
    return parse(file.readAll(), path, defaults);
}

IniConfig IniConfig::parse(const QByteArray &bytes, const QString &fileName, const QMap<QString, QString> &defaults)
{
    IniConfig config;
    config.m_fileName = fileName;
    config.m_defaults.name = defaultSectionName();
    for (auto it = defaults.cbegin(); it != defaults.cend(); ++it) {
        const QString key = it.key().toLower();
        if (!config.m_defaults.options.contains(key))
            config.m_defaults.order.append(key);
        config.m_defaults.options.insert(key, Option{it.value(), 0});
    }

    auto addDiagnostic = [&config](Diagnostic::Severity severity, const QString &code, const QString &message,
                                   int line) {
        config.m_diagnostics.append(Diagnostic{severity, code, message, config.m_fileName, line, {}});
    };

    if (bytes.startsWith("\xEF\xBB\xBF")) {
        addDiagnostic(Diagnostic::Severity::Warning, u"ini-bom"_s,
                      Tr::tr("%1 starts with a UTF-8 byte-order mark, which Python's ConfigParser (used by alembic) "
                             "does not skip; alembic will not find the first section. Save the file without a BOM.")
                          .arg(fileName),
                      1);
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        addDiagnostic(
            Diagnostic::Severity::Error, u"ini-encoding"_s,
            Tr::tr("%1 is not valid UTF-8; alembic cannot read it. Invalid bytes were replaced.").arg(fileName), 0);
    }

    // Mirrors RawConfigParser._read: elements_added, cursect, optname and indent_level.
    QSet<QString> sectionsAdded;
    QSet<QPair<QString, QString>> optionsAdded;
    bool inSection = false; // cursect is not None
    QString sectionName;
    QString optionName; // empty: no option to continue
    qsizetype indentLevel = 0;
    bool reportedMissingHeader = false;

    // Values are collected as line lists and joined when the section's reading ends, like
    // _join_multiline_values; a map keyed by section keeps duplicate sections working.
    QHash<QString, QHash<QString, QStringList>> valueLines;
    auto sectionFor = [&config](const QString &name) -> Section * {
        if (name == defaultSectionName())
            return &config.m_defaults;
        for (Section &s : config.m_sections) {
            if (s.name == name)
                return &s;
        }
        return nullptr;
    };

    const QStringList lines = splitLines(text);
    for (qsizetype index = 0; index < lines.size(); ++index) {
        const int lineNo = int(index + 1);
        const QString &line = lines[index];
        const QString stripped = pyStrip(line);
        const bool isComment = stripped.startsWith(u'#') || stripped.startsWith(u';');
        const QString value = isComment ? QString() : stripped;
        if (value.isEmpty()) {
            if (!isComment && inSection && !optionName.isEmpty())
                valueLines[sectionName][optionName].append(QString());
            continue;
        }
        qsizetype curIndent = 0;
        while (curIndent < line.size() && isPySpace(line[curIndent]))
            ++curIndent;
        if (inSection && !optionName.isEmpty() && curIndent > indentLevel) {
            valueLines[sectionName][optionName].append(value);
            continue;
        }
        indentLevel = curIndent;

        // SECTCRE = r"\[(?P<header>.+)\]", matched at the start: the header ends at the last ']'.
        const qsizetype close = value.lastIndexOf(u']');
        if (value.startsWith(u'[') && close >= 2) {
            sectionName = value.mid(1, close - 1);
            const Section *existing = sectionFor(sectionName);
            if (existing && sectionName != defaultSectionName() && sectionsAdded.contains(sectionName)) {
                addDiagnostic(Diagnostic::Severity::Error, u"ini-duplicate-section"_s,
                              Tr::tr("Section [%1] appears more than once in %2 (again at line %3); Python's "
                                     "ConfigParser (used by alembic) rejects the file. Merge the sections.")
                                  .arg(sectionName, fileName, QString::number(lineNo)),
                              lineNo);
            } else if (!existing) {
                config.m_sections.append(Section{sectionName, {}, {}});
            }
            if (sectionName != defaultSectionName())
                sectionsAdded.insert(sectionName);
            inSection = true;
            optionName.clear();
            continue;
        }
        if (!inSection) {
            if (!reportedMissingHeader) {
                reportedMissingHeader = true;
                addDiagnostic(Diagnostic::Severity::Error, u"ini-missing-section-header"_s,
                              Tr::tr("%1 has text before its first section header (line %2: '%3'); Python's "
                                     "ConfigParser (used by alembic) rejects the file. Start the file with a section "
                                     "such as [alembic].")
                                  .arg(fileName, QString::number(lineNo), value),
                              lineNo);
            }
            continue;
        }

        // OPTCRE: the name ends at the first '=' or ':'.
        qsizetype delimiter = -1;
        for (qsizetype i = 0; i < value.size(); ++i) {
            if (value[i] == u'=' || value[i] == u':') {
                delimiter = i;
                break;
            }
        }
        const QString name = delimiter > 0 ? pyStrip(QStringView(value).left(delimiter)).toLower() : QString();
        if (name.isEmpty()) {
            addDiagnostic(Diagnostic::Severity::Error, u"ini-parse-error"_s,
                          Tr::tr("%1 line %2 is neither a section header, a 'name = value' option nor a comment: "
                                 "'%3'; Python's ConfigParser (used by alembic) rejects the file.")
                              .arg(fileName, QString::number(lineNo), value),
                          lineNo);
            continue;
        }
        optionName = name;
        const auto added = qMakePair(sectionName, optionName);
        if (optionsAdded.contains(added)) {
            addDiagnostic(Diagnostic::Severity::Error, u"ini-duplicate-option"_s,
                          Tr::tr("Option '%1' is set more than once in section [%2] of %3 (again at line %4); Python's "
                                 "ConfigParser (used by alembic) rejects the file. Remove one of them.")
                              .arg(optionName, sectionName, fileName, QString::number(lineNo)),
                          lineNo);
        }
        optionsAdded.insert(added);
        Section *current = sectionFor(sectionName);
        if (!current->options.contains(optionName))
            current->order.append(optionName);
        current->options.insert(optionName, Option{QString(), lineNo});
        valueLines[sectionName][optionName] = QStringList{pyStrip(QStringView(value).mid(delimiter + 1))};
    }

    for (auto sit = valueLines.cbegin(); sit != valueLines.cend(); ++sit) {
        Section *section = sectionFor(sit.key());
        if (!section)
            continue;
        for (auto oit = sit.value().cbegin(); oit != sit.value().cend(); ++oit) {
            auto option = section->options.find(oit.key());
            if (option != section->options.end())
                option->value = pyRstrip(oit.value().join(u'\n'));
        }
    }
    return config;
}

const IniConfig::Section *IniConfig::findSection(const QString &name) const
{
    if (name == defaultSectionName())
        return &m_defaults;
    for (const Section &s : m_sections) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

const IniConfig::Option *IniConfig::findOption(const QString &section, const QString &key) const
{
    const Section *s = findSection(section);
    if (!s)
        return nullptr;
    const QString lowered = key.toLower();
    auto it = s->options.constFind(lowered);
    if (it != s->options.cend())
        return &*it;
    it = m_defaults.options.constFind(lowered);
    if (it != m_defaults.options.cend())
        return &*it;
    return nullptr;
}

QStringList IniConfig::sections() const
{
    QStringList names;
    names.reserve(m_sections.size());
    for (const Section &s : m_sections)
        names.append(s.name);
    return names;
}

bool IniConfig::hasSection(const QString &section) const
{
    return section != defaultSectionName() && findSection(section) != nullptr;
}

bool IniConfig::hasOption(const QString &section, const QString &key) const
{
    return findOption(section, key) != nullptr;
}

bool IniConfig::setsOption(const QString &section, const QString &key) const
{
    const Section *s = findSection(section);
    return s && s->options.contains(key.toLower());
}

QStringList IniConfig::keys(const QString &section) const
{
    const Section *s = findSection(section);
    if (!s)
        return {};
    QStringList result = m_defaults.order;
    if (s != &m_defaults) {
        for (const QString &key : s->order) {
            if (!m_defaults.options.contains(key))
                result.append(key);
        }
    }
    return result;
}

std::optional<QString> IniConfig::rawValue(const QString &section, const QString &key) const
{
    const Option *option = findOption(section, key);
    if (!option)
        return std::nullopt;
    return option->value;
}

int IniConfig::line(const QString &section, const QString &key) const
{
    const Option *option = findOption(section, key);
    return option ? option->line : 0;
}

Result<QString> IniConfig::value(const QString &section, const QString &key) const
{
    if (!findSection(section))
        return Result<QString>::failure(Tr::tr("No section [%1] in %2.").arg(section, m_fileName));
    const Option *option = findOption(section, key);
    if (!option) {
        return Result<QString>::failure(
            Tr::tr("No option '%1' in section [%2] of %3.").arg(key.toLower(), section, m_fileName));
    }
    return interpolate(section, key.toLower(), option->value);
}

Result<QString> IniConfig::interpolate(const QString &section, const QString &key, const QString &raw) const
{
    // A port of BasicInterpolation._interpolate_some: `rest` is consumed left to right; a referenced
    // value that itself holds '%' is expanded recursively, one level deeper.
    const QString where = Tr::tr("option '%1' in section [%2] of %3 (line %4)")
                              .arg(key, section, m_fileName, QString::number(line(section, key)));
    QString accum;
    QString error;
    auto some = [&](auto &&self, QStringView rest, int depth) -> bool {
        if (depth > maxInterpolationDepth) {
            error = Tr::tr("Recursion limit exceeded in value substitution: %1 cannot be substituted in %2 steps. "
                           "Raw value: '%3'")
                        .arg(where, QString::number(maxInterpolationDepth), raw);
            return false;
        }
        while (!rest.isEmpty()) {
            const qsizetype p = rest.indexOf(u'%');
            if (p < 0) {
                accum += rest;
                return true;
            }
            accum += rest.left(p);
            rest = rest.mid(p);
            const QChar next = rest.size() > 1 ? rest[1] : QChar();
            if (next == u'%') {
                accum += u'%';
                rest = rest.mid(2);
            } else if (next == u'(') {
                // _KEYCRE = r"%\(([^)]+)\)s"
                const qsizetype close = rest.indexOf(u')');
                if (close <= 2 || close + 1 >= rest.size() || rest[close + 1] != u's') {
                    error = Tr::tr("Bad interpolation variable reference in %1: '%2'. Use %(name)s, and write a "
                                   "literal percent sign as %%.")
                                .arg(where, rest.toString());
                    return false;
                }
                const QString var = rest.mid(2, close - 2).toString().toLower();
                rest = rest.mid(close + 2);
                const Option *option = findOption(section, var);
                if (!option) {
                    error = Tr::tr("Bad value substitution: %1 refers to '%(%2)s', but there is no option '%2' in "
                                   "that section or in [DEFAULT]. Raw value: '%3'")
                                .arg(where, var, raw);
                    return false;
                }
                if (option->value.contains(u'%')) {
                    if (!self(self, option->value, depth + 1))
                        return false;
                } else {
                    accum += option->value;
                }
            } else {
                error = Tr::tr("Bad interpolation syntax in %1: '%' must be followed by '%' or '(', found: '%2'. "
                               "Write a literal percent sign as %%.")
                            .arg(where, rest.toString());
                return false;
            }
        }
        return true;
    };
    if (!some(some, raw, 1))
        return Result<QString>::failure(error);
    return accum;
}
