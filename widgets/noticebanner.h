// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QFrame>
#include <QList>
#include <QString>

#include <functional>

class QLabel;
class QPlainTextEdit;
class QToolButton;

/// Something that failed, told in a banner at the top of the window instead of a modal box.
struct Notice
{
    enum class Level
    {
        Warning, ///< done, with a caveat, or not done and nothing lost
        Error,   ///< failed
    };
    struct Action
    {
        QString text;
        std::function<void()> run;
        QString objectName;
    };

    /// Names the banner (for tests and accessibility); a new notice with the same id replaces it.
    QString id;
    Level level = Level::Error;
    QString title;   ///< what failed: "Cannot Open Project"
    QString text;    ///< one or two sentences: what happened and what to do next
    QString details; ///< the full reason (a tool's output, an error chain), behind "Details"
    QList<Action> actions;

    /// @p notice with @p reason's first line added to its text; all of it under Details when
    /// it has more lines (a traceback, a tool's output).
    static Notice because(Notice notice, const QString &reason);
};

/// One notice: an icon, its title and text, a Details expander when there are details, its actions
/// and a close button. Its colours come from the palette, so a theme switch re-colours it.
class NoticeBanner : public QFrame
{
    Q_OBJECT

public:
    explicit NoticeBanner(const Notice &notice, QWidget *parent = nullptr);

    const Notice &notice() const { return m_notice; }
    /// Title and text, as shown.
    QString text() const;
    QToolButton *detailsButton() const { return m_detailsButton; }
    QPlainTextEdit *detailsView() const { return m_details; }
    QToolButton *closeButton() const { return m_close; }

signals:
    void closeRequested();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    Notice m_notice;
    QLabel *m_text;
    QToolButton *m_detailsButton = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QToolButton *m_close;
};
