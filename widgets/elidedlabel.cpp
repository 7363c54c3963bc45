// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "elidedlabel.h"

#include <QMouseEvent>
#include <QPainter>
#include <QStyle>
#include <QToolTip>

using namespace Qt::StringLiterals;

ElidedLabel::ElidedLabel(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // a long text never widens the window
}

QString ElidedLabel::elideAtWord(const QString &text, const QFontMetrics &metrics, int width)
{
    if (metrics.horizontalAdvance(text) <= width)
        return text;
    const QString ellipsis = u"…"_s;
    const int room = width - metrics.horizontalAdvance(ellipsis);
    // The longest run of whole words that fits; punctuation before a space goes with its word.
    qsizetype end = -1;
    for (qsizetype i = text.indexOf(u' '); i > 0; i = text.indexOf(u' ', i + 1)) {
        QString words = text.left(i);
        while (!words.isEmpty() && (words.back().isPunct() || words.back().isSpace()))
            words.chop(1);
        if (metrics.horizontalAdvance(words) > room)
            break;
        end = words.size();
    }
    return end > 0 ? text.left(end) + ellipsis : ellipsis;
}

QString ElidedLabel::shownText() const
{
    return elideAtWord(text(), fontMetrics(), contentsRect().width());
}

void ElidedLabel::setStatus(const QString &text, const QString &detail)
{
    setText(text);
    m_detail = detail;
    setToolTip(tipText());
}

QSize ElidedLabel::minimumSizeHint() const
{
    return {fontMetrics().horizontalAdvance(u"……"_s), QLabel::minimumSizeHint().height()};
}

QString ElidedLabel::tipText() const
{
    if (!isElided())
        return m_detail;
    return m_detail.isEmpty() ? text() : text() + u"\n\n"_s + m_detail;
}

void ElidedLabel::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    style()->drawItemText(&painter, contentsRect(), int(alignment() | Qt::AlignVCenter), palette(), isEnabled(),
                          shownText(), foregroundRole());
}

void ElidedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    setToolTip(tipText()); // the whole text joins the tooltip once it no longer fits
}

void ElidedLabel::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && !tipText().isEmpty()) {
        QToolTip::showText(event->globalPosition().toPoint(), tipText(), this);
        event->accept();
        return;
    }
    QLabel::mousePressEvent(event);
}
