// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "detailspane.h"

#include "editorlauncher.h"
#include "history/displaytext.h"
#include "history/revisionformatter.h"
#include "schema/schemachanges.h"
#include "schema/schemareport.h"

#include "python/pythontokenizer.h"
#include "sourceview.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QString revisionLinks(const RevisionMap &map, const QList<int> &revisions)
{
    QStringList links;
    for (int r : revisions) {
        const Revision &rev = map.revision(r);
        QString text = rev.id.toHtmlEscaped();
        if (rev.isGhost)
            text += u" <i>("_s + DetailsPane::tr("missing") + u")</i>"_s;
        else if (!rev.doc.isEmpty())
            text += u" <span style='opacity:0.7'>"_s + rev.doc.section(u'\n', 0, 0).toHtmlEscaped() + u"</span>"_s;
        links.append(u"<a href='revision:%1'>%2</a>"_s.arg(r).arg(text));
    }
    return links.join(u"<br>"_s);
}

} // namespace

DetailsPane::DetailsPane(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QTextBrowser(this))
    , m_source(new SourceView(this))
{
    m_summary->setObjectName(u"detailsSummary"_s);
    m_summary->setAccessibleName(tr("Revision details"));
    m_summary->setOpenLinks(false);
    m_summary->setPlaceholderText(tr("Select a revision to see its details."));
    connect(m_summary, &QTextBrowser::anchorClicked, this, &DetailsPane::openLink);
    connect(m_source, &SourceView::openInEditorRequested, this, [this](int line) {
        if (!m_sourcePath.isEmpty())
            EditorLauncher::open(this, m_sourcePath, line);
    });
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_summary);
    splitter->addWidget(m_source);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

void DetailsPane::setProject(const Project &project)
{
    m_project = project;
    m_revision = -1;
    setRevision(-1);
}

void DetailsPane::setEnvironmentSession(const EnvironmentSession *session)
{
    m_session = session;
}

void DetailsPane::environmentsChanged()
{
    if (m_revision < 0)
        return;
    // Keep the reader's place in the text.
    const int scroll = m_summary->verticalScrollBar()->value();
    m_summary->setHtml(summaryHtml());
    m_summary->verticalScrollBar()->setValue(scroll);
}

void DetailsPane::setRevision(int revision)
{
    m_revision = revision >= 0 && revision < m_project.map().size() ? revision : -1;
    if (m_revision < 0) {
        m_summary->clear();
        m_source->clear();
        m_sourcePath.clear();
        return;
    }
    m_summary->setHtml(summaryHtml());
    const RevisionScript *script = m_project.script(m_revision);
    showSource(script ? script->path : QString(), script);
}

void DetailsPane::showFile(const QString &path, int line, const QString &problem)
{
    m_revision = -1;
    m_summary->setHtml(u"<h3>%1</h3><p>%2</p><p>%3</p>"_s.arg(
        QFileInfo(path).fileName().toHtmlEscaped(),
        tr("Alembic cannot use this file, so it has no place in the graph.").toHtmlEscaped(), problem.toHtmlEscaped()));
    const RevisionScript *script = nullptr;
    for (const RevisionScript &candidate : m_project.scripts()) {
        if (candidate.path == path)
            script = &candidate;
    }
    showSource(path, script);
    showLine(line);
}

void DetailsPane::showSource(const QString &path, const RevisionScript *script)
{
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        m_sourcePath.clear();
        m_source->clear();
        return;
    }
    m_sourcePath = path;
    Diagnostics ignored;
    const QString text = PythonTokenizer::decode(file.readAll(), path, &ignored);
    if (script) {
        m_source->setSource(text, CodeHighlighter::Language::Python,
                            {script->upgrade.firstLine, script->upgrade.lastLine},
                            {script->downgrade.firstLine, script->downgrade.lastLine});
    } else {
        m_source->setSource(text, CodeHighlighter::Language::Python, {}, {});
    }
}

void DetailsPane::showLine(int line)
{
    if (line > 0)
        m_source->highlightLine(line);
}

QString DetailsPane::summaryHtml() const
{
    const RevisionMap &map = m_project.map();
    const Revision &rev = map.revision(m_revision);
    const RevisionScript *script = m_project.script(m_revision);
    QString html = u"<h3 style='font-family:monospace'>%1</h3>"_s.arg(rev.id.toHtmlEscaped());
    if (rev.isGhost) {
        html += u"<p>"_s +
                tr("No file declares this revision, yet other revisions name it. Alembic refuses to run until "
                   "it exists: restore the file or correct the revisions that refer to it.") +
                u"</p>"_s;
    } else if (const QString doc = script ? script->longDoc : rev.doc; !doc.isEmpty()) {
        // The whole docstring: cards and the list show only its first line that says something.
        const QString headline = docHeadline(doc);
        // The rest, without alembic's header lines: the rows below say the same.
        QStringList restLines;
        bool skippedHeadline = false;
        for (const QString &line : doc.split(u'\n')) {
            if (!skippedHeadline && line.trimmed() == headline) {
                skippedHeadline = true;
                continue;
            }
            if (!isDocHeaderLine(line))
                restLines.append(line);
        }
        const QString rest = restLines.join(u'\n').trimmed();
        html += u"<p><b>"_s + headline.toHtmlEscaped() + u"</b></p>"_s;
        if (!rest.isEmpty())
            html += u"<p>"_s + rest.toHtmlEscaped().replace(u'\n', u"<br>"_s) + u"</p>"_s;
    }
    html += u"<table cellspacing='4'>"_s;
    auto row = [&html](const QString &name, const QString &value) {
        if (!value.isEmpty())
            html += u"<tr><td valign='top' style='opacity:0.7'>%1</td><td>%2</td></tr>"_s.arg(name, value);
    };
    if (script) {
        row(tr("Created"), script->createDate.toHtmlEscaped());
        row(tr("File"), u"<a href='%1'>%2</a>"_s.arg(QUrl::fromLocalFile(script->path).toString(QUrl::FullyEncoded),
                                                     QDir::toNativeSeparators(script->fileName).toHtmlEscaped()));
    }
    row(tr("Branch labels"), rev.branchLabels.join(u", "_s).toHtmlEscaped());
    if (m_session && !rev.isGhost)
        row(tr("Databases"), placementHtml(EnvironmentPlacement::of(*m_session, m_revision)));
    row(tr("Parents"), rev.isBase() && !rev.isGhost ? tr("none (a base)") : revisionLinks(map, rev.down));
    QList<int> dependencies = rev.resolvedDependencies;
    row(tr("Depends on"), revisionLinks(map, dependencies));
    row(tr("Children"), rev.nextRevisions.isEmpty() ? tr("none (a head)") : revisionLinks(map, rev.nextRevisions));
    QList<int> dependants;
    for (int child : rev.allNextRevisions) {
        if (!rev.nextRevisions.contains(child))
            dependants.append(child);
    }
    row(tr("Needed by"), revisionLinks(map, dependants));
    if (script) {
        // Values that are not literals: what they came to and where from (or why they are unknown).
        const QString computed = RevisionFormatter::computedHeaders(*script).trimmed();
        row(tr("Computed"), computed.toHtmlEscaped().replace(u'\n', u"<br>"_s));
    }
    html += u"</table>"_s;

    if (script && !rev.isGhost)
        html += schemaChangesHtml();

    QStringList problems;
    for (const Diagnostic &d : m_project.diagnostics()) {
        if (d.revision == rev.id || (script && d.file == script->path)) {
            const QString line = d.line > 0 ? tr("line %1: ").arg(d.line) : QString();
            problems.append(u"<li>"_s + QString(line + d.message).toHtmlEscaped() + u"</li>"_s);
        }
    }
    if (!problems.isEmpty())
        html += u"<p><b>"_s + tr("Problems") + u"</b></p><ul>"_s + problems.join(QString()) + u"</ul>"_s;
    return html;
}

QString DetailsPane::placementHtml(const EnvironmentPlacement &placement)
{
    QStringList parts;
    for (const EnvironmentPlacement::Entry &entry : placement.entries) {
        const QString name = u"<span style='color:%1'>●</span>&nbsp;%2"_s.arg(entry.color, entry.name.toHtmlEscaped());
        parts.append(entry.applied  ? tr("applied to %1").arg(name)
                     : entry.active ? u"<i>"_s + tr("pending on %1").arg(name) + u"</i>"_s
                                    : tr("not on %1").arg(name));
    }
    return parts.join(u"<br>"_s);
}

QString DetailsPane::schemaChangesHtml() const
{
    const std::optional<SchemaChanges> changes = SchemaReport::changesForDisplay(m_project, m_revision);
    if (!changes)
        return {};
    QStringList lines;
    for (const QString &line : SchemaReport::changeLines(changes->changes, 12))
        lines.append(line.toHtmlEscaped());
    const SqlDialect dialect = defaultReplayDialect(m_project.config());
    QString html = u"<p><b>%1</b> <span style='opacity:0.7'>%2</span></p><p style='font-family:monospace'>%3</p>"_s.arg(
        tr("Schema changes"), tr("(replayed for %1)").arg(dialect.displayName()), lines.join(u"<br>"_s));
    if (!changes->notes.isEmpty()) {
        QStringList notes;
        for (const ReplayNote &note : changes->notes)
            notes.append(u"<li>"_s + tr("line %1: %2").arg(note.line).arg(note.reason).toHtmlEscaped() + u"</li>"_s);
        html += u"<p>"_s + tr("Approximate: Retort could not follow these statements:") + u"</p><ul>"_s +
                notes.join(QString()) + u"</ul>"_s;
    }
    return html;
}

void DetailsPane::openLink(const QUrl &url)
{
    if (url.scheme() == u"revision") {
        bool ok = false;
        const int revision = url.path().toInt(&ok);
        if (ok)
            emit revisionLinkActivated(revision);
        return;
    }
    if (url.isLocalFile()) {
        // The user's editor, at the revision's `def upgrade` when the file is the revision's.
        const QString path = url.toLocalFile();
        const RevisionScript *script = m_revision >= 0 ? m_project.script(m_revision) : nullptr;
        EditorLauncher::open(this, path, script && script->path == path ? EditorLauncher::revisionLine(*script) : 1);
    }
}
