// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QLabel>

/// A one-line label that never cuts a word: a text too long for it ends at the last word that
/// fits, with "…". Its tooltip then starts with the whole text, and a click shows the whole text
/// too. text() stays the whole text. For status lines whose length the window cannot know.
class ElidedLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    /// The words shown now (the whole text when it fits).
    QString shownText() const;
    bool isElided() const { return shownText() != text(); }
    /// Shows @p text; the tooltip says @p detail (URL, rows, …), after the whole text when it is cut.
    void setStatus(const QString &text, const QString &detail);

    QSize minimumSizeHint() const override;

    /// @p text cut after the last whole word that fits in @p width of @p metrics, with "…".
    static QString elideAtWord(const QString &text, const QFontMetrics &metrics, int width);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    QString tipText() const;

    QString m_detail;
};
