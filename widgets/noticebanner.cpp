// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "noticebanner.h"

#include "drawing/theme.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr int StripeWidth = 4;

Theme::Tone toneOf(Notice::Level level)
{
    return level == Notice::Level::Error ? Theme::Tone::Error : Theme::Tone::Warning;
}

} // namespace

NoticeBanner::NoticeBanner(const Notice &notice, QWidget *parent)
    : QFrame(parent)
    , m_notice(notice)
    , m_text(new QLabel(this))
    , m_close(new QToolButton(this))
{
    setObjectName(notice.id);
    setAccessibleName(notice.title);
    setAccessibleDescription(notice.text);

    auto *icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    icon->setPixmap(style()
                        ->standardIcon(notice.level == Notice::Level::Error ? QStyle::SP_MessageBoxCritical
                                                                            : QStyle::SP_MessageBoxWarning)
                        .pixmap(iconSize, iconSize));
    icon->setAlignment(Qt::AlignTop);

    m_text->setObjectName(u"noticeText"_s);
    m_text->setTextFormat(Qt::RichText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setText(u"<b>%1</b><br>%2"_s.arg(notice.title.toHtmlEscaped(), notice.text.toHtmlEscaped()));
    m_text->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);

    auto *row = new QHBoxLayout;
    row->addWidget(icon, 0, Qt::AlignTop);
    row->addWidget(m_text, 1);
    for (const Notice::Action &action : notice.actions) {
        auto *button = new QPushButton(action.text, this);
        button->setObjectName(action.objectName);
        connect(button, &QPushButton::clicked, this, action.run);
        row->addWidget(button, 0, Qt::AlignTop);
    }
    if (!notice.details.isEmpty()) {
        m_detailsButton = new QToolButton(this);
        m_detailsButton->setObjectName(u"noticeDetailsButton"_s);
        m_detailsButton->setText(tr("Details"));
        m_detailsButton->setCheckable(true);
        m_detailsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        m_detailsButton->setArrowType(Qt::RightArrow);
        row->addWidget(m_detailsButton, 0, Qt::AlignTop);
    }
    m_close->setObjectName(u"noticeCloseButton"_s);
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss"));
    connect(m_close, &QToolButton::clicked, this, &NoticeBanner::closeRequested);
    row->addWidget(m_close, 0, Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(StripeWidth + 8, 6, 6, 6);
    layout->addLayout(row);
    if (m_detailsButton) {
        m_details = new QPlainTextEdit(notice.details, this);
        m_details->setObjectName(u"noticeDetails"_s);
        m_details->setReadOnly(true);
        m_details->setAccessibleName(tr("Details"));
        m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        m_details->setLineWrapMode(QPlainTextEdit::WidgetWidth);
        // As tall as the reason, up to ten lines; longer ones scroll.
        const qsizetype lines = std::min<qsizetype>(notice.details.count(u'\n') + 1, 10);
        m_details->setFixedHeight(int(lines + 1) * m_details->fontMetrics().lineSpacing() +
                                  2 * m_details->frameWidth() + 8);
        m_details->hide();
        layout->addWidget(m_details);
        connect(m_detailsButton, &QToolButton::toggled, this, [this](bool shown) {
            m_details->setVisible(shown);
            m_detailsButton->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
        });
    }
}

Notice Notice::because(Notice notice, const QString &reason)
{
    const QString first = reason.section(u'\n', 0, 0).trimmed();
    notice.text = notice.text.isEmpty() ? first : notice.text + u' ' + first;
    if (reason.trimmed() != first)
        notice.details = reason;
    return notice;
}

QString NoticeBanner::text() const
{
    return m_notice.title + u' ' + m_notice.text;
}

void NoticeBanner::paintEvent(QPaintEvent *)
{
    // A tint of the tone under the palette's own text, and a stripe of the tone itself: readable
    // in light and dark, without a style sheet that would freeze the colours of the moment.
    QPainter painter(this);
    const QColor tone = Theme::color(toneOf(m_notice.level), palette());
    painter.fillRect(rect(), Theme::mix(palette().color(QPalette::Window), tone, 0.14));
    painter.fillRect(QRect(0, 0, StripeWidth, height()), tone);
}
