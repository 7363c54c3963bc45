// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// retort-layout: Graphviz in a process of its own. Reads a layout request on standard input, writes
// the layout on standard output (see LayoutProtocol), an error on standard error with exit code 2.
// Graphviz can crash or exhaust memory on big tangled graphs; here that ends only this process.

#include "graph/graphvizlayout.h"
#include "graph/layoutprotocol.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringList>

#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;

#if defined(__has_feature)
#if __has_feature(address_sanitizer) // clang
#define RETORT_ADDRESS_SANITIZER 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) // gcc
#define RETORT_ADDRESS_SANITIZER 1
#endif

namespace {

/// AddressSanitizer reserves terabytes of address space for its shadow memory, so an address-space
/// limit stops a sanitizer build before main(); there the memory limit is not applied.
#ifdef RETORT_ADDRESS_SANITIZER
constexpr bool CanLimitAddressSpace = false;
#else
constexpr bool CanLimitAddressSpace = true;
#endif

/// A limit on this process's own resources; the kernel enforces it from here on.
void limit(int resource, rlim_t value)
{
    const rlimit bound{value, value};
    setrlimit(resource, &bound);
}

/// Older Graphviz (2.42, Debian 13's) does not check every allocation: at the address-space limit
/// it reads through a null pointer instead of saying "out of memory". The failed malloc left
/// ENOMEM in errno, so a crash with it there is reported as what it is, in the words the parent
/// looks for.
void reportCrashAfterFailedAllocation(int signal)
{
    if (errno == ENOMEM) {
        static const char message[] = "retort-layout: out of memory\n";
        (void)!write(STDERR_FILENO, message, sizeof message - 1);
        _exit(3);
    }
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

int fail(const QString &message)
{
    std::fputs(qPrintable(message + u'\n'), stderr);
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    // Ends with the program that started it, so a killed window leaves no Graphviz behind.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() == 1)
        return fail(u"The program that started retort-layout has ended."_s);

    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        bool ok = false;
        const qulonglong value = args.at(i + 1).toULongLong(&ok);
        if (!ok || value == 0)
            return fail(u"retort-layout: %1 needs a positive number"_s.arg(args.at(i)));
        if (args.at(i) == u"--memory-limit-mb") {
            if (CanLimitAddressSpace) {
                limit(RLIMIT_AS, rlim_t(value) * 1024 * 1024);
                for (const int signal : {SIGSEGV, SIGBUS, SIGABRT})
                    std::signal(signal, reportCrashAfterFailedAllocation);
            }
        } else if (args.at(i) == u"--time-limit-s")
            limit(RLIMIT_CPU, rlim_t(value));
        else
            return fail(u"retort-layout: unknown option %1"_s.arg(args.at(i)));
    }

    QFile input;
    QFile output;
    if (!input.open(stdin, QIODevice::ReadOnly) || !output.open(stdout, QIODevice::WriteOnly))
        return fail(u"retort-layout: cannot use standard input and output"_s);
    const Result<LayoutRequest> request = LayoutProtocol::decodeRequest(input.readAll());
    if (!request)
        return fail(request.error());
    const Result<GraphLayout> layout = layoutWithGraphviz(*request);
    if (!layout)
        return fail(layout.error());
    const QByteArray data = LayoutProtocol::encodeLayout(*layout);
    return output.write(data) == data.size() && output.flush() ? 0 : fail(u"retort-layout: cannot write"_s);
}
