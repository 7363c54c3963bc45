// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "detailspane.h"
#include "editordialog.h"
#include "editorlauncher.h"
#include "guitestsupport.h"
#include "history/revisionlistmodel.h"
#include "noticearea.h"
#include "problemspanel.h"
#include "project/editorcommand.h"
#include "sourceview.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QUrl>

#include <memory>

/// Open in Editor from the menu, the cards' and list's context menus, the details' file link, the
/// source view and the problems list, with a fake editor that writes down its arguments.
class TestOpenInEditor : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void opensSelectedRevisionAtUpgrade();
    void offeredInMenusAndContextMenus();
    void detailsFileLinkOpensAtUpgrade();
    void sourceViewOpensLineUnderPointer();
    void problemsOpenAtTheirLine();
    void usesEditorVariable();
    void warnsWhenEditorCannotStart_data();
    void warnsWhenEditorCannotStart();
    void dialogChoosesPreviewsAndTests();
    void dialogTestReportsFailure();

private:
    /// Waits for the fake editor's arguments (it writes them once, atomically); empty on timeout.
    QStringList editorArguments(int timeout = 10000) const;
    QString fakeEditorCommand() const { return EditorCommand::quoteWord(m_editor) + u" --line {line} {file}"_s; }
    QString copySample(const QString &name);
    /// Selects the sample's merge revision in @p window; its file.
    static const RevisionScript *selectMerge(MainWindow &window);
    QMessageBox *waitForErrorBox(QWidget *window) const;

    QTemporaryDir m_tempDir;
    QString m_editor;    ///< the fake editor, in a folder whose name has a space
    QString m_arguments; ///< where it writes its arguments, one per line
};

void TestOpenInEditor::initTestCase()
{
    isolateGuiSettings();
    QVERIFY(m_tempDir.isValid());
    const QString folder = m_tempDir.filePath(u"fake editor"_s);
    QVERIFY(QDir().mkpath(folder));
    m_editor = folder + u"/edit it.sh"_s;
    m_arguments = folder + u"/arguments.txt"_s;
    QFile script(m_editor);
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\n"
                 "out=\"$(dirname \"$0\")/arguments.txt\"\n"
                 ": > \"$out.part\"\n"
                 "for a in \"$@\"; do printf '%s\\n' \"$a\" >> \"$out.part\"; done\n"
                 "mv \"$out.part\" \"$out\"\n");
    script.close();
    QVERIFY(script.setPermissions(script.permissions() | QFile::ExeOwner));
}

void TestOpenInEditor::init()
{
    QFile::remove(m_arguments);
    EditorLauncher::setSetting(fakeEditorCommand());
}

void TestOpenInEditor::cleanup()
{
    EditorLauncher::setSetting({});
    QSettings().remove(u"window"_s);
}

QStringList TestOpenInEditor::editorArguments(int timeout) const
{
    QElapsedTimer timer;
    timer.start();
    while (!QFile::exists(m_arguments) && timer.elapsed() < timeout)
        QTest::qWait(20);
    QFile file(m_arguments);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(file.readAll());
    if (text.endsWith(u'\n'))
        text.chop(1);
    return text.split(u'\n');
}

QString TestOpenInEditor::copySample(const QString &name)
{
    const QString root = m_tempDir.filePath(name);
    const QString versions = root + u"/migrations/versions"_s;
    if (!QDir().mkpath(versions))
        return {};
    QFile::copy(sampleProjectPath() + u"/alembic.ini"_s, root + u"/alembic.ini"_s);
    QFile::copy(sampleProjectPath() + u"/migrations/env.py"_s, root + u"/migrations/env.py"_s);
    const QDir source(sampleProjectPath() + u"/migrations/versions"_s);
    for (const QString &file : source.entryList({u"*.py"_s}, QDir::Files))
        QFile::copy(source.filePath(file), versions + u'/' + file);
    return root;
}

const RevisionScript *TestOpenInEditor::selectMerge(MainWindow &window)
{
    const int merge = window.project().map().indexOf(u"9ccc6cd9d6d2"_s);
    window.selectRevision(merge);
    return merge >= 0 ? window.project().script(merge) : nullptr;
}

QMessageBox *TestOpenInEditor::waitForErrorBox(QWidget *window) const
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 5000) {
        const auto boxes = window->findChildren<QMessageBox *>(u"editorError"_s);
        for (QMessageBox *box : boxes) {
            if (box->isVisible())
                return box;
        }
        QTest::qWait(20);
    }
    return nullptr;
}

void TestOpenInEditor::opensSelectedRevisionAtUpgrade()
{
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, sampleProjectPath()));
    const RevisionScript *script = selectMerge(window);
    QVERIFY(script);
    const int line = script->upgrade.firstLine;
    QVERIFY(line > 1);
    // The line is the one of `def upgrade`.
    QFile file(script->path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QVERIFY2(lines.value(line - 1).startsWith("def upgrade"), lines.value(line - 1).constData());

    auto *action = window.findChild<QAction *>(u"openInEditorAction"_s);
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    action->trigger();
    QCOMPARE(editorArguments(), (QStringList{u"--line"_s, QString::number(line), script->path}));
    QVERIFY(window.notices()->banners().isEmpty());

    // Nothing selected: a word in the status bar, no editor.
    QFile::remove(m_arguments);
    window.selectRevision(-1);
    action->trigger();
    QTest::qWait(200);
    QVERIFY(!QFile::exists(m_arguments));
}

void TestOpenInEditor::offeredInMenusAndContextMenus()
{
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, sampleProjectPath()));
    auto *action = window.findChild<QAction *>(u"openInEditorAction"_s);
    auto *choose = window.findChild<QAction *>(u"chooseEditorAction"_s);
    QVERIFY(action);
    QVERIFY(choose);
    // Both in the Edit menu.
    QMenu *editMenu = nullptr;
    for (QAction *menuAction : window.menuBar()->actions()) {
        if (menuAction->menu() && menuAction->menu()->actions().contains(action))
            editMenu = menuAction->menu();
    }
    QVERIFY(editMenu);
    QVERIFY(editMenu->actions().contains(choose));
    // The list's context menu and the cards'.
    QVERIFY(window.historyView()->actions().contains(action));
    const RevisionScript *script = selectMerge(window);
    QVERIFY(script);
    QMenu menu;
    emit window.graphView()->contextMenuRequested(&menu, window.currentRevision());
    QVERIFY(menu.actions().contains(action));
    action->trigger();
    QCOMPARE(editorArguments().value(2), script->path);
}

void TestOpenInEditor::detailsFileLinkOpensAtUpgrade()
{
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, sampleProjectPath()));
    const RevisionScript *script = selectMerge(window);
    QVERIFY(script);
    // The File row links the file; following it opens the editor, not the desktop's handler.
    QTextBrowser *summary = window.detailsPane()->summary();
    QVERIFY(summary->toHtml().contains(QUrl::fromLocalFile(script->path).toString(QUrl::FullyEncoded)));
    emit summary->anchorClicked(QUrl::fromLocalFile(script->path));
    QCOMPARE(editorArguments(), (QStringList{u"--line"_s, QString::number(script->upgrade.firstLine), script->path}));
}

void TestOpenInEditor::sourceViewOpensLineUnderPointer()
{
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, sampleProjectPath()));
    const RevisionScript *script = selectMerge(window);
    QVERIFY(script);
    SourceView *source = window.detailsPane()->source();
    QPlainTextEdit *editor = source->editor();

    // The whole source: the line is the block's.
    source->showTab(SourceView::Tab::Source);
    const QPoint fifth = editor->cursorRect(QTextCursor(editor->document()->findBlockByNumber(4))).center();
    QCOMPARE(source->fileLineAt(fifth), 5);
    std::unique_ptr<QMenu> menu(source->createContextMenu(fifth));
    auto *open = menu->findChild<QAction *>(u"openInEditorAtLineAction"_s);
    QVERIFY(open);
    QVERIFY2(open->text().contains(u"Line 5"_s), qPrintable(open->text()));
    open->trigger();
    QCOMPARE(editorArguments(), (QStringList{u"--line"_s, u"5"_s, script->path}));

    // upgrade() alone keeps the file's numbers: its first shown line is `def upgrade`.
    QFile::remove(m_arguments);
    source->showTab(SourceView::Tab::Upgrade);
    QCOMPARE(source->currentTab(), SourceView::Tab::Upgrade);
    const QPoint first = editor->cursorRect(QTextCursor(editor->document()->firstBlock())).center();
    QCOMPARE(source->fileLineAt(first), script->upgrade.firstLine);
    menu.reset(source->createContextMenu(first));
    menu->findChild<QAction *>(u"openInEditorAtLineAction"_s)->trigger();
    QCOMPARE(editorArguments().value(1), QString::number(script->upgrade.firstLine));

    // A selection counts from its first line, wherever in it the pointer is.
    source->showTab(SourceView::Tab::Source);
    QTextCursor selection(editor->document()->findBlockByNumber(2));
    selection.setPosition(editor->document()->findBlockByNumber(6).position() + 1, QTextCursor::KeepAnchor);
    editor->setTextCursor(selection);
    const QPoint inside = editor->cursorRect(QTextCursor(editor->document()->findBlockByNumber(5))).center();
    QCOMPARE(source->fileLineAt(inside), 3);
    const QPoint outside = editor->cursorRect(QTextCursor(editor->document()->findBlockByNumber(9))).center();
    QCOMPARE(source->fileLineAt(outside), 10);

    // Nothing shown: no entry.
    window.selectRevision(-1);
    menu.reset(source->createContextMenu(QPoint(5, 5)));
    QVERIFY(!menu->findChild<QAction *>(u"openInEditorAtLineAction"_s));
}

void TestOpenInEditor::problemsOpenAtTheirLine()
{
    const QString root = copySample(u"problems"_s);
    // A revision whose down_revision is computed: reported at line 6.
    const QString broken = root + u"/migrations/versions/aaaa00000001_computed.py"_s;
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("\"\"\"computed parent\n\nRevision ID: aaaa00000001\n\"\"\"\n"
               "revision = \"aaaa00000001\"\n"
               "down_revision = \"9ccc6cd9d6d2\" + \"\"\n"
               "\n\ndef upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n");
    file.close();
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, root));
    auto *panel = window.findChild<ProblemsPanel *>();
    auto *problems = window.findChild<QListWidget *>(u"problemsView"_s);
    QVERIFY(panel);
    QVERIFY(problems);
    int row = -1;
    for (int i = 0; i < problems->count() && row < 0; ++i) {
        if (problems->item(i)->text().contains(u"aaaa00000001_computed.py:6"_s))
            row = i;
    }
    QVERIFY2(row >= 0, qPrintable(problems->item(0)->text()));

    std::unique_ptr<QMenu> menu(panel->createContextMenu(row, &window));
    QVERIFY(menu);
    auto *open = menu->findChild<QAction *>(u"problemOpenInEditorAction"_s);
    QVERIFY(open);
    QVERIFY(open->isEnabled());
    open->trigger();
    QCOMPARE(editorArguments(), (QStringList{u"--line"_s, u"6"_s, broken}));
    // Show still does what a click does.
    menu->findChild<QAction *>(u"showProblemAction"_s)->trigger();
    QCOMPARE(window.detailsPane()->source()->highlightedLine(), 6);
    // And the source view, showing that file, opens it too.
    QFile::remove(m_arguments);
    SourceView *source = window.detailsPane()->source();
    const QPoint eighth =
        source->editor()->cursorRect(QTextCursor(source->editor()->document()->findBlockByNumber(8))).center();
    menu.reset(source->createContextMenu(eighth));
    menu->findChild<QAction *>(u"openInEditorAtLineAction"_s)->trigger();
    QCOMPARE(editorArguments(), (QStringList{u"--line"_s, u"9"_s, broken}));
    // The "No problems" row of a clean project has no menu.
    QVERIFY(!panel->createContextMenu(problems->count(), &window));
}

void TestOpenInEditor::usesEditorVariable()
{
    // No setting: $VISUAL, then $EDITOR; an unknown program gets the file only.
    EditorLauncher::setSetting({});
    const QByteArray visual = qgetenv("VISUAL"), editor = qgetenv("EDITOR");
    qunsetenv("VISUAL");
    qputenv("EDITOR", EditorCommand::quoteWord(m_editor).toUtf8());
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, sampleProjectPath()));
    const RevisionScript *script = selectMerge(window);
    QVERIFY(script);
    QCOMPARE(EditorLauncher::configuredCommand().origin(), EditorCommand::Origin::Editor);
    window.findChild<QAction *>(u"openInEditorAction"_s)->trigger();
    const QStringList arguments = editorArguments();
    if (visual.isNull())
        qunsetenv("VISUAL");
    else
        qputenv("VISUAL", visual);
    if (editor.isNull())
        qunsetenv("EDITOR");
    else
        qputenv("EDITOR", editor);
    QCOMPARE(arguments, QStringList{script->path});
}

void TestOpenInEditor::warnsWhenEditorCannotStart_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("named"); ///< what the box's text or details must name
    QTest::newRow("missing program") << u"/nonexistent/retort-editor --line {line} {file}"_s
                                     << u"/nonexistent/retort-editor"_s;
    QTest::newRow("not on the PATH") << u"retort-no-such-editor-4711 {file}"_s << u"retort-no-such-editor-4711"_s;
    QTest::newRow("quote left open") << u"\"/usr/bin/env {file}"_s << u"quote"_s;
    QTest::newRow("unknown placeholder") << u"sh {path}"_s << u"{path}"_s;
}

void TestOpenInEditor::warnsWhenEditorCannotStart()
{
    QFETCH(QString, command);
    QFETCH(QString, named);
    EditorLauncher::setSetting(command);
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, sampleProjectPath()));
    QVERIFY(selectMerge(window));
    auto *action = window.findChild<QAction *>(u"openInEditorAction"_s);
    // Twice: the second failure replaces the first banner instead of stacking another.
    action->trigger();
    action->trigger();
    QVERIFY(!QApplication::activeModalWidget());
    QCOMPARE(window.notices()->banners().size(), 1);
    NoticeBanner *banner = window.notices()->banners().constFirst();
    QCOMPARE(banner->objectName(), u"editorError"_s);
    QCOMPARE(banner->notice().level, Notice::Level::Warning);
    const QString text = banner->text();
    QVERIFY2(text.contains(named), qPrintable(text));
    QVERIFY2(text.contains(command.section(u' ', 0, 0)), qPrintable(text));
    QVERIFY2(text.contains(u"External Editor"_s), qPrintable(text));
    QVERIFY(banner->findChild<QPushButton *>(u"chooseEditorButton"_s));
    // Dismissed as a user would; the window carries on.
    const QPointer<NoticeBanner> guard(banner);
    QTest::mouseClick(banner->closeButton(), Qt::LeftButton);
    QTRY_VERIFY(!guard);
    QVERIFY(!window.notices()->isVisible());
    QVERIFY(window.isVisible());
    QCOMPARE(window.currentRevision(), window.project().map().indexOf(u"9ccc6cd9d6d2"_s));
}

void TestOpenInEditor::dialogChoosesPreviewsAndTests()
{
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, sampleProjectPath()));
    const RevisionScript *script = selectMerge(window);
    QVERIFY(script);
    const QString line = QString::number(script->upgrade.firstLine);
    window.findChild<QAction *>(u"chooseEditorAction"_s)->trigger();
    auto *dialog = window.findChild<EditorDialog *>(u"editorDialog"_s);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());

    // The setting shows as a custom command, previewed for the selected revision and found.
    QCOMPARE(dialog->choice()->currentData().toString(), u"custom"_s);
    QCOMPARE(dialog->commandEdit()->text(), fakeEditorCommand());
    QVERIFY2(dialog->previewText().contains(u"--line "_s + line), qPrintable(dialog->previewText()));
    QVERIFY2(dialog->previewText().contains(script->path), qPrintable(dialog->previewText()));
    QVERIFY2(dialog->statusText().contains(u"✓"_s), qPrintable(dialog->statusText()));

    // Test starts it on the revision.
    auto *test = dialog->findChild<QPushButton *>(u"editorTestButton"_s);
    QVERIFY(test);
    QVERIFY(test->isEnabled());
    test->click();
    QCOMPARE(editorArguments(), (QStringList{u"--line"_s, line, script->path}));

    // A preset fills in its command, with the line syntax.
    dialog->choice()->setCurrentIndex(dialog->choice()->findData(u"preset:kate"_s));
    QCOMPARE(dialog->commandEdit()->text(), u"kate -l {line} {file}"_s);
    QVERIFY2(dialog->previewText().contains(u"kate -l "_s + line), qPrintable(dialog->previewText()));
    QCOMPARE(dialog->selectedSetting(), u"kate -l {line} {file}"_s);
    // Editing it makes it custom; a program that does not exist is reported.
    dialog->commandEdit()->selectAll();
    QTest::keyClicks(dialog->commandEdit(), u"retort-no-such-editor-4711 +{line} {file}"_s);
    QCOMPARE(dialog->choice()->currentData().toString(), u"custom"_s);
    QVERIFY2(dialog->statusText().contains(u"not found"_s), qPrintable(dialog->statusText()));
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QVERIFY(buttons->button(QDialogButtonBox::Ok)->isEnabled()); // it may be installed later
    // A command that cannot be split is not accepted.
    QTest::keyClicks(dialog->commandEdit(), u" \"x"_s);
    QVERIFY2(dialog->statusText().contains(u"quote"_s), qPrintable(dialog->statusText()));
    QVERIFY(!buttons->button(QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(!test->isEnabled());
    // Automatic and the desktop read only; the desktop's preview says there is no line.
    dialog->choice()->setCurrentIndex(dialog->choice()->findData(u"desktop"_s));
    QVERIFY(dialog->commandEdit()->isReadOnly());
    QVERIFY2(dialog->previewText().contains(u"default application"_s), qPrintable(dialog->previewText()));
    QCOMPARE(dialog->selectedSetting(), EditorCommand::desktopSetting());
    dialog->choice()->setCurrentIndex(dialog->choice()->findData(u"automatic"_s));
    QCOMPARE(dialog->selectedSetting(), QString());

    // OK saves the choice.
    dialog->choice()->setCurrentIndex(dialog->choice()->findData(u"preset:vim"_s));
    QVERIFY(dialog->commandEdit()->text().endsWith(u"vim +{line} {file}"_s));
    const QString vim = dialog->commandEdit()->text();
    buttons->button(QDialogButtonBox::Ok)->click();
    QCOMPARE(EditorLauncher::setting(), vim);
    // Opened again, it shows that preset.
    EditorDialog again(script->path, 3);
    QCOMPARE(again.choice()->currentData().toString(), u"preset:vim"_s);
    EditorLauncher::setSetting(EditorCommand::desktopSetting());
    EditorDialog desktop(QString(), 1);
    QCOMPARE(desktop.choice()->currentData().toString(), u"desktop"_s);
    QVERIFY(!desktop.findChild<QPushButton *>(u"editorTestButton"_s)->isEnabled()); // no file to try
}

void TestOpenInEditor::dialogTestReportsFailure()
{
    QWidget parent;
    parent.show();
    EditorDialog dialog(sampleProjectPath() + u"/alembic.ini"_s, 2, &parent);
    dialog.show();
    dialog.choice()->setCurrentIndex(dialog.choice()->findData(u"custom"_s));
    dialog.commandEdit()->clear();
    QTest::keyClicks(dialog.commandEdit(), u"/nonexistent/editor {file}"_s);
    dialog.findChild<QPushButton *>(u"editorTestButton"_s)->click();
    QMessageBox *box = waitForErrorBox(&dialog);
    QVERIFY(box);
    QVERIFY2(box->text().contains(u"/nonexistent/editor"_s), qPrintable(box->text()));
    box->close();
    // Nothing was saved by the failed test.
    QCOMPARE(EditorLauncher::setting(), fakeEditorCommand());
}

QTEST_MAIN(TestOpenInEditor)
#include "tst_openineditor.moc"
