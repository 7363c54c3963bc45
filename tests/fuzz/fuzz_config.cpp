// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// Fuzz target: the alembic.ini (ConfigParser) and pyproject.toml readers on any bytes, read the way
// a project is opened. Built with libFuzzer by -DRETORT_FUZZERS=ON under clang; the seed corpus is
// replayed in CTest.

#include "project/projectconfig.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>

static bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static QTemporaryDir dir;
    if (!dir.isValid())
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString ini = dir.filePath(QStringLiteral("alembic.ini"));
    const QString toml = dir.filePath(QStringLiteral("pyproject.toml"));
    QFile::remove(toml);
    if (writeFile(ini, bytes))
        (void)loadIniConfig(ini);
    QFile::remove(ini);
    if (writeFile(toml, bytes))
        (void)loadTomlConfig(toml);
    return 0;
}
