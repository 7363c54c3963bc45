// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "historygenerator.h"

#include <QDir>
#include <QFile>
#include <QSet>

using namespace Qt::StringLiterals;

QString HistoryGenerator::newId(bool sharedPrefixes)
{
    static const QString hex = u"0123456789abcdef"_s;
    static const QString narrow = u"ab0c"_s;
    for (;;) {
        QString id;
        for (int i = 0; i < 12; ++i) {
            const QString &alphabet = sharedPrefixes && i < 3 ? narrow : hex;
            id += alphabet.at(m_random.bounded(int(alphabet.size())));
        }
        if (!m_usedIds.contains(id)) {
            m_usedIds.append(id);
            return id;
        }
    }
}

QList<GeneratedRevision> HistoryGenerator::generate(const HistoryShape &shape)
{
    QList<GeneratedRevision> revisions;
    QList<int> heads; // indexes of revisions without children
    QStringList labels;
    int bases = 0;
    auto chance = [&](double p) { return m_random.generateDouble() < p; };
    m_usedIds.clear();
    revisions.reserve(shape.revisions);
    for (int i = 0; i < shape.revisions; ++i) {
        GeneratedRevision rev;
        rev.id = newId(shape.sharedPrefixes);
        rev.message = u"change %1"_s.arg(i);
        if (revisions.isEmpty() || (bases < shape.maxBases && chance(shape.newBase))) {
            ++bases;
        } else if (heads.size() >= 2 && chance(shape.merge)) {
            const int count = heads.size() >= 3 && chance(0.2) ? 3 : 2;
            QList<int> picked;
            while (picked.size() < count) {
                const int h = heads.at(m_random.bounded(int(heads.size())));
                if (!picked.contains(h))
                    picked.append(h);
            }
            for (int p : std::as_const(picked))
                rev.downRevisions.append(revisions.at(p).id);
            rev.message = u"merge %1"_s.arg(i);
        } else if (chance(shape.branch)) {
            const int window =
                shape.branchWindow > 0 ? std::min(shape.branchWindow, int(revisions.size())) : int(revisions.size());
            rev.downRevisions.append(revisions.at(int(revisions.size()) - 1 - m_random.bounded(window)).id);
        } else {
            const int h = heads.isEmpty()            ? int(revisions.size()) - 1
                          : chance(shape.stayOnLine) ? heads.last()
                                                     : heads.at(m_random.bounded(int(heads.size())));
            rev.downRevisions.append(revisions.at(h).id);
        }
        if (!revisions.isEmpty() && chance(shape.dependsOn)) {
            if (!labels.isEmpty() && chance(0.3))
                rev.dependencies.append(labels.at(m_random.bounded(int(labels.size()))));
            else
                rev.dependencies.append(revisions.at(m_random.bounded(int(revisions.size()))).id);
            if (chance(0.2)) {
                const QString extra = revisions.at(m_random.bounded(int(revisions.size()))).id;
                if (!rev.dependencies.contains(extra))
                    rev.dependencies.append(extra);
            }
            rev.dependencies.removeAll(rev.id);
        }
        if (chance(shape.label)) {
            const QString label = u"lbl%1"_s.arg(i);
            rev.branchLabels.append(label);
            labels.append(label);
        }
        for (const QString &down : std::as_const(rev.downRevisions)) {
            for (int h = 0; h < heads.size(); ++h) {
                if (revisions.at(heads.at(h)).id == down) {
                    heads.removeAt(h);
                    break;
                }
            }
        }
        heads.append(int(revisions.size()));
        revisions.append(rev);
    }
    return revisions;
}

static QString pythonTuple(const QStringList &items, QChar quote, bool wrapped)
{
    QStringList quoted;
    for (const QString &item : items)
        quoted.append(quote + item + quote);
    if (wrapped)
        return u"(\n    "_s + quoted.join(u",\n    "_s) + u",\n)"_s;
    return u'(' + quoted.join(u", "_s) + (items.size() == 1 ? u",)"_s : u")"_s);
}

static QString pythonValue(const QStringList &items, QChar quote, bool wrapped, bool asList)
{
    if (items.isEmpty())
        return u"None"_s;
    if (items.size() == 1 && !wrapped)
        return quote + items.first() + quote;
    if (asList) {
        QStringList quoted;
        for (const QString &item : items)
            quoted.append(quote + item + quote);
        return u'[' + quoted.join(u", "_s) + u']';
    }
    return pythonTuple(items, quote, wrapped);
}

QString HistoryGenerator::render(const GeneratedRevision &rev)
{
    const bool typed = m_random.bounded(2) == 1;
    const QChar quote = m_random.bounded(2) == 1 ? u'"' : u'\'';
    const bool wrapped = rev.downRevisions.size() > 1 && m_random.bounded(2) == 1;
    const QString annotation = typed ? u": Union[str, Sequence[str], None]"_s : QString();
    QString text =
        u"\"\"\"%1\n\nRevision ID: %2\nRevises: %3\nCreate Date: 2026-11-23 10:00:00.000000\n\n\"\"\"\n"_s.arg(
            rev.message, rev.id, rev.downRevisions.join(u", "_s));
    if (typed)
        text += u"from typing import Sequence, Union\n\n"_s;
    text += u"from alembic import op\nimport sqlalchemy as sa\n\n\n# revision identifiers, used by Alembic.\n"_s;
    text += u"revision"_s + (typed ? u": str"_s : QString()) + u" = "_s + quote + rev.id + quote + u'\n';
    text += u"down_revision"_s + annotation + u" = "_s + pythonValue(rev.downRevisions, quote, wrapped, false) + u'\n';
    text += u"branch_labels"_s + annotation + u" = "_s +
            (rev.branchLabels.isEmpty() ? u"None"_s : pythonTuple(rev.branchLabels, quote, false)) + u'\n';
    text += u"depends_on"_s + annotation + u" = "_s + pythonValue(rev.dependencies, quote, false, true) + u"\n\n\n"_s;
    text += u"def upgrade() -> None:\n    op.execute(\"SELECT 1\")\n\n\ndef downgrade() -> None:\n    pass\n"_s;
    return text;
}

bool HistoryGenerator::writeVersions(const QString &dir, const QList<GeneratedRevision> &revisions, QString *error)
{
    if (!QDir().mkpath(dir)) {
        *error = u"cannot create "_s + dir;
        return false;
    }
    for (const GeneratedRevision &rev : revisions) {
        QString slug = rev.message;
        slug.replace(u' ', u'_');
        QFile file(dir + u'/' + rev.id + u'_' + slug + u".py"_s);
        if (!file.open(QIODevice::WriteOnly) || file.write(render(rev).toUtf8()) < 0) {
            *error = file.errorString();
            return false;
        }
    }
    return true;
}

QString writeBenchmarkProject(const QString &dir, int size, QString *error)
{
    HistoryGenerator generator{quint32(size)};
    HistoryShape shape;
    shape.revisions = size;
    shape.newBase = 0.0005;
    shape.branch = 0.02;
    shape.merge = 0.05;
    shape.dependsOn = 0.003;
    shape.label = 0.001;
    shape.maxBases = 3;
    shape.stayOnLine = 0.8;
    shape.branchWindow = 30;
    shape.sharedPrefixes = false;
    if (!generator.writeVersions(dir + u"/migrations/versions"_s, generator.generate(shape), error))
        return {};
    QFile ini(dir + u"/alembic.ini"_s);
    if (!ini.open(QIODevice::WriteOnly) || ini.write("[alembic]\nscript_location = %(here)s/migrations\n") < 0) {
        *error = ini.errorString();
        return {};
    }
    return dir;
}
