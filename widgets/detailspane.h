// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "database/environmentplacement.h"
#include "project/project.h"

#include <QWidget>

class EnvironmentSession;
class QTextBrowser;
class QUrl;
class SourceView;

/// The selected revision: what it is (id, message, date, file, parents, children, dependencies,
/// labels, problems, with related revisions as links) above its highlighted source.
class DetailsPane : public QWidget
{
    Q_OBJECT
public:
    explicit DetailsPane(QWidget *parent = nullptr);

    void setProject(const Project &project);
    /// Shows revision @p revision of the map; -1 shows nothing.
    void setRevision(int revision);
    /// Where the Databases row looks (nullptr: no row); call environmentsChanged() when it changes.
    void setEnvironmentSession(const EnvironmentSession *session);
    void environmentsChanged();
    int revision() const { return m_revision; }
    /// Shows the source with @p line marked (a problem's line).
    void showLine(int line);
    /// Shows a file that is not a revision of the map (Alembic could not use it) with @p line marked.
    void showFile(const QString &path, int line, const QString &problem);

    QTextBrowser *summary() const { return m_summary; }
    SourceView *source() const { return m_source; }

signals:
    /// A parent, child or dependency link was clicked.
    void revisionLinkActivated(int revision);

private:
    void showSource(const QString &path, const RevisionScript *script);
    void openLink(const QUrl &url);
    QString summaryHtml() const;
    /// What the revision changes in the schema, replayed from the files.
    QString schemaChangesHtml() const;
    static QString placementHtml(const EnvironmentPlacement &placement);

    Project m_project;
    int m_revision = -1;
    QString m_sourcePath; ///< the file the source view shows, for Open in Editor
    const EnvironmentSession *m_session = nullptr;
    QTextBrowser *m_summary;
    SourceView *m_source;
};
