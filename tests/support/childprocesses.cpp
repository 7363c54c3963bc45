// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "childprocesses.h"

#include <QDir>
#include <QFile>
#include <QStringList>

#include <unistd.h>

using namespace Qt::StringLiterals;

int childProcessesNamed(const QString &name)
{
    int count = 0;
    const QString self = QString::number(getpid());
    const QStringList pids = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pid : pids) {
        QFile stat(u"/proc/%1/stat"_s.arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // "pid (comm) state ppid …"; comm may hold spaces and parentheses, so split after the last ')'.
        const QString line = QString::fromUtf8(stat.readAll());
        const qsizetype close = line.lastIndexOf(u')');
        const QString comm = line.mid(line.indexOf(u'(') + 1, close - line.indexOf(u'(') - 1);
        const QStringList fields = line.mid(close + 2).split(u' ');
        if (comm == name && fields.value(1) == self)
            ++count;
    }
    return count;
}
