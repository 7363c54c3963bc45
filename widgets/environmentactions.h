// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

class EnvironmentSession;
class QMenu;
class QWidget;
class SchemaDialog;

/// What the user does to the project's databases from the window: the environment dialog, the
/// stamp preview, and the outcome of a stamp. Dialogs are window-modal and never block. Previews and
/// the window's return to the foreground read the active environment again, so that nothing stale
/// is shown as current.
class EnvironmentActions : public QObject
{
    Q_OBJECT
public:
    /// Dialogs open over @p window; @p session must outlive this object.
    EnvironmentActions(EnvironmentSession *session, QWidget *window);

    /// Adds (@p index -1) or edits environment @p index.
    void edit(int index);
    /// Asks, then removes environment @p index from the list (the database is not touched).
    void remove(int index);
    /// Opens the stamp preview for the active environment at @p targets.
    void stampActive(const QStringList &targets);
    /// Opens the upgrade or downgrade of the active environment to @p target, from its preview to
    /// its check; returns the dialog (for tests), nullptr when no environment was read.
    class MigrationDialog *migrateActive(bool upgrade, const QString &target);
    /// Opens (or raises) the window's schema comparison for the active environment, comparing with
    /// revision @p against (empty: its stamped rows); nullptr when there is no environment.
    SchemaDialog *compareSchema(const QString &against = {});
    /// Offers "Stamp here", "Upgrade to here" and "Downgrade to here" for map index @p revision in
    /// the graph's context @p menu.
    void addToContextMenu(QMenu *menu, int revision);

    /// The active environment is read again when the window is activated, unless it was read this
    /// many seconds ago.
    static constexpr int RereadAfterSeconds = 5;

signals:
    /// A line for the status bar.
    void message(const QString &text, int timeoutMs);
    /// The migration preview shows these steps (map indexes, in order); empty when it closed.
    void planShown(const QList<int> &revisions, bool upgrade);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void reportStamp(int index, bool ok, const QString &message);

    EnvironmentSession *m_session;
    QWidget *m_window;
    QPointer<SchemaDialog> m_schemaDialog; ///< one per window, non-modal
};
