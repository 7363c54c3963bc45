// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "project/editorcommand.h"

#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

/// A PATH that holds exactly @p programs, each in /usr/bin.
EditorCommand::ProgramFinder pathWith(const QStringList &programs)
{
    return [programs](const QString &program) {
        return programs.contains(program) ? u"/usr/bin/"_s + program : QString();
    };
}

QProcessEnvironment environment(const QString &visual, const QString &editor)
{
    QProcessEnvironment env;
    if (!visual.isNull())
        env.insert(u"VISUAL"_s, visual);
    if (!editor.isNull())
        env.insert(u"EDITOR"_s, editor);
    return env;
}

} // namespace

class TestEditorCommand : public QObject
{
    Q_OBJECT
private slots:
    void expand_data();
    void expand();
    void quotedWordsRoundTrip_data();
    void quotedWordsRoundTrip();
    void problems_data();
    void problems();
    void fromSetting_data();
    void fromSetting();
    void presets();
    void terminals();
    void findsPrograms();
    void displayText();
    void startsWithoutShell();
};

void TestEditorCommand::expand_data()
{
    QTest::addColumn<QString>("templateText");
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("arguments");
    const QString plain = u"/p/versions/1_add.py"_s;
    QTest::newRow("code") << u"code -g {file}:{line}"_s << plain << 12 << 1 << u"code"_s
                          << QStringList{u"-g"_s, plain + u":12"_s};
    QTest::newRow("kate") << u"kate -l {line} {file}"_s << plain << 7 << 1 << u"kate"_s
                          << QStringList{u"-l"_s, u"7"_s, plain};
    QTest::newRow("column") << u"subl {file}:{line}:{column}"_s << plain << 3 << 9 << u"subl"_s
                            << QStringList{plain + u":3:9"_s};
    QTest::newRow("line below 1 counts as 1")
        << u"vim +{line} {file}"_s << plain << 0 << 0 << u"vim"_s << QStringList{u"+1"_s, plain};
    QTest::newRow("no {file}: appended") << u"gedit"_s << plain << 5 << 1 << u"gedit"_s << QStringList{plain};
    QTest::newRow("spaces and quotes in the file stay one argument")
        << u"code -g {file}:{line}"_s << u"/my project/it's \"x\" $HOME;rm.py"_s << 4 << 1 << u"code"_s
        << QStringList{u"-g"_s, u"/my project/it's \"x\" $HOME;rm.py:4"_s};
    QTest::newRow("placeholders in the file name are not expanded")
        << u"ed +{line} {file}"_s << u"/p/{line}_{column}.py"_s << 8 << 2 << u"ed"_s
        << QStringList{u"+8"_s, u"/p/{line}_{column}.py"_s};
    QTest::newRow("quoted program with spaces")
        << u"\"/opt/My Editor/bin/ed\" --goto \"{file}:{line}\""_s << u"/a b.py"_s << 2 << 1
        << u"/opt/My Editor/bin/ed"_s << QStringList{u"--goto"_s, u"/a b.py:2"_s};
    QTest::newRow("literal quote") << u"ed \"\"\"{line}\"\"\" {file}"_s << plain << 6 << 1 << u"ed"_s
                                   << QStringList{u"\"6\""_s, plain};
    QTest::newRow("terminal") << u"x-terminal-emulator -e vim +{line} {file}"_s << plain << 10 << 1
                              << u"x-terminal-emulator"_s << QStringList{u"-e"_s, u"vim"_s, u"+10"_s, plain};
}

void TestEditorCommand::expand()
{
    QFETCH(QString, templateText);
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(int, column);
    const EditorCommand command(templateText);
    QVERIFY(!command.isDesktop());
    QCOMPARE(command.problem(), QString());
    const EditorCommand::Invocation invocation = command.expand(file, line, column);
    QTEST(invocation.program, "program");
    QTEST(invocation.arguments, "arguments");
}

void TestEditorCommand::quotedWordsRoundTrip_data()
{
    QTest::addColumn<QString>("word");
    QTest::newRow("plain") << u"code"_s;
    QTest::newRow("space") << u"/opt/My Editor/ed"_s;
    QTest::newRow("quote inside") << u"a\"b"_s;
    QTest::newRow("quote first") << u"\"b"_s;
    QTest::newRow("quote last") << u"a\""_s;
    QTest::newRow("quote and space") << u"\" x"_s;
    QTest::newRow("only a quote") << u"\""_s;
    QTest::newRow("tab") << u"a\tb"_s;
}

void TestEditorCommand::quotedWordsRoundTrip()
{
    QFETCH(QString, word);
    const QString text = EditorCommand::quoteWord(word) + u" {file}"_s;
    QCOMPARE(QProcess::splitCommand(text), (QStringList{word, u"{file}"_s}));
    QCOMPARE(EditorCommand(text).problem(), QString());
}

void TestEditorCommand::problems_data()
{
    QTest::addColumn<QString>("templateText");
    QTest::addColumn<QString>("problem"); ///< a part of it; empty for none
    QTest::newRow("blank is the desktop") << u"  "_s << QString();
    QTest::newRow("fine") << u"kate -l {line} {file}"_s << QString();
    QTest::newRow("open quote") << u"\"/opt/ed {file}"_s << u"quote"_s;
    QTest::newRow("unknown placeholder") << u"ed {path}"_s << u"{path} is not a placeholder"_s;
    QTest::newRow("empty quotes only") << u"\"\""_s << u"no program"_s;
    QTest::newRow("placeholder as program") << u"{file} --x"_s << u"program"_s;
}

void TestEditorCommand::problems()
{
    QFETCH(QString, templateText);
    QFETCH(QString, problem);
    const QString actual = EditorCommand(templateText).problem();
    if (problem.isEmpty())
        QCOMPARE(actual, QString());
    else
        QVERIFY2(actual.contains(problem), qPrintable(actual));
}

void TestEditorCommand::fromSetting_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QString>("visual");
    QTest::addColumn<QString>("editor");
    QTest::addColumn<QStringList>("path");
    QTest::addColumn<QString>("templateText"); ///< empty: the desktop
    QTest::addColumn<EditorCommand::Origin>("origin");
    const QStringList none;
    const QStringList terminal{u"x-terminal-emulator"_s};
    using O = EditorCommand::Origin;
    QTest::newRow("nothing set") << QString() << QString() << QString() << none << QString() << O::Desktop;
    QTest::newRow("blank variables") << QString() << u" "_s << QString() << none << QString() << O::Desktop;
    QTest::newRow("EDITOR=code") << QString() << QString() << u"code"_s << none << u"code -g {file}:{line}"_s
                                 << O::Editor;
    QTest::newRow("EDITOR keeps its options")
        << QString() << QString() << u"code --wait"_s << none << u"code --wait -g {file}:{line}"_s << O::Editor;
    QTest::newRow("VISUAL before EDITOR")
        << QString() << u"kate"_s << u"vim"_s << terminal << u"kate -l {line} {file}"_s << O::Visual;
    QTest::newRow("EDITOR=vim in a terminal") << QString() << QString() << u"vim"_s << terminal
                                              << u"x-terminal-emulator -e vim +{line} {file}"_s << O::Editor;
    QTest::newRow("EDITOR=/usr/bin/nvim") << QString() << QString() << u"/usr/bin/nvim"_s << QStringList{u"xterm"_s}
                                          << u"xterm -e /usr/bin/nvim +{line} {file}"_s << O::Editor;
    QTest::newRow("nano without any terminal names x-terminal-emulator")
        << QString() << QString() << u"nano"_s << none << u"x-terminal-emulator -e nano +{line} {file}"_s << O::Editor;
    QTest::newRow("gnome-terminal takes --")
        << QString() << QString() << u"vi"_s << QStringList{u"gnome-terminal"_s, u"xterm"_s}
        << u"gnome-terminal -- vi +{line} {file}"_s << O::Editor;
    QTest::newRow("emacs is graphical") << QString() << QString() << u"emacs"_s << terminal << u"emacs +{line} {file}"_s
                                        << O::Editor;
    QTest::newRow("emacsclient -t is not") << QString() << QString() << u"emacsclient -t"_s << terminal
                                           << u"x-terminal-emulator -e emacsclient -t +{line} {file}"_s << O::Editor;
    QTest::newRow("subl") << QString() << QString() << u"subl -w"_s << none << u"subl -w {file}:{line}"_s << O::Editor;
    QTest::newRow("pycharm") << QString() << QString() << u"pycharm"_s << none << u"pycharm --line {line} {file}"_s
                             << O::Editor;
    QTest::newRow("unknown program: the file only")
        << QString() << QString() << u"myeditor --flag"_s << none << u"myeditor --flag {file}"_s << O::Editor;
    QTest::newRow("quoted program path") << QString() << QString() << u"\"/opt/My Code/code\""_s << none
                                         << u"\"/opt/My Code/code\" -g {file}:{line}"_s << O::Editor;
    QTest::newRow("the setting wins") << u"gedit +{line} {file}"_s << u"kate"_s << u"vim"_s << none
                                      << u"gedit +{line} {file}"_s << O::Setting;
    QTest::newRow("desktop chosen despite EDITOR")
        << EditorCommand::desktopSetting() << QString() << u"vim"_s << terminal << QString() << O::Desktop;
}

void TestEditorCommand::fromSetting()
{
    QFETCH(QString, setting);
    QFETCH(QString, visual);
    QFETCH(QString, editor);
    QFETCH(QStringList, path);
    QFETCH(QString, templateText);
    const EditorCommand command = EditorCommand::fromSetting(setting, environment(visual, editor), pathWith(path));
    QCOMPARE(command.templateText(), templateText);
    QCOMPARE(command.isDesktop(), templateText.isEmpty());
    QTEST(command.origin(), "origin");
    QCOMPARE(command.problem(), QString());
    if (!command.isDesktop()) {
        // Whatever the syntax, the file and the line reach the editor.
        const EditorCommand::Invocation invocation = command.expand(u"/x y/f.py"_s, 42);
        const QString all = invocation.arguments.join(u'\n');
        QVERIFY2(all.contains(u"/x y/f.py"_s), qPrintable(all));
        if (!editor.startsWith(u"myeditor"))
            QVERIFY2(all.contains(u"42"_s), qPrintable(all));
    }
}

void TestEditorCommand::presets()
{
    const QList<EditorCommand::Preset> presets = EditorCommand::presets();
    QVERIFY(presets.size() >= 10);
    QSet<QString> ids;
    for (const EditorCommand::Preset &preset : presets) {
        QVERIFY2(!ids.contains(preset.id), qPrintable(preset.id));
        ids.insert(preset.id);
        const EditorCommand command(preset.command);
        QCOMPARE(command.problem(), QString());
        QCOMPARE(command.program(), preset.id);
        QVERIFY(preset.command.contains(u"{file}"_s));
        QVERIFY(preset.command.contains(u"{line}"_s));
        QVERIFY(!preset.name.isEmpty());
        // What the preset says is what $EDITOR set to its program would give (the options aside).
        if (preset.id != u"emacsclient")
            QCOMPARE(EditorCommand::templateForEditorVariable(preset.id, pathWith({u"xterm"_s})),
                     EditorCommand::presetTemplate(preset, pathWith({u"xterm"_s})));
    }
    QVERIFY(EditorCommand::preset(u"kate"_s));
    QCOMPARE(EditorCommand::preset(u"kate"_s)->command, u"kate -l {line} {file}"_s);
    QVERIFY(!EditorCommand::preset(u"notepad"_s));

    const EditorCommand::Preset vim = *EditorCommand::preset(u"vim"_s);
    QVERIFY(vim.terminal);
    QCOMPARE(EditorCommand::presetTemplate(vim, pathWith({u"konsole"_s})), u"konsole -e vim +{line} {file}"_s);
    QVERIFY(!EditorCommand::isAvailable(vim, pathWith({u"vim"_s})));
    QVERIFY(EditorCommand::isAvailable(vim, pathWith({u"vim"_s, u"xterm"_s})));
    const EditorCommand::Preset code = *EditorCommand::preset(u"code"_s);
    QVERIFY(EditorCommand::isAvailable(code, pathWith({u"code"_s})));
    QVERIFY(!EditorCommand::isAvailable(code, pathWith({u"codium"_s})));
}

void TestEditorCommand::terminals()
{
    QCOMPARE(EditorCommand::terminalPrefix(pathWith({u"xterm"_s, u"x-terminal-emulator"_s})),
             u"x-terminal-emulator -e"_s);
    QCOMPARE(EditorCommand::terminalPrefix(pathWith({u"xfce4-terminal"_s})), u"xfce4-terminal -x"_s);
    QCOMPARE(EditorCommand::terminalPrefix(pathWith({})), u"x-terminal-emulator -e"_s);
}

void TestEditorCommand::findsPrograms()
{
    QCOMPARE(EditorCommand(u"code -g {file}:{line}"_s).findProgram(pathWith({u"code"_s})), u"/usr/bin/code"_s);
    QCOMPARE(EditorCommand(u"code -g {file}:{line}"_s).findProgram(pathWith({})), QString());
    QCOMPARE(EditorCommand().findProgram(pathWith({u"code"_s})), QString());

    // A path is checked as it is, never looked up.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString script = dir.filePath(u"my editor"_s);
    QFile file(script);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("#!/bin/sh\n");
    file.close();
    const EditorCommand command(EditorCommand::quoteWord(script) + u" {file}"_s);
    QCOMPARE(command.findProgram(pathWith({})), QString()); // not executable yet
    QVERIFY(file.setPermissions(file.permissions() | QFile::ExeOwner));
    QCOMPARE(command.findProgram(pathWith({})), script);
    QCOMPARE(EditorCommand(u"/nonexistent/editor {file}"_s).findProgram(pathWith({u"editor"_s})), QString());

    // The real PATH: sh is everywhere.
    QVERIFY(!EditorCommand(u"sh {file}"_s).findProgram().isEmpty());
}

void TestEditorCommand::displayText()
{
    const EditorCommand::Invocation invocation =
        EditorCommand(u"code -g {file}:{line}"_s).expand(u"/my dir/it's.py"_s, 3);
    QCOMPARE(EditorCommand::displayText(invocation), u"code -g '/my dir/it'\\''s.py:3'"_s);
    QCOMPARE(EditorCommand::displayText({u"kate"_s, {u"-l"_s, u"3"_s, u"/p/a.py"_s}}), u"kate -l 3 /p/a.py"_s);
}

void TestEditorCommand::startsWithoutShell()
{
    // The expanded words reach the program unchanged: printf echoes its arguments one per line.
    const QString file = u"/tmp/a b/'q' \"d\" $(false) `x`.py"_s;
    const EditorCommand::Invocation invocation =
        EditorCommand(u"printf \"%s\\n\" --line {line} {file}"_s).expand(file, 17);
    QProcess process;
    process.start(invocation.program, invocation.arguments);
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(QString::fromUtf8(process.readAllStandardOutput()), u"--line\n17\n"_s + file + u'\n');
}

QTEST_GUILESS_MAIN(TestEditorCommand)
#include "tst_editorcommand.moc"
