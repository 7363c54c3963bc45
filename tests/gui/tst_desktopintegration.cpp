// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "aboutdialog.h"
#include "appearance.h"
#include "codehighlighter.h"
#include "detailspane.h"
#include "drawing/theme.h"
#include "guitestsupport.h"
#include "localization.h"
#include "noticearea.h"
#include "project/recentprojects.h"
#include "python/pythonenvironment.h"
#include "settingsdialog.h"
#include "sourceview.h"
#include "userguidedialog.h"

#include <QAbstractScrollArea>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QTextBrowser>
#include <QToolBar>
#include <QToolButton>
#include <QTranslator>

#include "retort-config.h"

using namespace Qt::StringLiterals;

/// What makes Retort a desktop application beyond its window: the user's language (Retort's own
/// catalogue and Qt's), every command reachable, the About box naming the parts a bug report needs.
class TestDesktopIntegration : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void translatesWindowAndQt_data();
    void translatesWindowAndQt();
    void fallsBackToEnglish();
    void everyActionIsReachable();
    void aboutNamesVersions();
    void userGuideCoversWorkflowsAndShortcuts();
    void userGuideSpeaksTheLanguage_data();
    void userGuideSpeaksTheLanguage();
    void settingsRecolourAndAreKept();
    void settingsKeepOnlyAWorkingPython();
    void noticesDoNotBlock();
    void everyControlHasAnAccessibleName();
    void drawsAtTheScreensPixelRatio();

private:
    /// Every action of @p window's menus (submenus included), by its text without '&'.
    static QStringList menuTexts(const QMainWindow &window);
    /// Every action's menu path ("File ▸ Open…"), without '&'.
    static QSet<QString> menuPaths(const QMainWindow &window);
    static void removeTranslators();
};

void TestDesktopIntegration::initTestCase()
{
    isolateGuiSettings();
    RecentProjects::clear(); // the menus hold no paths, which no language translates
}

void TestDesktopIntegration::cleanup()
{
    removeTranslators();
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    // Kept settings would start the next test (or the next run) with another theme and direction.
    Appearance::saveTheme(Appearance::Theme::System);
    Appearance::applyTheme(Appearance::Theme::System);
    Appearance::saveLeftToRight(false);
}

void TestDesktopIntegration::removeTranslators()
{
    for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

QStringList TestDesktopIntegration::menuTexts(const QMainWindow &window)
{
    QStringList texts;
    QList<QMenu *> menus;
    for (QAction *action : window.menuBar()->actions()) {
        if (action->menu())
            menus.append(action->menu());
    }
    while (!menus.isEmpty()) {
        QMenu *menu = menus.takeFirst();
        emit menu->aboutToShow(); // menus filled on demand (recent projects)
        texts.append(menu->title().remove(u'&'));
        for (QAction *action : menu->actions()) {
            if (action->menu())
                menus.append(action->menu());
            else if (!action->isSeparator() && !action->text().isEmpty())
                texts.append(action->text().remove(u'&'));
        }
    }
    return texts;
}

QSet<QString> TestDesktopIntegration::menuPaths(const QMainWindow &window)
{
    QSet<QString> paths;
    QList<std::pair<QString, QMenu *>> menus;
    for (QAction *action : window.menuBar()->actions()) {
        if (action->menu())
            menus.append({action->text().remove(u'&'), action->menu()});
    }
    while (!menus.isEmpty()) {
        const auto [path, menu] = menus.takeFirst();
        for (QAction *action : menu->actions()) {
            const QString entry = path + u" ▸ "_s + action->text().remove(u'&');
            if (action->menu())
                menus.append({entry, action->menu()});
            else if (!action->isSeparator())
                paths.insert(entry);
        }
    }
    return paths;
}

void TestDesktopIntegration::translatesWindowAndQt_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("fileMenu");
    QTest::addColumn<QString>("cancel");
    QTest::newRow("German") << QLocale(QLocale::German, QLocale::Germany) << u"&Datei"_s << u"Abbrechen"_s;
    QTest::newRow("French") << QLocale(QLocale::French, QLocale::France) << u"&Fichier"_s << u"Annuler"_s;
}

void TestDesktopIntegration::translatesWindowAndQt()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, fileMenu);
    QFETCH(QString, cancel);

    const QStringList english = menuTexts(MainWindow());
    QLocale::setDefault(locale);
    installTranslations(*qApp);
    MainWindow window;
    QCOMPARE(window.menuBar()->actions().constFirst()->text(), fileMenu);
    // Nothing left in English: every menu entry differs from its source text, except names.
    const QStringList translated = menuTexts(window);
    QCOMPARE(translated.size(), english.size());
    const QSet<QString> sameInSomeLanguages{u"Python"_s, u"Details"_s};
    for (qsizetype i = 0; i < english.size(); ++i) {
        if (!sameInSomeLanguages.contains(english.at(i)))
            QVERIFY2(translated.at(i) != english.at(i), qPrintable(english.at(i) + u" is not translated"_s));
    }
    // Qt's own catalogue, in the same language: the standard buttons of every dialog.
    QDialogButtonBox buttons(QDialogButtonBox::Cancel);
    QVERIFY2(buttons.button(QDialogButtonBox::Cancel)->text().remove(u'&') == cancel,
             qPrintable(u"Qt's catalogue is missing (install qt6-translations-l10n); Cancel reads "_s +
                        buttons.button(QDialogButtonBox::Cancel)->text() + u" from "_s +
                        QLibraryInfo::path(QLibraryInfo::TranslationsPath)));
}

void TestDesktopIntegration::fallsBackToEnglish()
{
    QLocale::setDefault(QLocale(QLocale::Italian, QLocale::Italy));
    installTranslations(*qApp);
    MainWindow window;
    QCOMPARE(window.menuBar()->actions().constFirst()->text(), u"&File"_s);
    // English plural forms, not the sources' "(s)".
    QCOMPARE(QCoreApplication::translate("RetortCli", "%n warning(s)", nullptr, 1), u"1 warning"_s);
    QCOMPARE(QCoreApplication::translate("RetortCli", "%n warning(s)", nullptr, 2), u"2 warnings"_s);
}

void TestDesktopIntegration::everyActionIsReachable()
{
    MainWindow window;
    window.show();
    QSet<QAction *> inMenus;
    QList<QMenu *> menus;
    for (QAction *action : window.menuBar()->actions()) {
        if (action->menu())
            menus.append(action->menu());
    }
    while (!menus.isEmpty()) {
        QMenu *menu = menus.takeFirst();
        for (QAction *action : menu->actions()) {
            inMenus.insert(action);
            if (action->menu())
                menus.append(action->menu());
        }
    }
    for (QAction *action : window.findChildren<QAction *>()) {
        if (action->isSeparator() || action->text().isEmpty() || action->menu())
            continue;
        // Toolbars' toggle actions sit in their own context menu; the rest needs a menu entry or a key.
        if (qobject_cast<QToolBar *>(action->parent()) || qobject_cast<QDockWidget *>(action->parent()))
            continue;
        QVERIFY2(inMenus.contains(action) || !action->shortcut().isEmpty(),
                 qPrintable(action->text() + u" has neither a menu entry nor a shortcut"_s));
    }
}

void TestDesktopIntegration::aboutNamesVersions()
{
    const QString text = AboutDialog::text();
    QVERIFY(text.contains(QStringLiteral(RETORT_VERSION)));
    QVERIFY(text.contains(QString::fromLatin1(qVersion())));
    QVERIFY(!QStringLiteral(RETORT_GRAPHVIZ_VERSION).isEmpty());
    QVERIFY(text.contains(u"Graphviz</td><td>"_s + QStringLiteral(RETORT_GRAPHVIZ_VERSION)));
    QVERIFY(text.contains(RETORT_HAVE_KSYNTAXHIGHLIGHTING ? u"KSyntaxHighlighting "_s : u"built-in"_s));
}

void TestDesktopIntegration::userGuideCoversWorkflowsAndShortcuts()
{
    MainWindow window;
    window.show();
    QAction *help = nullptr;
    for (QAction *action : window.findChildren<QAction *>()) {
        if (action->shortcut() == QKeySequence(QKeySequence::HelpContents))
            help = action;
    }
    QVERIFY2(help, "no action answers the Help key (F1)");
    help->trigger();
    auto *guide = window.findChild<UserGuideDialog *>();
    QVERIFY(guide);
    QVERIFY(guide->isVisible());
    QVERIFY(!guide->isModal());
    const QString text = guide->browser()->toPlainText();
    for (const QString &workflow : {u"Inspect a branched history"_s, u"Recover an out-of-sync database"_s,
                                    u"Review migrations before a release"_s, u"Delete an unapplied revision"_s})
        QVERIFY2(text.contains(workflow), qPrintable(workflow));
    // The table lists the keys as this system binds them, under their menu paths.
    const QString openKeys = QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText);
    QVERIFY2(text.contains(u"File ▸ Open…"_s) && text.contains(openKeys), qPrintable(text.right(2000)));
    QVERIFY(guide->browser()->toHtml().contains(u"keyboard-shortcuts"_s));
    // Asking again reuses the window.
    help->trigger();
    QCOMPARE(window.findChildren<UserGuideDialog *>().size(), 1);
}

void TestDesktopIntegration::userGuideSpeaksTheLanguage_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("guide");
    QTest::addColumn<QString>("heading");
    QTest::newRow("English") << QLocale(QLocale::English, QLocale::UnitedStates) << u":/guide/user-guide.md"_s
                             << u"Retort user guide"_s;
    QTest::newRow("German") << QLocale(QLocale::German, QLocale::Austria) << u":/guide/user-guide.de.md"_s
                            << u"Retort-Benutzerhandbuch"_s;
    QTest::newRow("French") << QLocale(QLocale::French, QLocale::Canada) << u":/guide/user-guide.fr.md"_s
                            << u"Guide de l'utilisateur de Retort"_s;
}

void TestDesktopIntegration::userGuideSpeaksTheLanguage()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, guide);
    QFETCH(QString, heading);
    QLocale::setDefault(locale);
    installTranslations(*qApp);
    QCOMPARE(UserGuideDialog::guidePath(), guide);

    MainWindow window;
    UserGuideDialog dialog(window.menuBar(), &window);
    const QString text = dialog.browser()->toPlainText();
    QVERIFY2(text.startsWith(heading), qPrintable(text.left(200)));
    // The table replaced the placeholder, with the keys under this language's menu paths.
    QVERIFY(!text.contains(u"{shortcuts}"_s));
    const QSet<QString> paths = menuPaths(window);
    const QString openPath = window.menuBar()->actions().constFirst()->text().remove(u'&') + u" ▸ "_s +
                             window.findChild<QAction *>(u"openAction"_s)->text().remove(u'&');
    QVERIFY2(paths.contains(openPath), qPrintable(openPath));
    QVERIFY(text.contains(openPath));
    QVERIFY(text.contains(QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText)));
    // Every menu path the guide names in bold is one the window has, in the same words.
    QFile file(guide);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList spans = QString::fromUtf8(file.readAll()).split(u"**"_s);
    int named = 0;
    for (qsizetype i = 1; i < spans.size(); i += 2) { // the odd ones are bold
        const QString path = spans.at(i).simplified();
        if (!path.contains(u" ▸ "_s))
            continue;
        QVERIFY2(paths.contains(path),
                 qPrintable(path + u" is not a menu entry of the "_s + locale.name() + u" window"_s));
        ++named;
    }
    QVERIFY2(named >= 15, qPrintable(QString::number(named)));
}

void TestDesktopIntegration::settingsRecolourAndAreKept()
{
    MainWindow window;
    window.resize(1100, 700);
    window.show();
    QVERIFY(openAndWait(window, sampleProjectPath()));
    auto lightness = [&window] {
        const QImage graph = window.graphView()->viewport()->grab().toImage();
        return graph.pixelColor(4, 4).lightness(); // the background, left of every card
    };
    const int lightGraph = lightness();
    auto *settingsAction = window.findChild<QAction *>(u"settingsAction"_s);
    QVERIFY(settingsAction);
    settingsAction->trigger();
    auto *dialog = window.findChild<SettingsDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());

    dialog->themeChoice()->setCurrentIndex(dialog->themeChoice()->findData(int(Appearance::Theme::Dark)));
    QVERIFY(Theme::isDark(QApplication::palette()));
    QApplication::processEvents();
    QVERIFY2(lightness() < lightGraph - 60, qPrintable(u"%1 then %2"_s.arg(lightGraph).arg(lightness())));
    auto *editor = window.detailsPane()->source()->findChild<QPlainTextEdit *>();
    QVERIFY(editor);
    QVERIFY(Theme::isDark(editor->palette()));
    const auto *highlighter = editor->findChild<CodeHighlighter *>();
    QVERIFY(highlighter);
    QVERIFY2(highlighter->themeName().contains(u"dark"_s, Qt::CaseInsensitive), qPrintable(highlighter->themeName()));
    QCOMPARE(Appearance::savedTheme(), Appearance::Theme::Dark);

    dialog->directionChoice()->setCurrentIndex(1);
    QVERIFY(window.graphView()->isLeftToRight());
    QVERIFY(Appearance::savedLeftToRight());
    MainWindow another; // a new window opens as chosen
    QVERIFY(another.graphView()->isLeftToRight());

    dialog->themeChoice()->setCurrentIndex(dialog->themeChoice()->findData(int(Appearance::Theme::System)));
    QVERIFY(!Theme::isDark(QApplication::palette()));
    dialog->directionChoice()->setCurrentIndex(0);
    dialog->close();
}

void TestDesktopIntegration::settingsKeepOnlyAWorkingPython()
{
    const auto forget = qScopeGuard([] { PythonEnvironment::setDefaultInterpreter({}); });
    SettingsDialog dialog;
    dialog.show();
    QSignalSpy checked(&dialog, &SettingsDialog::pythonChecked);

    // Something that is not a Python: said why, not kept.
    dialog.pythonPath()->setText(u"/bin/true"_s);
    emit dialog.pythonPath()->editingFinished();
    QVERIFY(checked.wait(30000));
    QVERIFY(!checked.last().at(0).toBool());
    QVERIFY2(dialog.pythonStatus()->text().startsWith(u"Not kept"_s), qPrintable(dialog.pythonStatus()->text()));
    QCOMPARE(PythonEnvironment::defaultInterpreter(), QString());
    // Asked again (alembic may have been installed meanwhile): checked again.
    emit dialog.pythonPath()->editingFinished();
    QVERIFY(checked.wait(30000));
    QVERIFY(!checked.last().at(0).toBool());

    // Debian's Python, which has alembic: kept, with what it has.
    dialog.pythonPath()->setText(u"/usr/bin/python3"_s);
    emit dialog.pythonPath()->editingFinished();
    QVERIFY(checked.wait(30000));
    QVERIFY2(checked.last().at(0).toBool(), qPrintable(dialog.pythonStatus()->text()));
    QVERIFY2(dialog.pythonStatus()->text().contains(u"alembic 1."_s), qPrintable(dialog.pythonStatus()->text()));
    QCOMPARE(PythonEnvironment::defaultInterpreter(), u"/usr/bin/python3"_s);
    QCOMPARE(SettingsDialog().pythonPath()->text(), u"/usr/bin/python3"_s);

    // Emptied: the automatic choice again.
    dialog.pythonPath()->clear();
    emit dialog.pythonPath()->editingFinished();
    QCOMPARE(PythonEnvironment::defaultInterpreter(), QString());

    // Closed right after typing: the check goes on without the dialog, and keeps what works.
    auto *closing = new SettingsDialog;
    closing->setAttribute(Qt::WA_DeleteOnClose);
    closing->show();
    closing->pythonPath()->setText(u"/usr/bin/python3"_s);
    emit closing->pythonPath()->editingFinished();
    closing->close();
    QTRY_COMPARE_WITH_TIMEOUT(PythonEnvironment::defaultInterpreter(), u"/usr/bin/python3"_s, 30000);
}

void TestDesktopIntegration::noticesDoNotBlock()
{
    MainWindow window;
    window.resize(1100, 700);
    window.show();
    NoticeArea *area = window.notices();
    QVERIFY(area);
    QVERIFY(!area->isVisible());

    Notice failure;
    failure.id = u"first"_s;
    failure.title = u"Cannot Do It"_s;
    NoticeBanner *banner = area->post(Notice::because(failure, u"The first line.\nTraceback: the rest"_s));
    QVERIFY(area->isVisible());
    QVERIFY(!QApplication::activeModalWidget());
    QCOMPARE(banner->text(), u"Cannot Do It The first line."_s);
    // The whole reason is behind Details, folded until asked for.
    QVERIFY(banner->detailsButton());
    QVERIFY(!banner->detailsView()->isVisible());
    QTest::mouseClick(banner->detailsButton(), Qt::LeftButton);
    QVERIFY(banner->detailsView()->isVisible());
    QVERIFY(banner->detailsView()->toPlainText().contains(u"Traceback: the rest"_s));
    // A one-line reason needs no Details.
    failure.id = u"second"_s;
    QVERIFY(!area->post(Notice::because(failure, u"Short."_s))->detailsButton());

    // Newest first, a few at most, and the same id replaces instead of stacking.
    for (int i = 0; i < 4; ++i) {
        failure.id = u"many%1"_s.arg(i);
        area->post(failure);
    }
    QCOMPARE(area->banners().size(), 3);
    QCOMPARE(area->banners().constFirst()->objectName(), u"many3"_s);
    area->post(failure);
    QTRY_COMPARE(area->banners().size(), 3);

    // Closed one by one, the area goes away with the last.
    while (!area->banners().isEmpty()) {
        const QPointer<NoticeBanner> closing = area->banners().constFirst();
        QTest::mouseClick(closing->closeButton(), Qt::LeftButton);
        QTRY_VERIFY(!closing);
    }
    QVERIFY(!area->isVisible());

    // A window without banners (a dialog) gets a window-modal box with the details behind its button.
    QDialog dialog(&window);
    dialog.show();
    failure.id = u"dialogNotice"_s;
    NoticeArea::report(&dialog, Notice::because(failure, u"One.\nTwo."_s));
    auto *box = dialog.findChild<QMessageBox *>(u"dialogNotice"_s);
    QVERIFY(box);
    QCOMPARE(box->detailedText(), u"One.\nTwo."_s);
    box->close();
}

void TestDesktopIntegration::everyControlHasAnAccessibleName()
{
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(openAndWait(window, sampleProjectPath()));
    Notice notice;
    notice.title = u"Cannot Do It"_s;
    window.notices()->post(Notice::because(notice, u"One.\nTwo."_s));
    QStringList unnamed = unnamedControls(&window);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));

    SettingsDialog settings(&window);
    settings.show();
    unnamed = unnamedControls(&settings);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));

    UserGuideDialog guide(window.menuBar(), &window);
    guide.show();
    unnamed = unnamedControls(&guide);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));

    // The dialogs a user fills in.
    window.findChild<QAbstractButton *>(u"addEnvironmentButton"_s)->click();
    QDialog *environment = nullptr;
    QTRY_VERIFY((environment = window.findChild<QDialog *>(u"environmentDialog"_s)));
    unnamed = unnamedControls(environment);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));
    environment->reject();
    window.findChild<QAction *>(u"chooseInterpreterAction"_s)->trigger();
    QDialog *interpreter = nullptr;
    QTRY_VERIFY((interpreter = window.findChild<QDialog *>(u"interpreterDialog"_s)));
    unnamed = unnamedControls(interpreter);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));
    interpreter->reject();
}

void TestDesktopIntegration::drawsAtTheScreensPixelRatio()
{
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(openAndWait(window, sampleProjectPath()));
    // Run as tst_desktopintegration_hidpi with QT_SCALE_FACTOR=2: every picture has twice the pixels,
    // drawn for them, not scaled up from a smaller one.
    const qreal ratio = window.devicePixelRatioF();
    if (qEnvironmentVariable("QT_SCALE_FACTOR") == u"2"_s)
        QCOMPARE(ratio, 2.0);
    const QImage graph = window.graphView()->viewport()->grab().toImage();
    QCOMPARE(graph.size(), window.graphView()->viewport()->size() * ratio);
    QCOMPARE(graph.devicePixelRatio(), ratio);
}

QTEST_MAIN(TestDesktopIntegration)
#include "tst_desktopintegration.moc"
