// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "clicommands.h"
#include "localization.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

#include <retort-config.h>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("retort-cli"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("retort.github.io"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RETORT_VERSION));
    installTranslations(app);
    QTextStream out(stdout);
    QTextStream err(stderr);
    return runCli(QCoreApplication::arguments(), out, err);
}
