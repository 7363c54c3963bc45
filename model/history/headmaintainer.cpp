// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "history/headmaintainer.h"
#include "history/revisionmap.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(HeadMaintainer)
};

} // namespace

QString MigrationStep::logText() const
{
    const QString name = isStamp ? u"stamp_revision"_s : (isUpgrade ? u"upgrade"_s : u"downgrade"_s);
    QString text = u"%1 %2 -> %3"_s.arg(name, from.join(u", "_s), to.join(u", "_s));
    if (!doc.isEmpty())
        text += u", "_s + doc;
    return text;
}

HeadMaintainer::HeadMaintainer(const RevisionMap &map, const QStringList &rows, UnmergeRule rule,
                               bool recordRowsAfterEachStep)
    : m_map(map)
    , m_rows(rows.cbegin(), rows.cend())
    , m_rule(rule)
    , m_recordRowsAfterEachStep(recordRowsAfterEachStep)
{}

QStringList HeadMaintainer::rows() const
{
    QStringList sorted(m_rows.cbegin(), m_rows.cend());
    sorted.sort();
    return sorted;
}

QStringList HeadMaintainer::notImpliedBy(const QStringList &candidates, const QStringList &rows) const
{
    QList<int> indexes;
    for (const QString &id : rows) {
        const int i = m_map.indexOf(id);
        if (i >= 0)
            indexes.append(i);
    }
    QStringList out;
    for (const QString &candidate : candidates) {
        if (!m_map.isAncestorOfAny(m_map.indexOf(candidate), indexes))
            out.append(candidate);
    }
    return out;
}

bool HeadMaintainer::insert(const QString &version, MigrationStep &step)
{
    if (m_rows.contains(version)) {
        m_error = Tr::tr("Cannot insert %1: the version table already has that row.").arg(version);
        return false;
    }
    m_rows.insert(version);
    step.ops.append({VersionTableOp::Kind::Insert, {}, version});
    return true;
}

bool HeadMaintainer::remove(const QString &version, MigrationStep &step)
{
    if (!m_rows.remove(version)) {
        m_error = Tr::tr("Cannot delete %1: the version table has no such row (alembic stops "
                         "here with a KeyError).")
                      .arg(version);
        return false;
    }
    step.ops.append({VersionTableOp::Kind::Delete, version, {}});
    return true;
}

bool HeadMaintainer::update(const QString &from, const QString &to, MigrationStep &step)
{
    if (m_rows.contains(to)) {
        m_error = Tr::tr("Cannot update %1 to %2: the version table already has %2.").arg(from, to);
        return false;
    }
    if (!m_rows.contains(from)) {
        m_error = Tr::tr("Cannot update %1 to %2: the version table has no row %1 (alembic "
                         "stops here with a KeyError).")
                      .arg(from, to);
        return false;
    }
    m_rows.remove(from);
    m_rows.insert(to);
    step.ops.append({VersionTableOp::Kind::Update, from, to});
    return true;
}

// RevisionStep._unmerge_to_revisions
QStringList HeadMaintainer::unmergeTo(const MigrationStep &step) const
{
    QStringList others = rows();
    others.removeAll(step.revision);
    if (!others.isEmpty())
        return notImpliedBy(step.toWithDeps, others);
    if (m_rule == UnmergeRule::Alembic18)
        return step.toWithDeps;
    // Alembic >= 1.13.1 (#1373): a member implied by another member is not re-inserted.
    QStringList to;
    for (const QString &t : step.toWithDeps) {
        QStringList rest = step.toWithDeps;
        rest.removeAll(t);
        if (!notImpliedBy({t}, rest).isEmpty())
            to.append(t);
    }
    return to;
}

QString HeadMaintainer::apply(MigrationStep &step)
{
    m_error.clear();
    auto contains = [&](const QString &v) { return m_rows.contains(v); };
    auto countIn = [&](const QStringList &list) {
        qsizetype n = 0;
        for (const QString &v : list)
            n += contains(v) ? 1 : 0;
        return n;
    };
    bool ok = true;
    if (step.isStamp) {
        const QStringList &from = step.fromWithDeps;
        const QStringList &to = step.toWithDeps;
        if (!step.isUpgrade && step.branchMove) {
            ok = remove(from.value(0), step);
        } else if (step.isUpgrade && (step.branchMove || countIn(from) < from.size()) && countIn(to) < to.size()) {
            ok = insert(to.value(0), step);
        } else if (from.size() > 1) {
            for (qsizetype i = 0; ok && i + 1 < from.size(); ++i)
                ok = remove(from[i], step);
            ok = ok && update(from.last(), to.value(0), step);
        } else if (from.size() == 1 && to.size() == 1) {
            ok = update(from.first(), to.first(), step);
        } else {
            m_error = Tr::tr("This stamp step has nothing to move from.");
            ok = false;
        }
    } else {
        const QStringList nd = step.isUpgrade ? step.fromWithDeps : step.toWithDeps;
        const QString &rev = step.revision;
        if (!step.isUpgrade && contains(rev) && (nd.isEmpty() || unmergeTo(step).isEmpty())) {
            ok = remove(rev, step);
        } else if (step.isUpgrade && (nd.isEmpty() || countIn(nd) == 0)) {
            ok = insert(rev, step);
        } else if (step.isUpgrade && nd.size() > 1 && countIn(nd) > 1) {
            QStringList others = rows();
            for (const QString &d : nd)
                others.removeAll(d);
            const QStringList from = others.isEmpty() ? nd : notImpliedBy(nd, others);
            if (from.isEmpty()) {
                m_error = Tr::tr("Cannot merge into %1: every parent is implied by another row.").arg(rev);
                ok = false;
            }
            for (qsizetype i = 0; ok && i + 1 < from.size(); ++i)
                ok = remove(from[i], step);
            ok = ok && update(from.last(), rev, step);
        } else if (!step.isUpgrade && contains(rev) && nd.size() > 1) {
            const QStringList to = unmergeTo(step);
            for (qsizetype i = 0; ok && i + 1 < to.size(); ++i)
                ok = insert(to[i], step);
            ok = ok && update(rev, to.last(), step);
        } else {
            QString down;
            if (nd.size() == 1) {
                down = nd.first();
            } else {
                QStringList present;
                for (const QString &d : nd) {
                    if (contains(d))
                        present.append(d);
                }
                if (present.size() != 1) {
                    m_error = Tr::tr("Can't do an UPDATE because downrevision is ambiguous");
                    ok = false;
                } else {
                    down = present.first();
                }
            }
            if (ok)
                ok = step.isUpgrade ? update(down, rev, step) : update(rev, down, step);
        }
    }
    if (m_recordRowsAfterEachStep)
        step.rowsAfter = rows();
    return ok ? QString() : m_error;
}
