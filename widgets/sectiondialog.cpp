// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "sectiondialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

SectionDialog::SectionDialog(const QString &iniFile, const QStringList &sections, QWidget *parent)
    : QDialog(parent)
    , m_list(new QListWidget(this))
{
    setObjectName(u"sectionDialog"_s);
    setWindowTitle(tr("Choose a Configuration"));
    setWindowModality(Qt::WindowModal);
    auto *intro = new QLabel(tr("%1 holds several alembic configurations. Which section should Retort read? "
                                "(alembic reads the one named with -n, [alembic] without it.)")
                                 .arg(QDir::toNativeSeparators(iniFile)),
                             this);
    intro->setWordWrap(true);
    m_list->setObjectName(u"sectionList"_s);
    for (const QString &section : sections) {
        auto *item = new QListWidgetItem(u'[' + section + u']', m_list);
        item->setData(Qt::UserRole, section);
    }
    const qsizetype preferred = sections.indexOf(u"alembic"_s);
    m_list->setCurrentRow(int(preferred >= 0 ? preferred : 0));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemActivated, this, &QDialog::accept);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
}

QString SectionDialog::section() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}
