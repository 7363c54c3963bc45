// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "project/editorcommand.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(EditorCommand)
};

/// Where an editor takes the line on its command line.
enum class LineSyntax
{
    Plus,      ///< `+12 file` (vi, nano, emacs, gedit, …)
    DashG,     ///< `-g file:12` (VS Code and its builds)
    DashL,     ///< `-l 12 file` (Kate, KWrite)
    Colon,     ///< `file:12` (Sublime Text, Helix, Zed)
    LineOption ///< `--line 12 file` (JetBrains IDEs)
};

struct KnownEditor
{
    QStringView program;
    LineSyntax syntax;
    bool terminal;
};

constexpr std::array KnownEditors{
    KnownEditor{u"vi", LineSyntax::Plus, true},
    KnownEditor{u"vim", LineSyntax::Plus, true},
    KnownEditor{u"vim.basic", LineSyntax::Plus, true},
    KnownEditor{u"vim.tiny", LineSyntax::Plus, true},
    KnownEditor{u"vim.nox", LineSyntax::Plus, true},
    KnownEditor{u"nvim", LineSyntax::Plus, true},
    KnownEditor{u"nano", LineSyntax::Plus, true},
    KnownEditor{u"kak", LineSyntax::Plus, true},
    KnownEditor{u"joe", LineSyntax::Plus, true},
    KnownEditor{u"hx", LineSyntax::Colon, true},
    KnownEditor{u"helix", LineSyntax::Colon, true},
    KnownEditor{u"gvim", LineSyntax::Plus, false},
    KnownEditor{u"emacs", LineSyntax::Plus, false},
    KnownEditor{u"emacsclient", LineSyntax::Plus, false},
    KnownEditor{u"gedit", LineSyntax::Plus, false},
    KnownEditor{u"pluma", LineSyntax::Plus, false},
    KnownEditor{u"code", LineSyntax::DashG, false},
    KnownEditor{u"code-insiders", LineSyntax::DashG, false},
    KnownEditor{u"code-oss", LineSyntax::DashG, false},
    KnownEditor{u"codium", LineSyntax::DashG, false},
    KnownEditor{u"vscodium", LineSyntax::DashG, false},
    KnownEditor{u"kate", LineSyntax::DashL, false},
    KnownEditor{u"kwrite", LineSyntax::DashL, false},
    KnownEditor{u"subl", LineSyntax::Colon, false},
    KnownEditor{u"sublime_text", LineSyntax::Colon, false},
    KnownEditor{u"zed", LineSyntax::Colon, false},
    KnownEditor{u"pycharm", LineSyntax::LineOption, false},
    KnownEditor{u"pycharm-community", LineSyntax::LineOption, false},
    KnownEditor{u"pycharm-professional", LineSyntax::LineOption, false},
    KnownEditor{u"charm", LineSyntax::LineOption, false},
    KnownEditor{u"idea", LineSyntax::LineOption, false},
};

/// Terminal emulators with the option after which the command and its arguments follow.
constexpr std::array<std::array<QStringView, 2>, 5> Terminals{{
    {u"x-terminal-emulator", u"-e"},
    {u"konsole", u"-e"},
    {u"gnome-terminal", u"--"},
    {u"xfce4-terminal", u"-x"},
    {u"xterm", u"-e"},
}};

QString findExecutable(const EditorCommand::ProgramFinder &finder, const QString &program)
{
    return finder ? finder(program) : QStandardPaths::findExecutable(program);
}

/// The first terminal emulator found, with its option; empty when none is.
QString foundTerminal(const EditorCommand::ProgramFinder &finder)
{
    for (const auto &[program, option] : Terminals) {
        if (!findExecutable(finder, program.toString()).isEmpty())
            return program.toString() + u' ' + option.toString();
    }
    return {};
}

QString lineArguments(LineSyntax syntax)
{
    switch (syntax) {
    case LineSyntax::Plus:
        return u"+{line} {file}"_s;
    case LineSyntax::DashG:
        return u"-g {file}:{line}"_s;
    case LineSyntax::DashL:
        return u"-l {line} {file}"_s;
    case LineSyntax::Colon:
        return u"{file}:{line}"_s;
    case LineSyntax::LineOption:
        return u"--line {line} {file}"_s;
    }
    return u"{file}"_s;
}

/// Whether QProcess::splitCommand() ends @p text outside quotes (it accepts either silently).
bool quotesClosed(const QString &text)
{
    int quotes = 0;
    bool inQuote = false;
    for (const QChar c : text) {
        if (c == u'"') {
            if (++quotes == 3)
                quotes = 0; // three quotes are one literal quote
            continue;
        }
        if (quotes == 1)
            inQuote = !inQuote;
        quotes = 0;
    }
    if (quotes == 1)
        inQuote = !inQuote;
    return !inQuote;
}

const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression pattern(u"\\{([A-Za-z_]+)\\}"_s);
    return pattern;
}

bool isPlaceholder(QStringView name)
{
    return name == u"file" || name == u"line" || name == u"column";
}

} // namespace

EditorCommand::EditorCommand(const QString &templateText, Origin origin)
    : m_template(templateText)
    , m_words(QProcess::splitCommand(templateText))
    , m_origin(templateText.trimmed().isEmpty() ? Origin::Desktop : origin)
{}

EditorCommand EditorCommand::fromSetting(const QString &setting, const QProcessEnvironment &environment,
                                         const ProgramFinder &finder)
{
    if (setting.trimmed() == desktopSetting())
        return EditorCommand();
    if (!setting.trimmed().isEmpty())
        return EditorCommand(setting, Origin::Setting);
    // As git and most tools do: $VISUAL is for a display, $EDITOR the fallback.
    if (const QString visual = environment.value(u"VISUAL"_s).trimmed(); !visual.isEmpty())
        return EditorCommand(templateForEditorVariable(visual, finder), Origin::Visual);
    if (const QString editor = environment.value(u"EDITOR"_s).trimmed(); !editor.isEmpty())
        return EditorCommand(templateForEditorVariable(editor, finder), Origin::Editor);
    return EditorCommand();
}

QString EditorCommand::problem() const
{
    if (isDesktop())
        return {};
    if (!quotesClosed(m_template))
        return Tr::tr("A double quote is not closed.");
    QRegularExpressionMatchIterator it = placeholderPattern().globalMatch(m_template);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        if (!isPlaceholder(match.capturedView(1)))
            return Tr::tr("%1 is not a placeholder: use {file}, {line} and {column}.").arg(match.captured(0));
    }
    if (m_words.isEmpty())
        return Tr::tr("The command names no program.");
    if (placeholderPattern().match(m_words.first()).hasMatch())
        return Tr::tr("The command must start with the editor's program, not with a placeholder.");
    return {};
}

QString EditorCommand::findProgram(const ProgramFinder &finder) const
{
    const QString name = program();
    if (name.isEmpty())
        return {};
    if (name.contains(u'/')) {
        const QFileInfo info(name);
        return info.isFile() && info.isExecutable() ? info.absoluteFilePath() : QString();
    }
    return findExecutable(finder, name);
}

EditorCommand::Invocation EditorCommand::expand(const QString &file, int line, int column) const
{
    Invocation invocation;
    if (m_words.isEmpty())
        return invocation;
    bool hasFile = false;
    QStringList words;
    words.reserve(m_words.size() + 1);
    for (const QString &word : m_words) {
        QString expanded;
        qsizetype done = 0;
        QRegularExpressionMatchIterator it = placeholderPattern().globalMatch(word);
        while (it.hasNext()) {
            const QRegularExpressionMatch match = it.next();
            const QStringView name = match.capturedView(1);
            if (!isPlaceholder(name))
                continue; // left as written; problem() reports it
            expanded += QStringView(word).mid(done, match.capturedStart() - done);
            if (name == u"file") {
                expanded += file;
                hasFile = true;
            } else {
                expanded += QString::number(std::max(1, name == u"line" ? line : column));
            }
            done = match.capturedEnd();
        }
        expanded += QStringView(word).mid(done);
        words.append(expanded);
    }
    if (!hasFile)
        words.append(file);
    invocation.program = words.takeFirst();
    invocation.arguments = words;
    return invocation;
}

QString EditorCommand::displayText(const Invocation &invocation)
{
    static const QRegularExpression plain(u"^[A-Za-z0-9_@%+=:,./-]+$"_s);
    QStringList words;
    for (const QString &word : QStringList{invocation.program} + invocation.arguments) {
        if (plain.match(word).hasMatch())
            words.append(word);
        else
            words.append(u'\'' + QString(word).replace(u"'"_s, u"'\\''"_s) + u'\'');
    }
    return words.join(u' ');
}

QString EditorCommand::quoteWord(const QString &word)
{
    if (!word.isEmpty() && !word.contains(u'"') &&
        !std::any_of(word.cbegin(), word.cend(), [](QChar c) { return c.isSpace(); }))
        return word;
    return u'"' + QString(word).replace(u"\""_s, u"\"\"\""_s) + u'"';
}

QList<EditorCommand::Preset> EditorCommand::presets()
{
    const QString inTerminal = Tr::tr("%1 (in a terminal)");
    return {
        {u"code"_s, Tr::tr("Visual Studio Code"), u"code -g {file}:{line}"_s, false},
        {u"codium"_s, Tr::tr("VSCodium"), u"codium -g {file}:{line}"_s, false},
        {u"kate"_s, Tr::tr("Kate"), u"kate -l {line} {file}"_s, false},
        {u"gedit"_s, Tr::tr("gedit"), u"gedit +{line} {file}"_s, false},
        {u"emacsclient"_s, Tr::tr("Emacs (emacsclient)"), u"emacsclient -n +{line} {file}"_s, false},
        {u"subl"_s, Tr::tr("Sublime Text"), u"subl {file}:{line}"_s, false},
        {u"pycharm"_s, Tr::tr("PyCharm"), u"pycharm --line {line} {file}"_s, false},
        {u"nvim"_s, inTerminal.arg(u"Neovim"_s), u"nvim +{line} {file}"_s, true},
        {u"vim"_s, inTerminal.arg(u"Vim"_s), u"vim +{line} {file}"_s, true},
        {u"vi"_s, inTerminal.arg(u"vi"_s), u"vi +{line} {file}"_s, true},
        {u"nano"_s, inTerminal.arg(u"nano"_s), u"nano +{line} {file}"_s, true},
    };
}

std::optional<EditorCommand::Preset> EditorCommand::preset(const QString &id)
{
    for (const Preset &candidate : presets()) {
        if (candidate.id == id)
            return candidate;
    }
    return std::nullopt;
}

QString EditorCommand::presetTemplate(const Preset &preset, const ProgramFinder &finder)
{
    return preset.terminal ? terminalPrefix(finder) + u' ' + preset.command : preset.command;
}

bool EditorCommand::isAvailable(const Preset &preset, const ProgramFinder &finder)
{
    return !findExecutable(finder, preset.id).isEmpty() && (!preset.terminal || !foundTerminal(finder).isEmpty());
}

QString EditorCommand::terminalPrefix(const ProgramFinder &finder)
{
    const QString found = foundTerminal(finder);
    return found.isEmpty() ? u"x-terminal-emulator -e"_s : found;
}

QString EditorCommand::templateForEditorVariable(const QString &variable, const ProgramFinder &finder)
{
    const QStringList words = QProcess::splitCommand(variable);
    if (words.isEmpty())
        return {};
    QStringList quoted;
    for (const QString &word : words)
        quoted.append(quoteWord(word));
    const QString command = quoted.join(u' ');

    const QString name = QFileInfo(words.first()).fileName();
    const auto known = std::find_if(KnownEditors.begin(), KnownEditors.end(),
                                    [&name](const KnownEditor &editor) { return editor.program == name; });
    if (known == KnownEditors.end())
        return command + u" {file}"_s;
    bool terminal = known->terminal;
    if (name.startsWith(u"emacs")) {
        // `emacs -nw` and `emacsclient -t` draw in the terminal they are started in.
        for (const QString &word : words.mid(1))
            terminal = terminal || word == u"-nw" || word == u"-t" || word == u"--tty" || word == u"--no-window-system";
    }
    const QString editor = command + u' ' + lineArguments(known->syntax);
    return terminal ? terminalPrefix(finder) + u' ' + editor : editor;
}
