// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "appearance.h"
#include "localization.h"
#include "mainwindow.h"
#include "revisiongraphview.h"

#include <QApplication>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QPalette>
#include <QPixmap>
#include <QTimer>

#include <cstdio>
#include <memory>

#include "retort-config.h"

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(main)
};

} // namespace

/// The bundled sample: installed under <prefix>/share next to <prefix>/bin, else the source tree.
static QString findDemoProject()
{
    const QString installed =
        QDir(QCoreApplication::applicationDirPath()).filePath(u"../"_s + QStringLiteral(RETORT_INSTALL_SAMPLE_DIR));
    for (const QString &dir : {installed, QStringLiteral(RETORT_SOURCE_SAMPLE_DIR)}) {
        if (QFileInfo::exists(QDir(dir).filePath(u"alembic.ini"_s)))
            return QDir::cleanPath(dir);
    }
    return {};
}

/// Whether the command line asks only for --help or --version: answered without a display, so
/// without the window system (QApplication aborts when there is none).
static bool asksOnlyForText(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-?" || arg == "-v" || arg == "--version")
            return true;
    }
    return false;
}

/// What QApplication and QCoreApplication share: names, version and translations.
static void describe(QCoreApplication &app)
{
    QCoreApplication::setApplicationName(u"retort"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(RETORT_VERSION));
    QCoreApplication::setOrganizationDomain(u"retort.github.io"_s);
    installTranslations(app);
}

int main(int argc, char **argv)
{
    preferUtf8Encoding();
    std::unique_ptr<QCoreApplication> textOnly;
    std::unique_ptr<QApplication> gui;
    if (asksOnlyForText(argc, argv)) {
        textOnly = std::make_unique<QCoreApplication>(argc, argv);
        describe(*textOnly);
    } else {
        gui = std::make_unique<QApplication>(argc, argv);
        QApplication::setApplicationDisplayName(u"Retort"_s);
        QApplication::setDesktopFileName(QStringLiteral(RETORT_APP_ID));
        QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral(RETORT_APP_ID),
                                                     QIcon(u":/icons/"_s + QStringLiteral(RETORT_APP_ID) + u".svg"_s)));
        describe(*gui);
    }
    QCoreApplication &app = gui ? *gui : *textOnly;

    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("A desktop studio for Alembic migration histories."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(u"demo"_s, Tr::tr("Open the bundled sample project."));
    const QCommandLineOption screenshotOption(u"screenshot"_s, Tr::tr("Save a picture of the window to FILE and quit."),
                                              Tr::tr("FILE"));
    const QCommandLineOption darkOption(u"dark"_s, Tr::tr("Use a dark palette (e.g. for screenshots)."));
    const QCommandLineOption sizeOption(u"size"_s, Tr::tr("Open the window at WIDTHxHEIGHT pixels (e.g. 1920x1080)."),
                                        Tr::tr("WIDTHxHEIGHT"));
    const QCommandLineOption nameOption(
        {u"n"_s, u"name"_s},
        Tr::tr("The section of the ini file to read, as alembic -n names it (asked for when there are several)."),
        Tr::tr("NAME"));
    parser.addOption(demoOption);
    parser.addOption(nameOption);
    parser.addOption(darkOption);
    parser.addOption(screenshotOption);
    parser.addOption(sizeOption);
    parser.addPositionalArgument(u"path"_s, Tr::tr("An alembic.ini, a pyproject.toml or a folder."), Tr::tr("[PATH]"));
    parser.process(app); // --help and --version print and exit here
    if (!gui)
        return 0;

    // --dark wins over Settings' colour scheme for this run (screenshots), and is not kept.
    const Appearance::Theme theme = parser.isSet(darkOption) ? Appearance::Theme::Dark : Appearance::savedTheme();
    if (theme != Appearance::Theme::System)
        Appearance::applyTheme(theme);

    MainWindow window;
    window.setDemoProjectPath(findDemoProject());
    if (parser.isSet(sizeOption)) {
        const QStringList size = parser.value(sizeOption).split(u'x');
        if (size.size() != 2 || size.at(0).toInt() <= 0 || size.at(1).toInt() <= 0) {
            std::fprintf(stderr, "%s\n", qPrintable(Tr::tr("--size takes WIDTHxHEIGHT, e.g. 1280x800.")));
            return 2;
        }
        window.resize(size.at(0).toInt(), size.at(1).toInt());
    }
    window.show();

    if (parser.isSet(screenshotOption)) {
        // The picture is taken once the project is open and its graph laid out (or failed).
        const QString file = parser.value(screenshotOption);
        auto shoot = [&window, file](bool ok) {
            QTimer::singleShot(300, &window, [&window, file, ok] {
                const bool saved = window.grab().save(file);
                if (!saved)
                    std::fprintf(stderr, "%s\n", qPrintable(Tr::tr("Cannot write %1").arg(file)));
                QApplication::exit(saved && ok ? 0 : 1);
            });
        };
        QObject::connect(&window, &MainWindow::projectOpened, &window, [&window, shoot](bool ok) {
            if (!ok || window.graphView()->layoutError().size() > 0 || !window.graphView()->isLayoutRunning())
                shoot(ok);
            else
                QObject::connect(window.graphView(), &RevisionGraphView::layoutFinished, &window, shoot);
        });
        if (!parser.isSet(demoOption) && parser.positionalArguments().isEmpty())
            shoot(true);
    }

    const QStringList paths = parser.positionalArguments();
    if (parser.isSet(demoOption))
        window.openDemo();
    else if (!paths.isEmpty())
        window.openProject(paths.constFirst(), parser.value(nameOption));
    return QApplication::exec();
}
