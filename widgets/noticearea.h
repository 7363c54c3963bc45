// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "noticebanner.h"

#include <QWidget>

class QVBoxLayout;

/// The banners at the top of a window: failures are told here, newest first, without blocking the
/// window. A notice with the id of a shown one replaces it; a few at most are kept.
class NoticeArea : public QWidget
{
    Q_OBJECT

public:
    explicit NoticeArea(QWidget *parent = nullptr);

    NoticeBanner *post(const Notice &notice);
    /// Removes the banner of notice @p id, if one is shown.
    void dismiss(const QString &id);
    /// Removes every banner (another project is open: they were about the one before).
    void clear();
    QList<NoticeBanner *> banners() const;

    /// Tells @p notice in the banners of @p context's window; a window without them (a dialog)
    /// gets a window-modal message box, with the details behind its own Details button.
    static void report(QWidget *context, const Notice &notice);
    /// Removes notice @p id from @p context's window: what it said no longer holds.
    static void withdraw(QWidget *context, const QString &id);

private:
    static NoticeArea *of(QWidget *context);
    void remove(NoticeBanner *banner);

    QVBoxLayout *m_layout;
};
