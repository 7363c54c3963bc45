// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "environmentbar.h"

#include "database/environmentsession.h"
#include "elidedlabel.h"
#include "schema/schemareport.h"
#include "tone.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {

QIcon swatch(const QColor &color)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(1, 1, 10, 10));
    return QIcon(pixmap);
}

QString readAgo(qint64 seconds)
{
    if (seconds < 5)
        return EnvironmentBar::tr("read just now");
    if (seconds < 60)
        return EnvironmentBar::tr("read %1 s ago").arg(seconds / 5 * 5);
    if (seconds < 3600)
        return EnvironmentBar::tr("read %n min ago", nullptr, int(seconds / 60));
    return EnvironmentBar::tr("read %n h ago", nullptr, int(seconds / 3600));
}

QToolButton *toolButton(QWidget *parent, const QString &text, const QString &objectName)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setObjectName(objectName);
    button->setAutoRaise(true);
    return button;
}

} // namespace

EnvironmentBar::EnvironmentBar(QWidget *parent)
    : QWidget(parent)
    , m_selector(new QComboBox(this))
    , m_summary(new ElidedLabel(this))
    , m_add(toolButton(this, tr("Add…"), u"addEnvironmentButton"_s))
    , m_edit(toolButton(this, tr("Edit…"), u"editEnvironmentButton"_s))
    , m_remove(toolButton(this, tr("Remove"), u"removeEnvironmentButton"_s))
    , m_refresh(toolButton(this, tr("Refresh"), u"refreshEnvironmentButton"_s))
{
    setObjectName(u"environmentBar"_s);
    m_selector->setObjectName(u"environmentSelector"_s);
    m_selector->setMinimumContentsLength(12);
    m_selector->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_summary->setObjectName(u"environmentSummary"_s);
    // "read 12 s ago" moves on while nothing else changes.
    auto *clock = new QTimer(this);
    clock->setInterval(5000);
    connect(clock, &QTimer::timeout, this, &EnvironmentBar::showSummary);
    clock->start();
    m_refresh->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_refresh->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_refresh->setToolTip(tr("Read the version table again"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->addWidget(new QLabel(tr("Database:"), this));
    layout->addWidget(m_selector);
    layout->addWidget(m_refresh);
    layout->addWidget(m_summary, 1);
    layout->addWidget(m_add);
    layout->addWidget(m_edit);
    layout->addWidget(m_remove);
    connect(m_selector, &QComboBox::currentIndexChanged, this, [this](int index) {
        showSummary();
        if (!m_updating)
            emit activeChanged(index);
    });
    connect(m_add, &QToolButton::clicked, this, &EnvironmentBar::addRequested);
    connect(m_edit, &QToolButton::clicked, this, [this] { emit editRequested(active()); });
    connect(m_remove, &QToolButton::clicked, this, [this] { emit removeRequested(active()); });
    connect(m_refresh, &QToolButton::clicked, this, [this] { emit refreshRequested(active()); });
    setEntries({}, -1);
}

void EnvironmentBar::setEntries(const QList<Entry> &entries, int active)
{
    m_updating = true;
    m_entries = entries;
    m_selector->clear();
    for (const Entry &entry : entries) {
        const QString name = entry.isProtected ? tr("%1 (protected)").arg(entry.name) : entry.name;
        m_selector->addItem(swatch(entry.color), name);
    }
    if (entries.isEmpty())
        m_selector->addItem(tr("none"));
    m_selector->setCurrentIndex(std::max(0, active));
    m_selector->setEnabled(!entries.isEmpty());
    m_edit->setEnabled(!entries.isEmpty());
    m_remove->setEnabled(!entries.isEmpty());
    m_refresh->setEnabled(!entries.isEmpty());
    m_updating = false;
    showSummary();
}

void EnvironmentBar::showSession(const EnvironmentSession &session)
{
    QList<Entry> entries;
    for (int i = 0; i < session.environments().size(); ++i) {
        const Environment &environment = session.environments().at(i);
        const EnvironmentSession::State &state = session.state(i);
        Entry entry;
        entry.name = environment.name;
        entry.color = QColor(session.color(i));
        entry.isProtected = environment.isProtected;
        if (state.reading && !state.read) {
            entry.summary = tr("reading…");
        } else if (!state.read) {
            entry.summary = state.error.isEmpty() ? tr("not read yet") : state.error.section(u'\n', 0, 0);
            entry.detail = state.error;
            entry.hasProblem = !state.error.isEmpty();
        } else {
            const EnvironmentSummary &summary = state.summary;
            entry.summary = summary.oneLine();
            entry.readAt = state.readAt;
            entry.hasProblem = !summary.status.unknownRows.isEmpty();
            entry.detail = tr("%1\nRows: %2")
                               .arg(state.displayUrl,
                                    summary.rows.rows.isEmpty() ? tr("(none)") : summary.rows.rows.join(u", "_s));
            if (entry.hasProblem)
                entry.detail += u"\n"_s + EnvironmentSummary::unknownRowsAdvice();
            if (const SchemaDrift *drift = session.drift(i)) {
                entry.summary += u" · "_s + SchemaReport::driftLine(*drift);
                entry.detail += u"\n\n"_s + SchemaReport::driftDetail(environment.name, *drift, 8);
                entry.hasDrift = !drift->differences.isEmpty();
            }
        }
        entries.append(entry);
    }
    setEntries(entries, session.activeIndex());
}

int EnvironmentBar::active() const
{
    return m_entries.isEmpty() ? -1 : m_selector->currentIndex();
}

void EnvironmentBar::showSummary()
{
    const int index = active();
    if (index < 0 || index >= m_entries.size()) {
        setTone(m_summary, Theme::Tone::Normal);
        m_summary->setStatus(tr("No database: add an environment to see which revisions it has applied."), {});
        return;
    }
    const Entry &entry = m_entries.at(index);
    setTone(m_summary, entry.hasProblem ? Theme::Tone::Error
                       : entry.hasDrift ? Theme::Tone::Warning
                                        : Theme::Tone::Normal);
    QString text = entry.summary.isEmpty() ? tr("reading…") : entry.summary;
    if (entry.readAt.isValid())
        text += u" · "_s + readAgo(entry.readAt.secsTo(QDateTime::currentDateTime()));
    m_summary->setStatus(text, entry.detail);
}
