// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// Runs a fuzz target on every file of the corpus folders given on the command line, so the seed
// corpus (and every crash a fuzzer found, once added to it) is replayed on each test run without
// libFuzzer. A crash or a sanitizer report fails the test; otherwise it prints the plain summary.

#include <QByteArray>
#include <QDirIterator>
#include <QFile>
#include <QTextStream>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
    int replayed = 0;
    for (int i = 1; i < argc; ++i) {
        QDirIterator it(QString::fromLocal8Bit(argv[i]), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (!file.open(QIODevice::ReadOnly)) {
                QTextStream(stderr) << "cannot read " << file.fileName() << '\n';
                return 1;
            }
            const QByteArray bytes = file.readAll();
            LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(bytes.constData()), size_t(bytes.size()));
            ++replayed;
        }
    }
    if (replayed == 0) {
        QTextStream(stderr) << "no corpus files found\n";
        return 1;
    }
    QTextStream(stdout) << "replay: " << replayed << " passed, 0 failed\n";
    return 0;
}
