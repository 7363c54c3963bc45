// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "codehighlighter.h"

#include <QStringList>
#include <QWidget>

class QMenu;
class QPlainTextEdit;
class QTabBar;
class SourceViewEditor;

/// The source pane of the details: a read-only, highlighted editor with a line-number gutter and
/// tabs that narrow it to upgrade() or downgrade(). The gutter always shows the file's own line
/// numbers, also when only a function is shown. CodeHighlighter colours it and follows the palette.
class SourceView : public QWidget
{
    Q_OBJECT
public:
    /// Lines @p first to @p last of the file, 1-based and inclusive, as RevisionScript::Function's
    /// firstLine and lastLine; 0 means there is no such function.
    struct LineRange
    {
        int first = 0;
        int last = 0;
        bool isValid() const { return first > 0 && last >= first; }
    };
    enum class Tab
    {
        Source,
        Upgrade,
        Downgrade
    };
    Q_ENUM(Tab)

    explicit SourceView(QWidget *parent = nullptr);
    ~SourceView() override;

    /// Shows @p text; the tab of an absent range is disabled. The current tab is kept if it is still
    /// available, otherwise the whole source is shown.
    void setSource(const QString &text, CodeHighlighter::Language language, LineRange upgrade, LineRange downgrade);
    /// Empties the view; it then shows a hint to select a revision.
    void clear();

    /// Shows @p tab, unless it is disabled.
    void showTab(Tab tab);
    Tab currentTab() const;
    bool isTabEnabled(Tab tab) const;

    /// Shows the whole source with the cursor on 1-based @p line, centred and marked; the mark
    /// stays until the next setSource() or clear().
    void highlightLine(int line);
    /// The marked line, or 0.
    int highlightedLine() const { return m_markedLine; }

    QPlainTextEdit *editor() const;
    QTabBar *tabBar() const { return m_tabs; }
    /// The text the editor shows in the current tab.
    QString visibleText() const;
    /// The file line number the gutter shows for the first line of the current tab.
    int firstLineNumber() const;

    /// The file line at @p pos of the editor's viewport: the first line of the selection when @p pos
    /// is in it; 0 when nothing is shown.
    int fileLineAt(const QPoint &pos) const;
    /// The editor's context menu at @p pos of its viewport, with Open in Editor at Line N; owned by
    /// the caller.
    QMenu *createContextMenu(const QPoint &pos);

signals:
    /// Open in Editor at Line @p line was chosen (a line of the file, 1-based).
    void openInEditorRequested(int line);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateText();
    void applyMark();
    LineRange range(Tab tab) const;

    QTabBar *m_tabs;
    SourceViewEditor *m_editor;
    CodeHighlighter *m_highlighter;
    QStringList m_lines; ///< the whole source, one entry per line
    LineRange m_upgrade;
    LineRange m_downgrade;
    int m_markedLine = 0;
};
