// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

/// How Retort opens a file at a line in the user's editor: with the desktop's handler for the file
/// (which knows no line), or with a command template such as `code -g {file}:{line}`.
///
/// How it works: the template is split into words once, by QProcess::splitCommand()'s rules (spaces
/// separate words, double quotes group them, three double quotes are one literal quote); then
/// `{file}`, `{line}` and `{column}` are replaced inside each word, in one pass, so a file name that
/// itself contains `{line}` stays as it is. The first word is the program, started directly and
/// never through a shell: a file name with spaces, quotes or `$` reaches the editor as one argument,
/// unchanged. A template without `{file}` gets the file as its last argument.
///
/// The setting is "" for automatic ($VISUAL, else $EDITOR, else the desktop), DesktopSetting, or a
/// template. An editor variable is a command line, not a template: for the programs Retort knows
/// (`code`, `kate`, `vim`, …) the line syntax is added, terminal editors run in a terminal emulator,
/// and other programs get the file only.
class EditorCommand
{
public:
    /// Finds a program on the PATH as QStandardPaths::findExecutable() does (an empty function means
    /// that one); tests pass their own.
    using ProgramFinder = std::function<QString(const QString &program)>;

    /// Where a command came from, for messages.
    enum class Origin
    {
        Setting, ///< the user's choice in Retort
        Visual,  ///< $VISUAL
        Editor,  ///< $EDITOR
        Desktop  ///< nothing set: the desktop's handler
    };

    /// An editor whose line syntax Retort knows.
    struct Preset
    {
        QString id;            ///< its program, e.g. "code"
        QString name;          ///< e.g. "Visual Studio Code"
        QString command;       ///< the template, without a terminal for terminal editors
        bool terminal = false; ///< runs in a terminal emulator (vim, nano, …)
    };

    /// One start of the editor: what QProcess::startDetached() gets.
    struct Invocation
    {
        QString program;
        QStringList arguments;
    };

    /// The setting that chooses the desktop's handler even when $VISUAL or $EDITOR is set.
    static QString desktopSetting() { return QStringLiteral("<desktop>"); }

    /// The desktop's handler.
    EditorCommand() = default;
    /// @p templateText as the command; blank means the desktop's handler.
    explicit EditorCommand(const QString &templateText, Origin origin = Origin::Setting);

    /// The command the setting @p setting stands for, looking at $VISUAL and $EDITOR in
    /// @p environment when it is empty.
    static EditorCommand fromSetting(const QString &setting,
                                     const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
                                     const ProgramFinder &finder = {});

    bool isDesktop() const { return m_template.trimmed().isEmpty(); }
    QString templateText() const { return m_template; }
    Origin origin() const { return m_origin; }
    /// The first word of the template as written (not searched on the PATH); empty for the desktop.
    QString program() const { return m_words.value(0); }

    /// What is wrong with the template (a quote left open, an unknown placeholder, no program), or
    /// an empty string.
    QString problem() const;
    /// The program's absolute path: searched on the PATH unless it names a path; empty when it
    /// cannot be found or is not executable.
    QString findProgram(const ProgramFinder &finder = {}) const;
    /// The start for @p file at 1-based @p line and @p column (values below 1 count as 1); empty for
    /// the desktop.
    Invocation expand(const QString &file, int line, int column = 1) const;

    /// @p invocation as it would be typed in a POSIX shell, for previews and messages.
    static QString displayText(const Invocation &invocation);
    /// @p word quoted for a template, when it needs it.
    static QString quoteWord(const QString &word);

    /// The editors whose line syntax is known, in the order the settings offer them.
    static QList<Preset> presets();
    /// The preset with id @p id, if there is one.
    static std::optional<Preset> preset(const QString &id);
    /// The template to use for @p preset: its command, behind a terminal for terminal editors.
    static QString presetTemplate(const Preset &preset, const ProgramFinder &finder = {});
    /// Whether @p preset's program (and terminal, if it needs one) can be found.
    static bool isAvailable(const Preset &preset, const ProgramFinder &finder = {});
    /// The terminal emulator with the option that runs a command (`x-terminal-emulator -e` when
    /// found, else the first of konsole, gnome-terminal, xfce4-terminal and xterm that is);
    /// `x-terminal-emulator -e` when none is, so that the message names what is missing.
    static QString terminalPrefix(const ProgramFinder &finder = {});
    /// A template for the command line @p variable as $VISUAL or $EDITOR holds it; empty when blank.
    static QString templateForEditorVariable(const QString &variable, const ProgramFinder &finder = {});

    bool operator==(const EditorCommand &other) const = default;

private:
    QString m_template;
    QStringList m_words;
    Origin m_origin = Origin::Desktop;
};
