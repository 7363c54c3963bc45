// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "history/checks.h"
#include "project/project.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(Checks)
};

} // namespace

Diagnostics Checks::run(const Project &project)
{
    Diagnostics diagnostics = project.diagnostics();
    const RevisionMap &map = project.map();
    if (map.realHeads().size() > 1) {
        Diagnostic d;
        d.severity = Diagnostic::Severity::Warning;
        d.code = u"multiple-heads"_s;
        d.message = Tr::tr("The history has %1 heads (%2); `alembic upgrade head` fails until "
                           "they are merged with `alembic merge heads`.")
                        .arg(map.realHeads().size())
                        .arg(map.ids(map.realHeads()).join(u", "_s));
        diagnostics.append(d);
    }
    return diagnostics;
}
