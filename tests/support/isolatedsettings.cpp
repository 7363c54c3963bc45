// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "isolatedsettings.h"

#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

QString isolateSettings(const QString &dir)
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir);
    const QSettings probe(QSettings::IniFormat, QSettings::UserScope, u"retort"_s, u"environments"_s);
    return probe.fileName().startsWith(dir) ? QString() : u"the environments file is at "_s + probe.fileName();
}
