// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "history/checks.h"
#include "project/project.h"

#include <QCoreApplication>
#include <QSet>

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
    const QList<int> heads = map.realHeads();
    if (heads.size() > 1) {
        // Heads that each carry branch labels of their own are separate lines of work on purpose
        // (OpenStack's expand and contract, a plugin's own tables); several heads on one label are not.
        QSet<QString> labels;
        bool separate = true;
        for (int head : heads) {
            const QStringList own = map.revision(head).branchLabels;
            if (own.isEmpty())
                separate = false;
            for (const QString &label : own) {
                if (labels.contains(label))
                    separate = false;
                labels.insert(label);
            }
        }
        Diagnostic d;
        d.severity = Diagnostic::Severity::Warning;
        d.code = u"multiple-heads"_s;
        const QString ids = map.ids(heads).join(u", "_s);
        if (separate) {
            d.message = Tr::tr("The history has %1 heads (%2), each on its own branch label: separate lines of work. "
                               "`alembic upgrade heads` upgrades them all and `alembic upgrade LABEL@head` one of "
                               "them; `alembic upgrade head` refuses while there are several.")
                            .arg(heads.size())
                            .arg(ids);
        } else {
            d.message = Tr::tr("The history has %1 heads (%2): `alembic upgrade heads` upgrades them all, while "
                               "`alembic upgrade head` refuses. If they are branches of one line of work, join them "
                               "with `alembic merge heads`; give lines meant to stay separate their own branch labels.")
                            .arg(heads.size())
                            .arg(ids);
        }
        diagnostics.append(d);
    }
    return diagnostics;
}
