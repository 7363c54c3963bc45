// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "localization.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QPixmap>
#include <QTimer>

#include <cstdio>

#include "retort-config.h"

using namespace Qt::StringLiterals;

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

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"retort"_s);
    QApplication::setApplicationDisplayName(u"Retort"_s);
    QApplication::setApplicationVersion(QStringLiteral(RETORT_VERSION));
    QApplication::setOrganizationDomain(u"retort.github.io"_s);
    QApplication::setDesktopFileName(QStringLiteral(RETORT_APP_ID));
    installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "A desktop studio for Alembic migration histories."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(u"demo"_s, QApplication::translate("main", "Open the bundled sample project."));
    const QCommandLineOption screenshotOption(
        u"screenshot"_s, QApplication::translate("main", "Save a picture of the window to FILE and quit."),
        QApplication::translate("main", "FILE"));
    parser.addOption(demoOption);
    parser.addOption(screenshotOption);
    parser.addPositionalArgument(u"path"_s,
                                 QApplication::translate("main", "An alembic.ini, a pyproject.toml or a folder."),
                                 QApplication::translate("main", "[PATH]"));
    parser.process(app);

    MainWindow window;
    window.setDemoProjectPath(findDemoProject());
    window.show();

    const QStringList paths = parser.positionalArguments();
    bool opened = true;
    if (parser.isSet(demoOption))
        opened = window.openDemo();
    else if (!paths.isEmpty())
        opened = window.openProject(paths.constFirst());

    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        QTimer::singleShot(200, &window, [&window, file, opened] {
            const bool saved = window.grab().save(file);
            if (!saved)
                std::fprintf(stderr, "%s\n", qPrintable(QApplication::translate("main", "Cannot write %1").arg(file)));
            QApplication::exit(saved && opened ? 0 : 1);
        });
    }
    return QApplication::exec();
}
