// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "noticearea.h"

#include <QAccessible>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

/// More would push the window's content down for stale news; the oldest go.
constexpr int MaxBanners = 3;

} // namespace

NoticeArea::NoticeArea(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QVBoxLayout(this))
{
    setObjectName(u"noticeArea"_s);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(1);
    hide();
}

NoticeBanner *NoticeArea::post(const Notice &notice)
{
    if (!notice.id.isEmpty())
        dismiss(notice.id);
    auto *banner = new NoticeBanner(notice, this);
    connect(banner, &NoticeBanner::closeRequested, this, [this, banner] { remove(banner); });
    m_layout->insertWidget(0, banner);
    const QList<NoticeBanner *> shown = banners();
    for (qsizetype i = MaxBanners; i < shown.size(); ++i)
        remove(shown.at(i));
    show();
    // Screen readers announce it, as they would a message box.
    QAccessibleEvent alert(banner, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
    return banner;
}

void NoticeArea::remove(NoticeBanner *banner)
{
    banner->hide();
    m_layout->removeWidget(banner);
    banner->deleteLater();
    setVisible(!banners().isEmpty());
}

void NoticeArea::dismiss(const QString &id)
{
    for (NoticeBanner *banner : banners()) {
        if (banner->notice().id == id)
            remove(banner);
    }
}

void NoticeArea::clear()
{
    for (NoticeBanner *banner : banners())
        remove(banner);
}

NoticeArea *NoticeArea::of(QWidget *context)
{
    QWidget *window = context ? context->window() : nullptr;
    auto *area = window ? window->findChild<NoticeArea *>() : nullptr;
    return area && area->window() == window ? area : nullptr; // not a dialog's parent's
}

void NoticeArea::withdraw(QWidget *context, const QString &id)
{
    if (NoticeArea *area = of(context))
        area->dismiss(id);
}

QList<NoticeBanner *> NoticeArea::banners() const
{
    QList<NoticeBanner *> shown;
    for (int i = 0; i < m_layout->count(); ++i) {
        if (auto *banner = qobject_cast<NoticeBanner *>(m_layout->itemAt(i)->widget()))
            shown.append(banner);
    }
    return shown;
}

void NoticeArea::report(QWidget *context, const Notice &notice)
{
    if (NoticeArea *area = of(context)) {
        area->post(notice);
        return;
    }
    QWidget *window = context ? context->window() : nullptr;
    if (window) {
        // One box per notice: a second failure replaces the first.
        if (!notice.id.isEmpty()) {
            if (auto *previous = window->findChild<QMessageBox *>(notice.id))
                previous->close(); // deleted on close
        }
    }
    auto *box = new QMessageBox(notice.level == Notice::Level::Error ? QMessageBox::Critical : QMessageBox::Warning,
                                notice.title, notice.text, QMessageBox::Close, window);
    box->setObjectName(notice.id);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDetailedText(notice.details);
    for (const Notice::Action &action : notice.actions) {
        QPushButton *button = box->addButton(action.text, QMessageBox::ActionRole);
        button->setObjectName(action.objectName);
        QObject::connect(button, &QPushButton::clicked, box, action.run);
    }
    box->setWindowModality(Qt::WindowModal);
    box->open();
}
