// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "aboutdialog.h"
#include "appearance.h"
#include "codehighlighter.h"
#include "detailspane.h"
#include "drawing/theme.h"
#include "guitestsupport.h"
#include "localization.h"
#include "project/recentprojects.h"
#include "settingsdialog.h"
#include "sourceview.h"
#include "userguidedialog.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTextBrowser>
#include <QToolBar>
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
    void settingsRecolourAndAreKept();

private:
    /// Every action of @p window's menus (submenus included), by its text without '&'.
    static QStringList menuTexts(const QMainWindow &window);
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

QTEST_MAIN(TestDesktopIntegration)
#include "tst_desktopintegration.moc"
