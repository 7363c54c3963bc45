// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "welcomepage.h"

#include <QCommandLinkButton>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
    , m_demoButton(new QCommandLinkButton(tr("Open the Sample Project"),
                                          tr("A shop history with branches, a merge, branch labels and a depends_on, "
                                             "with an SQLite database next to it."),
                                          this))
    , m_recentTitle(new QLabel(this))
    , m_recentList(new QVBoxLayout)
{
    setObjectName(u"welcomePage"_s);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);

    auto *title = new QLabel(tr("Welcome to Retort"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *intro = new QLabel(tr("See every branch, merge and dependency of an Alembic migration history. Open an "
                                "alembic.ini, a pyproject.toml or a migrations folder, or drop one onto this window."),
                             this);
    intro->setWordWrap(true);

    auto *openButton = new QCommandLinkButton(
        tr("Open a Project…"), tr("Choose an alembic.ini, a pyproject.toml or one of the project's revision files."),
        this);
    openButton->setObjectName(u"welcomeOpenButton"_s);
    auto *openFolderButton = new QCommandLinkButton(
        tr("Open a Folder…"), tr("Choose a project folder, a migrations folder (with env.py) or a versions folder."),
        this);
    openFolderButton->setObjectName(u"welcomeOpenFolderButton"_s);
    m_demoButton->setObjectName(u"welcomeDemoButton"_s);
    connect(openButton, &QPushButton::clicked, this, &WelcomePage::openRequested);
    connect(openFolderButton, &QPushButton::clicked, this, &WelcomePage::openFolderRequested);
    connect(m_demoButton, &QPushButton::clicked, this, &WelcomePage::demoRequested);

    QFont sectionFont = font();
    sectionFont.setBold(true);
    m_recentTitle->setText(tr("Recent projects"));
    m_recentTitle->setFont(sectionFont);

    auto *column = new QVBoxLayout;
    column->addWidget(title);
    column->addWidget(intro);
    column->addSpacing(16);
    column->addWidget(openButton);
    column->addWidget(openFolderButton);
    column->addWidget(m_demoButton);
    column->addSpacing(16);
    column->addWidget(m_recentTitle);
    column->addLayout(m_recentList);
    column->addStretch(1);

    auto *outer = new QHBoxLayout(this);
    outer->addStretch(1);
    auto *middle = new QWidget(this);
    middle->setLayout(column);
    middle->setMaximumWidth(620);
    middle->setMinimumWidth(360);
    outer->addWidget(middle, 3);
    outer->addStretch(1);
    outer->setContentsMargins(24, 48, 24, 24);
    setRecentProjects({});
}

void WelcomePage::setDemoAvailable(bool available)
{
    m_demoButton->setVisible(available);
}

void WelcomePage::setRecentProjects(const QList<RecentProjects::Entry> &projects)
{
    while (QLayoutItem *item = m_recentList->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_recentTitle->setVisible(!projects.isEmpty());
    for (const RecentProjects::Entry &project : projects) {
        const QFileInfo info(project.path);
        const QString name = info.isDir() ? info.fileName() : info.dir().dirName();
        QString where = QDir::toNativeSeparators(project.path);
        if (project.section != u"alembic"_s)
            where = tr("%1 [%2]").arg(where, project.section);
        auto *button = new QCommandLinkButton(name, where, this);
        button->setObjectName(u"recentProjectButton"_s);
        connect(button, &QPushButton::clicked, this,
                [this, project] { emit recentRequested(project.path, project.section); });
        m_recentList->addWidget(button);
    }
}
