// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QDialog>
#include <QStringList>

class QListWidget;

/// Asks which section of an ini file that holds several alembic configurations to read, the
/// window's counterpart of `alembic -n` / `retort-cli -n`.
class SectionDialog : public QDialog
{
    Q_OBJECT
public:
    /// Offers @p sections of @p iniFile, with [alembic] selected when it is one of them (what alembic
    /// reads without -n), else the first.
    SectionDialog(const QString &iniFile, const QStringList &sections, QWidget *parent = nullptr);

    /// The section chosen.
    QString section() const;

private:
    QListWidget *m_list;
};
