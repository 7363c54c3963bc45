// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "projectstatusbar.h"

#include "project/project.h"
#include "tone.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QProgressBar>
#include <QTimer>
#include <QToolButton>

using namespace Qt::StringLiterals;

ProjectStatusBar::ProjectStatusBar(QWidget *parent)
    : QStatusBar(parent)
    , m_pathLabel(new QLabel(this))
    , m_revisionCount(new QLabel(this))
    , m_headCount(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
    , m_busyDelay(new QTimer(this))
{
    m_pathLabel->setObjectName(u"projectPathLabel"_s);
    m_revisionCount->setObjectName(u"revisionCountLabel"_s);
    m_headCount->setObjectName(u"headCountLabel"_s);
    for (QLabel *label : {m_pathLabel, m_revisionCount, m_headCount})
        label->setContentsMargins(8, 0, 8, 0);
    // Long paths are elided (the whole text is in the tooltip) rather than widening the window.
    m_pathLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    addWidget(m_pathLabel, 1);
    addPermanentWidget(m_revisionCount);
    addPermanentWidget(m_headCount);

    m_busy->setObjectName(u"readingProgress"_s);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setAccessibleName(tr("Reading the project"));
    m_cancel->setObjectName(u"cancelReadingButton"_s);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop reading; the project shown, if any, stays"));
    connect(m_cancel, &QToolButton::clicked, this, &ProjectStatusBar::cancelRequested);
    addPermanentWidget(m_busy);
    addPermanentWidget(m_cancel);
    m_busy->hide();
    m_cancel->hide();
    // Most projects are read before anyone could click: no flicker for them.
    m_busyDelay->setSingleShot(true);
    m_busyDelay->setInterval(300);
    connect(m_busyDelay, &QTimer::timeout, this, [this] {
        m_busy->show();
        m_cancel->show();
    });
}

void ProjectStatusBar::showReading()
{
    if (!m_busy->isVisible())
        m_busyDelay->start();
}

void ProjectStatusBar::hideReading()
{
    m_busyDelay->stop();
    m_busy->hide();
    m_cancel->hide();
}

void ProjectStatusBar::showNoProject()
{
    m_pathLabel->setText(tr("No project open. Use File ▸ Open… or File ▸ Open Demo."));
    m_revisionCount->clear();
    m_headCount->clear();
}

void ProjectStatusBar::showProject(const Project &project, const QString &path)
{
    // Which file and folders were used, and how the script location was found when no key named it.
    const ProjectConfig &config = project.config();
    const QString configFile = !config.iniFile.isEmpty() ? config.iniFile : config.tomlFile;
    QString text = QDir::toNativeSeparators(configFile.isEmpty() ? path : configFile);
    // A section other than alembic's default is what `-n` names: say which was read.
    if (!config.iniFile.isEmpty() && config.section != u"alembic"_s)
        text = tr("%1 [%2]").arg(text, config.section);
    if (!config.scriptLocation.isEmpty() && !configFile.isEmpty())
        text = tr("%1 → scripts in %2")
                   .arg(text, QDir::toNativeSeparators(
                                  QFileInfo(configFile).absoluteDir().relativeFilePath(config.scriptLocation)));
    if (!config.scriptLocationNote.isEmpty())
        text += tr(" (found by its layout)");
    m_pathLabel->setText(m_pathLabel->fontMetrics().elidedText(text, Qt::ElideMiddle, qMax(200, m_pathLabel->width())));
    m_pathLabel->setToolTip(text + u"\n"_s + describeProject(config) +
                            (config.scriptLocationNote.isEmpty() ? QString() : u"\n"_s + config.scriptLocationNote));
    const RevisionMap &map = project.map();
    m_revisionCount->setText(tr("Revisions: %1").arg(map.size()));
    const qsizetype heads = map.realHeads().size();
    m_headCount->setText(tr("Heads: %1").arg(heads));
    // More than one head is what `alembic upgrade head` refuses: say so in the warning colour.
    setTone(m_headCount, heads > 1 ? Theme::Tone::Warning : Theme::Tone::Normal);
    m_headCount->setToolTip(heads > 1 ? tr("Several heads: `alembic upgrade head` will refuse; merge them or "
                                           "upgrade to `heads`.")
                                      : QString());
}
