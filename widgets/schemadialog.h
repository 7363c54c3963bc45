// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "database/databasejobs.h"
#include "project/project.h"
#include "schema/modelcomparison.h"
#include "schema/schemadrift.h"
#include "schema/schemamatch.h"

#include <QDialog>

#include <optional>

class EnvironmentActions;
class EnvironmentSession;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTreeWidget;
class QTreeWidgetItem;

/// An environment's live schema beside the one its migrations give: the schema as inspected, the
/// drift from the stamped rows (or any revision), and the revisions ranked by how closely they match,
/// with the stamp and upgrade previews one click away. What `retort-cli schema`, `diff` and `match`
/// print, in the window.
///
/// How it works: the inspection is a DatabaseJobs job (its own connection in a worker thread, the
/// version rows read in the same connection); the expected schema and the ranking are replayed from a
/// copy of the project on the background pool. Every job carries the dialog's generation, so the
/// answer of a job that was cancelled or overtaken is dropped.
class SchemaDialog : public QDialog
{
    Q_OBJECT
public:
    /// Inspects environment @p index of @p session; @p actions opens the stamp and upgrade previews.
    SchemaDialog(EnvironmentSession *session, EnvironmentActions *actions, int index, QWidget *parent = nullptr);

    /// Reads environment @p index's schema again; the comparison chosen stays.
    void inspect(int index);
    /// Compares with the schema the migrations give at revision @p id ("base": the empty schema); an
    /// empty @p id compares with the stamped rows, "models" with env.py's target_metadata (alembic
    /// compares them in the project's Python).
    void compareWith(const QString &id);
    /// Brings the Matching Revision tab to the front.
    void showMatchingRevision();
    /// Drops the answer of the inspection running.
    void cancel();
    bool isInspecting() const { return m_inspecting; }
    int environmentIndex() const { return m_index; }
    /// The drift as `retort-cli diff` prints it.
    QString driftText() const;

signals:
    /// The inspection ended; @p ok false when it failed (the dialog says why).
    void inspected(bool ok);
    /// The drift tab shows the comparison asked for.
    void compared();
    /// The matching revision tab shows the ranking.
    void ranked();

protected:
    void changeEvent(QEvent *event) override;

private:
    /// What the drift tab shows: the replay's comparison, or alembic's with the models.
    struct Drift : SchemaDrift
    {
        std::optional<ModelComparison> models;
    };

    QWidget *createLiveTab();
    QWidget *createDriftTab();
    QWidget *createMatchTab();
    void showInspection(const Result<DatabaseJobs::SchemaRead> &outcome);
    void showLive();
    void fillComparisons();
    void startDrift();
    void startModelComparison();
    void showDrift(const Drift &drift);
    void startRanking();
    void showMatches(const QList<SchemaMatch> &matches);
    void applyFilter();
    void recolor();
    void updateButtons();
    void updateProgress();
    void setBanner(QLabel *label, const QString &text, bool error);
    /// setTone(), remembered for a palette change.
    static void applyTone(QLabel *label, int tone);
    QString selectedMatchId() const;
    bool isActiveEnvironment() const;

    EnvironmentSession *m_session;
    EnvironmentActions *m_actions;
    int m_index = -1;
    QString m_environmentName;
    int m_generation = 0;      ///< of the inspection and the ranking
    int m_driftGeneration = 0; ///< of the comparison
    bool m_inspecting = false;
    bool m_comparing = false;
    bool m_ranking = false;
    bool m_stampedHere = false;
    Project m_project;
    std::optional<DatabaseJobs::SchemaRead> m_read;
    QString m_against; ///< empty: the stamped rows
    Drift m_drift;
    QList<SchemaMatch> m_matches;

    QLabel *m_title;
    QLabel *m_status;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QPushButton *m_refresh;
    QLabel *m_error;
    QTabWidget *m_tabs;
    QLabel *m_liveMessage;
    QTreeWidget *m_liveTree;
    QComboBox *m_comparison;
    QLineEdit *m_filter;
    QPushButton *m_copy;
    QLabel *m_notes;
    QLabel *m_driftSummary;
    QTreeWidget *m_driftTree;
    QLabel *m_matchVerdict;
    QTreeWidget *m_matchTree;
    QPushButton *m_stamp;
    QPushButton *m_showDrift;
    QPushButton *m_upgrade;
    QLabel *m_hint;
};
