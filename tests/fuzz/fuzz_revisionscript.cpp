// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// Fuzz target: the tokenizer, parser and revision-script reader (and env.py's reader) on any bytes.
// Built with libFuzzer by -DRETORT_FUZZERS=ON under clang; the seed corpus is replayed in CTest.

#include "project/envscript.h"
#include "project/revisionscript.h"
#include "python/pythonparser.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const RevisionScript script = readRevisionScript(QStringLiteral("/fuzz/versions/a1b2c3d4e5f6_x.py"), bytes);
    (void)script.isUsable();
    (void)parsePythonModule(bytes, QStringLiteral("/fuzz/env.py"));
    return 0;
}
