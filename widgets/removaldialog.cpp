// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "removaldialog.h"

#include "backgroundjob.h"
#include "database/environmentsession.h"
#include "project/envscript.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

struct Checks
{
    QList<EnvironmentRows> environments;
    GitStatus git;
};

QString bulleted(const QStringList &lines)
{
    QStringList items;
    for (const QString &line : lines)
        items.append(u"<li>"_s + line.toHtmlEscaped() + u"</li>"_s);
    return u"<ul style=\"margin-left: 0; -qt-list-indent: 1;\">"_s + items.join(QString()) + u"</ul>"_s;
}

} // namespace

RemovalDialog::RemovalDialog(const Project &project, EnvironmentSession *session, int revision, QWidget *parent)
    : QDialog(parent)
    , m_project(project)
    , m_session(session)
    , m_revision(project.map().revision(revision).id)
{
    const Revision &r = m_project.map().revision(revision);
    setWindowTitle(tr("Delete Revision %1").arg(r.id));
    setWindowModality(Qt::WindowModal);
    setMinimumWidth(560);

    auto *title = new QLabel(tr("<b>Delete %1</b> %2").arg(r.id.toHtmlEscaped(), r.doc.toHtmlEscaped()), this);
    title->setWordWrap(true);
    const int descendants = int(m_project.map().descendants({revision}, false).size()) - 1;
    m_alone = new QRadioButton(tr("Only this revision"), this);
    m_alone->setEnabled(r.nextRevisions.isEmpty());
    m_withDescendants = new QRadioButton(tr("With its descendants (%n more revision(s))", nullptr, descendants), this);
    m_withDescendants->setEnabled(descendants > 0);
    m_reparent = new QRadioButton(
        tr("Re-parent its children onto %1")
            .arg(r.declaredDownRevisions.isEmpty() ? tr("the base") : r.declaredDownRevisions.join(u", "_s)),
        this);
    m_reparent->setEnabled(!r.nextRevisions.isEmpty());
    (r.nextRevisions.isEmpty() ? m_alone : m_reparent)->setChecked(true);
    auto *modes = new QButtonGroup(this);
    for (QRadioButton *button : {m_alone, m_withDescendants, m_reparent})
        modes->addButton(button);
    m_moveLabels = new QCheckBox(this);
    m_moveLabels->setVisible(!r.declaredBranchLabels.isEmpty() && r.nextRevisions.size() == 1);
    if (m_moveLabels->isVisibleTo(this)) {
        m_moveLabels->setText(
            tr("Move the branch labels %1 to %2")
                .arg(r.declaredBranchLabels.join(u", "_s), m_project.map().revision(r.nextRevisions.first()).id));
    }

    m_details = new QPlainTextEdit(this);
    m_details->setObjectName(u"removalDetails"_s);
    m_details->setAccessibleName(tr("Files that change"));
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_warnings = new QLabel(this);
    m_warnings->setObjectName(u"removalWarnings"_s);
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::RichText);
    m_acknowledge = new QCheckBox(tr("I have read the warnings"), this);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setVisible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_deleteButton = buttons->addButton(tr("Delete"), QDialogButtonBox::DestructiveRole);
    m_deleteButton->setObjectName(u"deleteButton"_s);
    m_deleteButton->setEnabled(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_deleteButton, &QPushButton::clicked, this, &RemovalDialog::remove);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_alone);
    layout->addWidget(m_withDescendants);
    layout->addWidget(m_reparent);
    layout->addWidget(m_moveLabels);
    layout->addWidget(m_details, 1);
    layout->addWidget(m_warnings);
    layout->addWidget(m_acknowledge);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    for (QRadioButton *button : {m_alone, m_withDescendants, m_reparent})
        connect(button, &QRadioButton::toggled, this, [this](bool checked) {
            if (checked) // one plan per choice, not one for the button that was unchecked too
                replan();
        });
    connect(m_moveLabels, &QCheckBox::toggled, this, &RemovalDialog::replan);
    connect(m_acknowledge, &QCheckBox::toggled, this, &RemovalDialog::updateDeleteButton);
    replan();
    startChecks();
}

QString RemovalDialog::actionText() const
{
    return tr("Delete %1").arg(m_revision);
}

void RemovalDialog::startChecks()
{
    // Applied or not is read again now: what the environment bar shows may be minutes old.
    struct Source
    {
        QString name;
        QString url;
        VersionTableName table;
        QString error;
    };
    QList<Source> sources;
    for (int i = 0; i < m_session->environments().size(); ++i) {
        const QString name = m_session->environments().at(i).name;
        const QString url = m_session->connectionUrl(i);
        sources.append({name, url, m_session->versionTable(i), url.isEmpty() ? m_session->state(i).error : QString()});
        if (url.isEmpty() && sources.last().error.isEmpty())
            sources.last().error = tr("no password was given");
    }
    // Every file that any mode could delete: git is asked once.
    QStringList paths;
    const int index = m_project.map().indexOf(m_revision);
    for (const int r : m_project.map().descendants({index}, false)) {
        if (const RevisionScript *script = m_project.script(r))
            paths.append(script->path);
    }
    auto *watcher = new QFutureWatcher<Checks>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_environments = watcher->result().environments;
        m_git = watcher->result().git;
        m_checked = true;
        replan();
        emit checksFinished();
    });
    watcher->setFuture(runInBackground(backgroundPool(), [sources, paths,
                                                          baseDirectory = m_project.config().configDirectory()] {
        Checks checks;
        for (const Source &source : sources) {
            checks.environments.append(source.error.isEmpty()
                                           ? readEnvironmentRows(source.name, source.url, source.table, baseDirectory)
                                           : EnvironmentRows{source.name, {}, source.error});
        }
        checks.git = GitStatus::of(paths);
        return checks;
    }));
}

void RemovalDialog::replan()
{
    RemovalRequest request;
    request.revision = m_revision;
    request.mode = m_withDescendants->isChecked() ? RemovalMode::WithDescendants
                   : m_reparent->isChecked()      ? RemovalMode::Reparent
                                                  : RemovalMode::Alone;
    request.moveLabels =
        m_moveLabels->isVisibleTo(this) && m_moveLabels->isChecked() && request.mode == RemovalMode::Reparent;
    m_moveLabels->setEnabled(request.mode == RemovalMode::Reparent);
    m_plan = planRemoval(m_project, request, m_environments);

    const QDir base(m_project.config().configDirectory());
    QStringList lines{tr("Files")};
    QStringList removedPaths;
    for (const FileChange &change : std::as_const(m_plan.changes)) {
        if (change.remove) {
            lines.append(u"  "_s + tr("delete %1").arg(base.relativeFilePath(change.path)));
            removedPaths.append(change.path);
        }
    }
    for (const QString &edit : std::as_const(m_plan.edits))
        lines.append(u"  "_s + tr("edit   %1").arg(edit));
    lines.append(QString());
    lines.append(tr("Environments"));
    if (!m_checked)
        lines.append(u"  "_s + tr("reading…"));
    else if (m_environments.isEmpty())
        lines.append(u"  "_s + tr("none set up: no database was checked"));
    for (const EnvironmentRows &environment : std::as_const(m_environments)) {
        lines.append(u"  "_s + environment.name + u": "_s +
                     (!environment.error.isEmpty() ? tr("could not be read")
                      : environment.rows.isEmpty() ? tr("no revision applied")
                                                   : environment.rows.join(u", "_s)));
    }
    GitStatus git = m_git;
    git.files.removeIf([&](const GitFileState &file) { return !removedPaths.contains(file.path); });
    if (m_checked && git.inWorkTree) {
        lines.append(QString());
        lines.append(tr("Git"));
        for (const QString &note : git.notes())
            lines.append(u"  "_s + note);
    }
    m_details->setPlainText(lines.join(u'\n'));

    QStringList warnings;
    for (const RemovalWarning &warning : std::as_const(m_plan.warnings))
        warnings.append(warning.text);
    warnings.append(git.warnings());
    if (!git.error.isEmpty())
        warnings.append(tr("git could not tell whether the files are committed: %1").arg(git.error));
    QString text;
    if (!m_plan.refusals.isEmpty())
        text += u"<p><b>"_s + tr("Cannot delete:") + u"</b></p>"_s + bulleted(m_plan.refusals);
    if (!warnings.isEmpty())
        text += u"<p><b>"_s + tr("Warnings:") + u"</b></p>"_s + bulleted(warnings);
    m_warnings->setText(text);
    m_warnings->setVisible(!text.isEmpty());
    m_hasWarnings = !warnings.isEmpty();
    m_acknowledge->setVisible(m_plan.isPossible() && m_hasWarnings);
    updateDeleteButton();
    emit planChanged();
}

void RemovalDialog::updateDeleteButton()
{
    m_deleteButton->setEnabled(m_checked && m_plan.isPossible() && (!m_hasWarnings || m_acknowledge->isChecked()));
}

QList<int> RemovalDialog::removedRevisions() const
{
    QList<int> revisions;
    for (const QString &id : m_plan.removed)
        revisions.append(m_project.map().indexOf(id));
    return revisions;
}

QList<int> RemovalDialog::editedRevisions() const
{
    QList<int> revisions;
    for (const QString &id : m_plan.edited)
        revisions.append(m_project.map().indexOf(id));
    return revisions;
}

void RemovalDialog::remove()
{
    const QString trash = QDir(m_project.config().configDirectory()).filePath(u".retort-trash"_s);
    const Result<AppliedChanges> applied = FileTransaction::apply(m_plan.changes, trash);
    if (!applied) {
        m_error->setText(applied.error());
        m_error->setVisible(true);
        return;
    }
    m_applied = applied.value();
    accept();
}
