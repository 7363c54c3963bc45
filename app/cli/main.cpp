// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "clicommands.h"
#include "localization.h"

#include "cliarguments.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QStringList>
#include <QTextStream>

#include <cstdio>
#include <memory>

#include <retort-config.h>

int main(int argc, char **argv)
{
    preferUtf8Encoding();
    // Pictures need QtGui's fonts and painting, never a window: the offscreen platform works
    // without a display, in CI and over ssh. Everything else stays a plain core application.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    std::unique_ptr<QCoreApplication> application;
    if (CliArguments::parse(arguments).drawsPicture()) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        // Qt's platform chatter (e.g. about XDG_RUNTIME_DIR) is no business of a script reading
        // stderr; retort-cli reports its own errors itself.
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
            if (type == QtCriticalMsg || type == QtFatalMsg)
                std::fprintf(stderr, "%s\n", qPrintable(message));
        });
        application = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication &app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("retort-cli"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("retort.github.io"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RETORT_VERSION));
    installTranslations(app);
    QTextStream out(stdout);
    QTextStream err(stderr);
    return runCli(QCoreApplication::arguments(), out, err);
}
