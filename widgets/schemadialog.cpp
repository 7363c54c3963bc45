// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "schemadialog.h"

#include "schema/schemareport.h"

#include "backgroundjob.h"
#include "database/environmentsession.h"
#include "environmentactions.h"
#include "runner/alembicinvocation.h"
#include "tone.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

constexpr int ChangeRole = Qt::UserRole + 1;
constexpr int RevisionRole = Qt::UserRole + 2;
/// Tables with more than this many are shown collapsed.
constexpr int ExpandedTables = 30;
/// Notes listed in the banner; the tooltip has them all.
constexpr int BannerNotes = 4;

enum MatchColumn
{
    MatchRank,
    MatchRevision,
    MatchMessage,
    MatchDistance,
    MatchDifferences,
    MatchReplay,
};

QString columnDefinition(const SchemaColumn &c)
{
    QString line = c.type.text();
    if (!c.nullable)
        line += u" NOT NULL"_s;
    if (!c.serverDefault.isEmpty())
        line += u" DEFAULT "_s + c.serverDefault;
    if (c.autoincrement)
        line += u" AUTOINCREMENT"_s;
    return line;
}

QString list(const QStringList &names)
{
    return u'(' + names.join(u", "_s) + u')';
}

QString foreignKeyDefinition(const SchemaForeignKey &fk)
{
    QString line = u"FOREIGN KEY "_s + list(fk.columns) + u" REFERENCES "_s +
                   (fk.referredSchema.isEmpty() ? QString() : fk.referredSchema + u'.') + fk.referredTable + u' ' +
                   list(fk.referredColumns);
    if (!fk.onDelete.isEmpty())
        line += u" ON DELETE "_s + fk.onDelete;
    if (!fk.onUpdate.isEmpty())
        line += u" ON UPDATE "_s + fk.onUpdate;
    return line;
}

QString severityText(SchemaDifference::Severity severity)
{
    switch (severity) {
    case SchemaDifference::Severity::Info:
        return SchemaDialog::tr("info");
    case SchemaDifference::Severity::Warning:
        return SchemaDialog::tr("warning");
    case SchemaDifference::Severity::Error:
        break;
    }
    return SchemaDialog::tr("error");
}

QIcon severityIcon(const QStyle *style, SchemaDifference::Severity severity)
{
    switch (severity) {
    case SchemaDifference::Severity::Info:
        return style->standardIcon(QStyle::SP_MessageBoxInformation);
    case SchemaDifference::Severity::Warning:
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    case SchemaDifference::Severity::Error:
        break;
    }
    return style->standardIcon(QStyle::SP_MessageBoxCritical);
}

/// Missing objects in the error tone, unexpected ones in the warning tone, changed ones as links.
QColor changeColor(SchemaDifference::Change change, const QPalette &palette)
{
    switch (change) {
    case SchemaDifference::Change::Missing:
        return Theme::color(Theme::Tone::Error, palette);
    case SchemaDifference::Change::Unexpected:
        return Theme::color(Theme::Tone::Warning, palette);
    case SchemaDifference::Change::Changed:
        break;
    }
    return palette.color(QPalette::Link);
}

QTreeWidgetItem *addDefinition(QTreeWidgetItem *parent, const QString &name, const QString &definition)
{
    auto *item = new QTreeWidgetItem(parent, {name.isEmpty() ? SchemaDialog::tr("(unnamed)") : name, definition});
    item->setToolTip(1, definition);
    return item;
}

QTreeWidget *makeTree(const QStringList &headers, QWidget *parent)
{
    auto *tree = new QTreeWidget(parent);
    tree->setHeaderLabels(headers);
    tree->setUniformRowHeights(true);
    tree->setAlternatingRowColors(true);
    tree->header()->setStretchLastSection(true);
    return tree;
}

} // namespace

SchemaDialog::SchemaDialog(EnvironmentSession *session, EnvironmentActions *actions, int index, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_actions(actions)
    , m_title(new QLabel(this))
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_refresh(new QPushButton(tr("&Refresh"), this))
    , m_error(new QLabel(this))
    , m_tabs(new QTabWidget(this))
{
    setWindowTitle(tr("Compare Schema"));
    m_title->setObjectName(u"schemaTitle"_s);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setObjectName(u"schemaStatus"_s);
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    m_cancel->setObjectName(u"schemaCancel"_s);
    m_cancel->setToolTip(tr("Stop waiting: the answer of the reading still running is dropped"));
    m_refresh->setObjectName(u"schemaRefresh"_s);
    m_refresh->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_refresh->setToolTip(tr("Read the database's schema and version table again"));
    m_error->setObjectName(u"schemaError"_s);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    m_tabs->setObjectName(u"schemaTabs"_s);
    m_tabs->setAccessibleName(tr("Schema views"));
    m_tabs->addTab(createLiveTab(), tr("&Live Schema"));
    m_tabs->addTab(createDriftTab(), tr("&Drift"));
    m_tabs->addTab(createMatchTab(), tr("&Matching Revision"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_cancel, &QPushButton::clicked, this, &SchemaDialog::cancel);
    connect(m_refresh, &QPushButton::clicked, this, [this] { inspect(m_index); });
    connect(m_session, &EnvironmentSession::changed, this, &SchemaDialog::updateButtons);
    connect(m_session, &EnvironmentSession::stampFinished, this, [this](int stamped, bool ok, const QString &) {
        if (!ok || stamped < 0 || stamped >= m_session->environments().size() ||
            m_session->environments().at(stamped).name != m_environmentName)
            return;
        m_stampedHere = true;
        inspect(stamped); // the same schema, other rows: the verdict changes
    });

    auto *top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(m_refresh);
    auto *progress = new QHBoxLayout;
    progress->addWidget(m_progress);
    progress->addWidget(m_status, 1);
    progress->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(progress);
    layout->addWidget(m_error);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
    resize(980, 660);
    inspect(index);
}

QWidget *SchemaDialog::createLiveTab()
{
    auto *page = new QWidget(this);
    m_liveMessage = new QLabel(page);
    m_liveMessage->setObjectName(u"liveMessage"_s);
    m_liveMessage->setWordWrap(true);
    m_liveMessage->hide();
    m_liveTree = makeTree({tr("Name"), tr("Definition")}, page);
    m_liveTree->setObjectName(u"liveTree"_s);
    m_liveTree->setAccessibleName(tr("Live schema"));
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_liveMessage);
    layout->addWidget(m_liveTree, 1);
    return page;
}

QWidget *SchemaDialog::createDriftTab()
{
    auto *page = new QWidget(this);
    m_comparison = new QComboBox(page);
    m_comparison->setObjectName(u"driftComparison"_s);
    m_comparison->setAccessibleName(tr("Compare with"));
    m_comparison->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_comparison->setMinimumContentsLength(36);
    m_filter = new QLineEdit(page);
    m_filter->setObjectName(u"driftFilter"_s);
    m_filter->setAccessibleName(tr("Filter the differences"));
    m_filter->setPlaceholderText(tr("Filter by table, column or text"));
    m_filter->setClearButtonEnabled(true);
    m_copy = new QPushButton(tr("&Copy as Text"), page);
    m_copy->setObjectName(u"driftCopy"_s);
    m_copy->setToolTip(tr("Copy the differences as retort-cli diff prints them"));
    m_notes = new QLabel(page);
    m_notes->setObjectName(u"driftNotes"_s);
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notes->hide();
    m_driftSummary = new QLabel(page);
    m_driftSummary->setObjectName(u"driftSummary"_s);
    m_driftSummary->setWordWrap(true);
    m_driftTree = makeTree({tr("Difference"), tr("Severity")}, page);
    m_driftTree->setObjectName(u"driftTree"_s);
    m_driftTree->setAccessibleName(tr("Differences"));
    m_driftTree->header()->setStretchLastSection(false);
    m_driftTree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_driftTree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);

    connect(m_comparison, &QComboBox::activated, this,
            [this](int row) { compareWith(m_comparison->itemData(row).toString()); });
    connect(m_filter, &QLineEdit::textChanged, this, &SchemaDialog::applyFilter);
    connect(m_copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(driftText()); });

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Compare with:"), page));
    bar->addWidget(m_comparison, 2);
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_copy);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(bar);
    layout->addWidget(m_notes);
    layout->addWidget(m_driftSummary);
    layout->addWidget(m_driftTree, 1);
    return page;
}

QWidget *SchemaDialog::createMatchTab()
{
    auto *page = new QWidget(this);
    m_matchVerdict = new QLabel(page);
    m_matchVerdict->setObjectName(u"matchVerdict"_s);
    m_matchVerdict->setWordWrap(true);
    m_matchTree =
        makeTree({tr("#"), tr("Revision"), tr("Message"), tr("Distance"), tr("Differences"), tr("Replay")}, page);
    m_matchTree->setObjectName(u"matchTree"_s);
    m_matchTree->setAccessibleName(tr("Revisions by match"));
    m_matchTree->setRootIsDecorated(false);
    m_matchTree->header()->setStretchLastSection(false);
    m_matchTree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_matchTree->header()->setSectionResizeMode(MatchMessage, QHeaderView::Stretch);
    m_stamp = new QPushButton(tr("&Stamp Here…"), page);
    m_stamp->setObjectName(u"matchStamp"_s);
    m_stamp->setToolTip(tr("Preview a stamp of the database at the selected revision: no migration runs"));
    m_showDrift = new QPushButton(tr("Show &Differences"), page);
    m_showDrift->setObjectName(u"matchShowDrift"_s);
    m_showDrift->setToolTip(tr("Compare the database with the selected revision in the Drift tab"));
    m_upgrade = new QPushButton(tr("&Upgrade to Heads…"), page);
    m_upgrade->setObjectName(u"matchUpgrade"_s);
    m_upgrade->setToolTip(tr("Preview, then run alembic upgrade heads on this environment"));
    m_hint = new QLabel(page);
    m_hint->setObjectName(u"matchHint"_s);
    m_hint->setWordWrap(true);

    connect(m_matchTree, &QTreeWidget::currentItemChanged, this, &SchemaDialog::updateButtons);
    connect(m_stamp, &QPushButton::clicked, this, [this] {
        const QString id = selectedMatchId();
        if (!id.isEmpty() && isActiveEnvironment())
            m_actions->stampActive(id.split(u' ', Qt::SkipEmptyParts));
    });
    connect(m_showDrift, &QPushButton::clicked, this, [this] {
        const QString id = selectedMatchId();
        if (id.isEmpty())
            return;
        compareWith(id);
        m_tabs->setCurrentIndex(1);
    });
    connect(m_upgrade, &QPushButton::clicked, this, [this] {
        if (isActiveEnvironment())
            m_actions->migrateActive(true, u"heads"_s);
    });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_stamp);
    buttons->addWidget(m_showDrift);
    buttons->addStretch(1);
    buttons->addWidget(m_upgrade);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_matchVerdict);
    layout->addWidget(m_matchTree, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_hint);
    return page;
}

void SchemaDialog::inspect(int index)
{
    const int generation = ++m_generation;
    ++m_driftGeneration;
    m_comparing = m_ranking = false;
    m_index = index;
    m_error->hide();
    const Project *project = m_session->project();
    if (!project || index < 0 || index >= m_session->environments().size()) {
        m_inspecting = false;
        m_title->setText(tr("No environment"));
        setBanner(m_error, tr("Open a project and choose an environment to compare its schema."), true);
        updateProgress();
        updateButtons();
        return;
    }
    m_project = *project;
    m_environmentName = m_session->environments().at(index).name;
    setWindowTitle(tr("Compare Schema — %1").arg(m_environmentName));
    if (!m_read)
        m_title->setText(tr("<b>%1</b>").arg(m_environmentName.toHtmlEscaped()));
    const QString url = m_session->connectionUrl(index);
    if (url.isEmpty()) {
        QString error = m_session->state(index).error;
        if (error.isEmpty())
            error = tr("no password was given.");
        m_inspecting = false;
        setBanner(m_error, tr("The schema of %1 was not read: %2").arg(m_environmentName, error), true);
        updateProgress();
        updateButtons();
        emit inspected(false);
        return;
    }
    m_inspecting = true;
    updateProgress();
    updateButtons();
    auto *watcher = new QFutureWatcher<Result<DatabaseJobs::SchemaRead>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // cancelled, or read again meanwhile
        m_inspecting = false;
        showInspection(watcher->result());
    });
    watcher->setFuture(
        DatabaseJobs::inspectSchema(url, m_project.config().configDirectory(), m_session->versionTable(index)));
}

void SchemaDialog::showMatchingRevision()
{
    m_tabs->setCurrentIndex(2);
}

void SchemaDialog::cancel()
{
    if (!m_inspecting && !m_ranking && !m_comparing)
        return;
    const bool inspecting = m_inspecting;
    ++m_generation;
    ++m_driftGeneration;
    m_inspecting = m_ranking = m_comparing = false;
    updateProgress();
    m_status->setText(inspecting ? tr("Cancelled: the schema shown, if any, is from an earlier reading.")
                                 : tr("Cancelled."));
    updateButtons();
    if (inspecting)
        emit inspected(false);
}

void SchemaDialog::showInspection(const Result<DatabaseJobs::SchemaRead> &outcome)
{
    if (!outcome) {
        m_read.reset();
        m_liveTree->clear();
        m_driftTree->clear();
        m_matchTree->clear();
        m_matches.clear();
        m_drift = {};
        m_title->setText(tr("<b>%1</b>").arg(m_environmentName.toHtmlEscaped()));
        setBanner(m_error, tr("The schema of %1 could not be read: %2").arg(m_environmentName, outcome.error()), true);
        m_driftSummary->clear();
        m_matchVerdict->clear();
        m_notes->hide();
        m_hint->clear();
        updateProgress();
        updateButtons();
        emit inspected(false);
        return;
    }
    m_read = outcome.value();
    const QStringList &rows = m_read->rows.rows;
    m_title->setText(tr("<b>%1</b> — %2 (%3), stamped at %4")
                         .arg(m_environmentName.toHtmlEscaped(), m_read->displayUrl.toHtmlEscaped(),
                              m_read->schema.dialect.displayName(),
                              rows.isEmpty() ? tr("nothing") : rows.join(u", "_s).toHtmlEscaped()));
    if (!m_read->rows.tableExists) {
        setBanner(m_error,
                  tr("The database has no version table %1: alembic never stamped it, so it is compared with the "
                     "empty schema before any revision.")
                      .arg(m_session->versionTable(m_index).displayName()),
                  false);
    }
    showLive();
    fillComparisons();
    emit inspected(true);
    if (!m_project.map().isConsistent()) {
        const QString error =
            tr("The history has errors (see the Problems panel): the schema the migrations give cannot be worked out.");
        Drift drift;
        drift.error = error;
        showDrift(drift);
        m_matches.clear();
        m_matchTree->clear();
        m_matchVerdict->setText(error);
        applyTone(m_matchVerdict, int(Theme::Tone::Error));
        updateProgress();
        updateButtons();
        return;
    }
    startDrift();
    startRanking();
}

void SchemaDialog::showLive()
{
    const Schema &schema = m_read->schema;
    m_liveTree->clear();
    QFont bold = m_liveTree->font();
    bold.setBold(true);
    const bool expand = schema.tables.size() <= ExpandedTables;
    for (const SchemaTable &table : schema.tables) {
        auto *item = new QTreeWidgetItem(
            m_liveTree, {table.qualifiedName(), tr("%n column(s)", nullptr, int(table.columns.size()))});
        item->setFont(0, bold);
        for (const SchemaColumn &c : table.columns)
            addDefinition(item, c.name, columnDefinition(c))->setToolTip(0, c.comment);
        if (!table.primaryKey.columns.isEmpty())
            addDefinition(item, table.primaryKey.name, u"PRIMARY KEY "_s + list(table.primaryKey.columns));
        for (const SchemaIndex &i : table.indexes) {
            QString definition = (i.unique ? u"UNIQUE INDEX "_s : u"INDEX "_s) + list(i.columns);
            if (!i.where.isEmpty())
                definition += u" WHERE "_s + i.where;
            addDefinition(item, i.name, definition);
        }
        for (const SchemaUniqueConstraint &u : table.uniqueConstraints)
            addDefinition(item, u.name, u"UNIQUE "_s + list(u.columns));
        for (const SchemaCheckConstraint &c : table.checkConstraints)
            addDefinition(item, c.name, u"CHECK ("_s + c.sqlText + u')');
        for (const SchemaForeignKey &fk : table.foreignKeys)
            addDefinition(item, fk.name, foreignKeyDefinition(fk));
        item->setExpanded(expand);
    }
    if (!schema.enums.isEmpty()) {
        auto *group =
            new QTreeWidgetItem(m_liveTree, {tr("Enum types"), tr("%n type(s)", nullptr, int(schema.enums.size()))});
        group->setFont(0, bold);
        for (const SchemaEnum &e : schema.enums)
            addDefinition(group, e.schema.isEmpty() ? e.name : e.schema + u'.' + e.name, u"ENUM "_s + list(e.values));
        group->setExpanded(expand);
    }
    if (!schema.views.isEmpty()) {
        auto *group =
            new QTreeWidgetItem(m_liveTree, {tr("Views"), tr("%n view(s)", nullptr, int(schema.views.size()))});
        group->setFont(0, bold);
        for (const QString &view : schema.views)
            addDefinition(group, view, u"VIEW"_s);
        group->setExpanded(expand);
    }
    m_liveTree->resizeColumnToContents(0);
    const bool empty = schema.tables.isEmpty() && schema.enums.isEmpty() && schema.views.isEmpty();
    m_liveMessage->setText(
        empty ? tr("The database has no tables (besides the version table).")
              : tr("%n table(s), read from the database's catalog.", nullptr, int(schema.tables.size())));
    m_liveMessage->setVisible(true);
}

void SchemaDialog::fillComparisons()
{
    const QStringList &rows = m_read->rows.rows;
    m_comparison->clear();
    m_comparison->addItem(tr("The stamped revision (%1)").arg(rows.isEmpty() ? tr("nothing") : rows.join(u", "_s)),
                          QString());
    m_comparison->addItem(tr("The models (env.py's target_metadata, compared by alembic)"), u"models"_s);
    m_comparison->setItemData(1,
                              tr("What alembic check finds: runs env.py in the project's Python, reads the "
                                 "database and writes nothing"),
                              Qt::ToolTipRole);
    m_comparison->addItem(tr("<base> (empty schema)"), u"base"_s);
    const RevisionMap &map = m_project.map();
    const Result<QList<int>> history = map.history();
    QList<int> order;
    if (history) {
        order = history.value();
    } else {
        for (int i = map.size() - 1; i >= 0; --i)
            order.append(i);
    }
    for (int revision : std::as_const(order)) {
        const Revision &r = map.revision(revision);
        if (r.isGhost)
            continue;
        m_comparison->addItem(r.doc.isEmpty() ? r.id : r.id + u" — "_s + r.doc, r.id);
    }
    const int current = m_comparison->findData(m_against);
    if (current < 0)
        m_against.clear();
    m_comparison->setCurrentIndex(std::max(current, 0));
}

void SchemaDialog::compareWith(const QString &id)
{
    m_against = id;
    if (m_read) {
        const int row = m_comparison->findData(id);
        if (row >= 0)
            m_comparison->setCurrentIndex(row);
    }
    if (m_read && !m_inspecting && m_project.map().isConsistent())
        startDrift();
}

void SchemaDialog::startDrift()
{
    if (m_against == u"models") {
        startModelComparison();
        return;
    }
    QStringList rows = m_read->rows.rows;
    if (m_against == u"base") {
        rows.clear();
    } else if (m_against.contains(u' ')) {
        rows = m_against.split(u' ', Qt::SkipEmptyParts); // a match that is several revisions together
    } else if (!m_against.isEmpty()) {
        const Result<QList<int>> revisions = m_project.map().resolveRevisions(m_against);
        if (!revisions) {
            Drift drift;
            drift.error = revisions.error();
            showDrift(drift);
            return;
        }
        rows = m_project.map().ids(revisions.value());
    }
    const int generation = ++m_driftGeneration;
    const bool stamped = m_against.isEmpty();
    m_comparing = true;
    updateProgress();
    auto *watcher = new QFutureWatcher<Drift>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, stamped] {
        watcher->deleteLater();
        if (generation != m_driftGeneration)
            return;
        m_comparing = false;
        const Drift drift = watcher->result();
        // The environment's pin shows the freshest verdict on its stamped rows.
        if (stamped && m_index < m_session->environments().size() &&
            m_session->environments().at(m_index).name == m_environmentName)
            m_session->noteDrift(m_index, drift);
        showDrift(drift);
        updateProgress();
    });
    watcher->setFuture(runInBackground(backgroundPool(), [project = m_project, live = m_read->schema, rows] {
        return Drift{SchemaDrift::compute(live, rows, project.map(), project.scripts()), {}};
    }));
}

void SchemaDialog::startModelComparison()
{
    const int generation = ++m_driftGeneration;
    Drift refused;
    if (m_project.config().iniFile.isEmpty()) {
        refused.error = tr("Comparing with the models runs the project's env.py through alembic, which needs its "
                           "alembic.ini, and this project was opened without one: open its alembic.ini.");
        showDrift(refused);
        return;
    }
    const QString url = m_session->connectionUrl(m_index);
    if (url.isEmpty()) {
        refused.error = tr("Not compared: %1").arg(m_session->state(m_index).error);
        showDrift(refused);
        return;
    }
    m_comparing = true;
    updateProgress();
    auto *watcher = new QFutureWatcher<Drift>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_driftGeneration)
            return;
        m_comparing = false;
        showDrift(watcher->result());
        updateProgress();
    });
    watcher->setFuture(runInBackground(
        backgroundPool(), [config = m_project.config(), url, variables = m_session->runVariables(m_index)] {
            AlembicInvocation invocation = AlembicInvocation::forProject(config, {u"check"_s});
            invocation.url = url;
            invocation.variables = variables;
            Drift drift;
            drift.models = ModelComparison::runChecked(invocation);
            drift.rows = drift.models->currentRows;
            drift.differences = drift.models->differences;
            if (!drift.models->compared()) {
                drift.error = drift.models->error;
                if (drift.models->status == ModelComparison::Status::NotUpToDate)
                    drift.error += u' ' + tr("Upgrade to Heads (in the Matching Revision tab) brings it up to date; "
                                             "or compare with the stamped revision.");
                else if (!drift.models->detail.isEmpty())
                    drift.error += u'\n' + drift.models->detail;
            }
            return drift;
        }));
}

void SchemaDialog::showDrift(const Drift &drift)
{
    m_drift = drift;
    m_driftTree->clear();
    if (!drift.error.isEmpty()) {
        m_driftSummary->setText(drift.error);
        applyTone(m_driftSummary, int(Theme::Tone::Error));
        m_notes->hide();
        m_tabs->setTabText(1, tr("&Drift"));
        updateButtons();
        emit compared();
        return;
    }
    QFont bold = m_driftTree->font();
    bold.setBold(true);
    QTreeWidgetItem *group = nullptr;
    QString table = u"\n"_s; // never a table name
    for (const SchemaDifference &d : drift.differences) {
        if (!group || d.table != table) {
            table = d.table;
            group = new QTreeWidgetItem(m_driftTree, {table.isEmpty() ? tr("(schema)") : table});
            group->setFont(0, bold);
            group->setFirstColumnSpanned(true);
            group->setExpanded(true);
        }
        auto *item = new QTreeWidgetItem(group, {d.text(), severityText(d.severity)});
        item->setData(0, ChangeRole, int(d.change));
        item->setIcon(1, severityIcon(style(), d.severity));
        const auto value = [](const QString &v) { return v.isEmpty() ? tr("(none)") : v; };
        item->setToolTip(0, tr("Expected: %1\nActual: %2").arg(value(d.expected), value(d.actual)));
    }
    const QString where = SchemaReport::expectedAt(drift.rows);
    const int count = int(drift.differences.size());
    if (drift.models) {
        const QString by = tr("alembic %1 in %2").arg(drift.models->alembicVersion, drift.models->python);
        m_driftSummary->setText(
            count == 0 ? tr("No differences: the database has the schema of the models (env.py's target_metadata), "
                            "as %1 compares them.")
                             .arg(by)
                       : tr("%n difference(s) between the database and the models (env.py's target_metadata), as "
                            "%1 finds them; alembic revision --autogenerate would write them into a new revision.",
                            nullptr, count)
                             .arg(by));
        applyTone(m_driftSummary, int(Theme::Tone::Normal));
    } else if (count == 0) {
        m_driftSummary->setText(
            tr("No differences: the database has the schema the migrations give at %1.").arg(where));
        applyTone(m_driftSummary, int(Theme::Tone::Normal));
    } else {
        m_driftSummary->setText(
            tr("%n difference(s) from the schema the migrations give at %1.", nullptr, count).arg(where));
        applyTone(m_driftSummary, int(Theme::Tone::Normal));
    }
    m_tabs->setTabText(1, count == 0 ? tr("&Drift") : tr("&Drift (%n)", nullptr, count));
    if (drift.notes.isEmpty()) {
        m_notes->hide();
    } else {
        QStringList lines{tr("Approximate: %n statement(s) of the migrations could not be followed; the expected "
                             "schema after them may be wrong:",
                             nullptr, int(drift.notes.size()))};
        QStringList all;
        for (qsizetype i = 0; i < drift.notes.size(); ++i) {
            const ReplayNote &note = drift.notes.at(i);
            const QString line =
                tr("%1:%2 (%3): %4")
                    .arg(QFileInfo(note.file).fileName(), QString::number(note.line), note.revision, note.reason);
            all.append(line + u"\n    "_s + note.statement);
            if (i < BannerNotes)
                lines.append(u"• "_s + line);
        }
        if (drift.notes.size() > BannerNotes)
            lines.append(tr("… and %n more (see the tooltip)", nullptr, int(drift.notes.size() - BannerNotes)));
        setBanner(m_notes, lines.join(u'\n'), false);
        m_notes->setToolTip(all.join(u'\n'));
    }
    recolor();
    applyFilter();
    updateButtons();
    emit compared();
}

void SchemaDialog::startRanking()
{
    const int generation = m_generation;
    m_ranking = true;
    m_matchTree->clear();
    m_matchVerdict->setText(tr("Comparing every revision's schema with the database…"));
    applyTone(m_matchVerdict, int(Theme::Tone::Normal));
    updateProgress();
    auto *watcher = new QFutureWatcher<QList<SchemaMatch>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        m_ranking = false;
        showMatches(watcher->result());
        updateProgress();
    });
    watcher->setFuture(
        runInBackground(backgroundPool(), [project = m_project, live = m_read->schema, stamped = m_read->rows.rows] {
            return rankRevisions(live, project.map(), project.scripts(), stamped);
        }));
}

void SchemaDialog::showMatches(const QList<SchemaMatch> &matches)
{
    m_matches = matches;
    m_matchTree->clear();
    const RevisionMap &map = m_project.map();
    for (qsizetype i = 0; i < matches.size(); ++i) {
        const SchemaMatch &m = matches.at(i);
        const bool base = m.rows.isEmpty();
        auto *item = new QTreeWidgetItem(m_matchTree);
        item->setText(MatchRank, QString::number(i + 1));
        item->setText(MatchRevision, base ? tr("<base>") : m.rows.join(u", "_s));
        QString message = base              ? tr("(empty schema)")
                          : m.revision >= 0 ? map.revision(m.revision).doc
                                            : tr("(%n revisions together)", nullptr, int(m.rows.size()));
        if (m.stamped)
            message = tr("[stamped now] ") + message;
        item->setText(MatchMessage, message);
        item->setText(MatchDistance, QString::number(m.distance));
        item->setText(MatchDifferences, m.distance == 0 ? tr("same schema") : QString::number(m.differences));
        item->setText(MatchReplay, m.approximate ? tr("approximate") : tr("exact"));
        item->setData(MatchRevision, RevisionRole, base ? u"base"_s : m.rows.join(u' '));
        for (int column : {MatchRank, MatchDistance, MatchDifferences})
            item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
        if (m.approximate)
            item->setToolTip(MatchReplay, tr("The replay up to this revision met statements it could not follow."));
    }
    if (m_matchTree->topLevelItemCount() > 0)
        m_matchTree->setCurrentItem(m_matchTree->topLevelItem(0));

    const QStringList rows = m_read ? m_read->rows.rows : QStringList();
    Theme::Tone tone = Theme::Tone::Normal;
    QString verdict;
    QString hint;
    if (matches.isEmpty()) {
        verdict = tr("The project has no revisions to compare with.");
    } else {
        const SchemaMatch &best = matches.first();
        const QString bestId = best.rows.isEmpty() ? u"base"_s : best.rows.join(u", "_s);
        const QString bestName = best.rows.isEmpty() ? tr("<base> (empty schema)") : bestId;
        if (best.distance != 0) {
            verdict = tr("No revision gives exactly this schema; the closest is %1 (%n difference(s)).", nullptr,
                         best.differences)
                          .arg(bestName);
            tone = Theme::Tone::Warning;
            hint = tr("Show Differences compares the database with the selected revision.");
        } else if (best.stamped) {
            verdict = tr("The database matches its stamped revision.");
        } else {
            verdict = tr("The database has the schema of %1 but is stamped at %2.")
                          .arg(bestName, rows.isEmpty() ? tr("nothing") : rows.join(u", "_s));
            tone = Theme::Tone::Warning;
            hint = tr("To record where the database really is, stamp it at %1; then bring it up to date with "
                      "Upgrade to Heads.")
                       .arg(bestId);
        }
        if (best.approximate)
            verdict += u' ' + tr("(The replay is approximate: some statements could not be followed.)");
    }
    if (m_stampedHere)
        hint = tr("Stamped. The migrations after the stamped revision have not run on this database: upgrade it to "
                  "the heads to bring it up to date.");
    m_matchVerdict->setText(verdict);
    applyTone(m_matchVerdict, int(tone));
    m_hint->setText(hint);
    m_hint->setVisible(!hint.isEmpty());
    recolor();
    updateButtons();
    emit ranked();
}

void SchemaDialog::applyFilter()
{
    const QString needle = m_filter->text().trimmed();
    for (int i = 0; i < m_driftTree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *group = m_driftTree->topLevelItem(i);
        const bool groupMatches = needle.isEmpty() || group->text(0).contains(needle, Qt::CaseInsensitive);
        int visible = 0;
        for (int j = 0; j < group->childCount(); ++j) {
            QTreeWidgetItem *item = group->child(j);
            const bool shown = groupMatches || item->text(0).contains(needle, Qt::CaseInsensitive) ||
                               item->text(1).contains(needle, Qt::CaseInsensitive);
            item->setHidden(!shown);
            visible += shown ? 1 : 0;
        }
        group->setHidden(visible == 0);
    }
}

void SchemaDialog::recolor()
{
    const QPalette &palette = m_driftTree->palette();
    for (int i = 0; i < m_driftTree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *group = m_driftTree->topLevelItem(i);
        for (int j = 0; j < group->childCount(); ++j) {
            QTreeWidgetItem *item = group->child(j);
            const auto change = SchemaDifference::Change(item->data(0, ChangeRole).toInt());
            item->setForeground(0, changeColor(change, palette));
        }
    }
    const QColor warning = Theme::color(Theme::Tone::Warning, m_matchTree->palette());
    for (int i = 0; i < m_matchTree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_matchTree->topLevelItem(i);
        if (item->text(MatchReplay) != tr("exact"))
            item->setForeground(MatchReplay, warning);
    }
}

void SchemaDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() != QEvent::PaletteChange)
        return;
    // The children get the new palette after this dialog does: colour them once they have it.
    QMetaObject::invokeMethod(
        this,
        [this] {
            recolor();
            for (QLabel *label : {m_error, m_notes, m_driftSummary, m_matchVerdict})
                applyTone(label, label->property("retortTone").toInt());
        },
        Qt::QueuedConnection);
}

void SchemaDialog::updateProgress()
{
    const bool busy = m_inspecting || m_comparing || m_ranking;
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    if (m_inspecting)
        m_status->setText(tr("Reading the schema of %1…").arg(m_environmentName));
    else if (m_ranking)
        m_status->setText(tr("Comparing every revision's schema with the database…"));
    else if (m_comparing && m_against == u"models")
        m_status->setText(tr("alembic is comparing the database with the models…"));
    else if (m_comparing)
        m_status->setText(tr("Working out the expected schema…"));
    else
        m_status->clear();
    m_status->setVisible(busy);
}

void SchemaDialog::updateButtons()
{
    const bool active = isActiveEnvironment();
    const bool haveMatch = !m_inspecting && !selectedMatchId().isEmpty();
    m_stamp->setEnabled(active && haveMatch);
    m_showDrift->setEnabled(haveMatch && m_read.has_value());
    m_upgrade->setEnabled(active && !m_inspecting);
    const QString notActive =
        tr("%1 is no longer the active environment: make it active to stamp or upgrade it.").arg(m_environmentName);
    m_stamp->setToolTip(active ? tr("Preview a stamp of the database at the selected revision: no migration runs")
                               : notActive);
    m_upgrade->setToolTip(active ? tr("Preview, then run alembic upgrade heads on this environment") : notActive);
    m_copy->setEnabled(m_read.has_value() && m_drift.error.isEmpty());
    m_comparison->setEnabled(m_read.has_value());
    m_refresh->setEnabled(!m_inspecting);
}

void SchemaDialog::setBanner(QLabel *label, const QString &text, bool error)
{
    label->setText(text);
    applyTone(label, int(error ? Theme::Tone::Error : Theme::Tone::Warning));
    label->setVisible(!text.isEmpty());
}

void SchemaDialog::applyTone(QLabel *label, int tone)
{
    label->setProperty("retortTone", tone);
    setTone(label, Theme::Tone(tone));
}

QString SchemaDialog::selectedMatchId() const
{
    const QTreeWidgetItem *item = m_matchTree->currentItem();
    return item ? item->data(MatchRevision, RevisionRole).toString() : QString();
}

bool SchemaDialog::isActiveEnvironment() const
{
    const int active = m_session->activeIndex();
    return m_session->project() && active >= 0 && active == m_index && active < m_session->environments().size() &&
           m_session->environments().at(active).name == m_environmentName && m_session->state(active).read;
}

QString SchemaDialog::driftText() const
{
    if (!m_read)
        return {};
    if (!m_drift.error.isEmpty())
        return m_drift.error + u'\n';
    if (m_drift.models)
        return SchemaReport::modelsDiff(m_read->displayUrl, *m_drift.models);
    return SchemaReport::diff(m_read->displayUrl, m_drift.rows, m_drift.differences, m_drift.notes);
}
