// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "environmentactions.h"

#include "confirmations.h"
#include "database/databaseurl.h"
#include "database/environmentsession.h"
#include "environmentdialog.h"
#include "migrationdialog.h"
#include "noticearea.h"
#include "project/project.h"
#include "schemadialog.h"
#include "stampdialog.h"

#include <QEvent>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>

#include <memory>

using namespace Qt::StringLiterals;

EnvironmentActions::EnvironmentActions(EnvironmentSession *session, QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_window(window)
{
    connect(m_session, &EnvironmentSession::stampFinished, this, &EnvironmentActions::reportStamp);
    m_window->installEventFilter(this);
}

bool EnvironmentActions::eventFilter(QObject *watched, QEvent *event)
{
    // Back in the window after a terminal's `alembic stamp`: what the bar and the pins show is read again.
    if (watched == m_window && event->type() == QEvent::WindowActivate) {
        const int index = m_session->activeIndex();
        if (m_session->project() && index >= 0 && index < m_session->environments().size()) {
            const EnvironmentSession::State &state = m_session->state(index);
            if (!state.reading &&
                (!state.readAt.isValid() || state.readAt.secsTo(QDateTime::currentDateTime()) >= RereadAfterSeconds))
                m_session->refresh(index, false);
        }
    }
    return QObject::eventFilter(watched, event);
}

void EnvironmentActions::edit(int index)
{
    const Project *project = m_session->project();
    if (!project)
        return;
    const QList<Environment> &environments = m_session->environments();
    const bool adding = index < 0 || index >= environments.size();
    Environment current = adding ? Environment() : environments.at(index);
    if (!adding && m_session->isImplicit())
        current.name.clear(); // naming the config's database turns it into a saved environment
    QStringList taken;
    for (int i = 0; i < environments.size(); ++i) {
        if ((adding || i != index) && !m_session->isImplicit())
            taken.append(environments.at(i).name);
    }
    auto *dialog = new EnvironmentDialog(current, taken, project->config().sqlalchemyUrl, m_window);
    dialog->setObjectName(u"environmentDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, adding, index] {
        const Environment environment = dialog->environment();
        QString password;
        // A password in the URL, ?password= included, goes to the keychain; the saved URL has none.
        if (const Result<DatabaseUrl> url = DatabaseUrl::parseSyntax(environment.url);
            url && !url->qtPassword().isNull())
            password = url->qtPassword();
        QString error;
        Notice notice;
        notice.id = u"environmentSaveError"_s;
        if (m_session->save(environment, password, adding ? -1 : index, &error)) {
            NoticeArea::withdraw(m_window, notice.id);
            return;
        }
        notice.title = tr("Cannot Save Environment");
        notice.text = tr("%1 was not saved:").arg(environment.name);
        NoticeArea::report(m_window, Notice::because(notice, error));
    });
    dialog->open();
}

void EnvironmentActions::stampActive(const QStringList &targets)
{
    const int index = m_session->activeIndex();
    const Project *project = m_session->project();
    if (!project || index < 0 || !m_session->state(index).read)
        return;
    const QString url = m_session->connectionUrl(index);
    const Result<DatabaseUrl> parsed = DatabaseUrl::parse(url);
    if (url.isEmpty() || !parsed)
        return;
    const EnvironmentSession::State &state = m_session->state(index);
    auto *dialog = new StampDialog(*project, m_session->environments().at(index), *parsed->sqlDialect(),
                                   m_session->versionTable(index), state.summary.rows, targets, m_window);
    dialog->setObjectName(u"stampDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The rows of the last read may be old: the preview waits for a read made now, and the stamp
    // is then refused if they change again before it is written.
    auto generation = std::make_shared<int>(state.generation);
    connect(m_session, &EnvironmentSession::environmentRead, dialog,
            [this, dialog, index, generation](int read, bool ok) {
                if (read != index || !dialog->isReading())
                    return;
                const EnvironmentSession::State &now = m_session->state(index);
                if (!ok) {
                    dialog->setReadFailed(now.error);
                    return;
                }
                *generation = now.generation;
                dialog->setRows(now.summary.rows);
            });
    connect(dialog, &QDialog::accepted, this, [this, dialog, index, generation] {
        m_session->stamp(index, *generation, dialog->plan(), dialog->purge());
    });
    dialog->setReading();
    dialog->open();
    m_session->refresh(index, false);
}

MigrationDialog *EnvironmentActions::migrateActive(bool upgrade, const QString &target)
{
    const int index = m_session->activeIndex();
    if (!m_session->project() || index < 0 || !m_session->state(index).read)
        return nullptr;
    auto *dialog = new MigrationDialog(m_session, index, upgrade, target, m_window);
    dialog->setObjectName(u"migrationDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &MigrationDialog::finished, this,
            [this](bool, const QString &message) { emit this->message(message, 10000); });
    // The steps on the graph, for as long as the preview is open.
    connect(dialog, &MigrationDialog::planChanged, this,
            [this, dialog] { emit planShown(dialog->plannedRevisions(), dialog->isUpgrade()); });
    connect(dialog, &QObject::destroyed, this, [this] { emit planShown({}, true); });
    emit planShown(dialog->plannedRevisions(), upgrade);
    dialog->open();
    m_session->refresh(index, false); // the preview follows if the rows changed outside
    return dialog;
}

void EnvironmentActions::remove(int index)
{
    if (index < 0 || index >= m_session->environments().size())
        return;
    const QString name = m_session->environments().at(index).name;
    // A protected environment always asks: its keychain password goes with it.
    if (!Confirmations::asksBeforeRemovingEnvironment() && !m_session->environments().at(index).isProtected) {
        m_session->remove(index);
        emit message(tr("Removed the environment %1.").arg(name), 8000);
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove Environment"),
                                tr("Remove the environment %1 from this project's list?").arg(name),
                                QMessageBox::Cancel, m_window);
    box->setObjectName(u"removeEnvironmentQuestion"_s);
    box->setInformativeText(tr("Retort forgets its URL, colour, variables and the password it keeps in the "
                               "keychain. The database itself is not touched."));
    QPushButton *removeButton = box->addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setWindowModality(Qt::WindowModal);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, removeButton, name] {
        if (box->clickedButton() != removeButton)
            return;
        // The list may have changed while the question was open: remove it by name.
        for (int i = 0; i < m_session->environments().size(); ++i) {
            if (m_session->environments().at(i).name == name) {
                m_session->remove(i);
                return;
            }
        }
    });
    box->open();
}

SchemaDialog *EnvironmentActions::compareSchema(const QString &against)
{
    const int index = m_session->activeIndex();
    if (!m_session->project() || index < 0)
        return nullptr;
    if (!m_schemaDialog) {
        m_schemaDialog = new SchemaDialog(m_session, this, index, m_window);
        m_schemaDialog->setObjectName(u"schemaDialog"_s);
        m_schemaDialog->setAttribute(Qt::WA_DeleteOnClose);
    } else if (m_schemaDialog->environmentIndex() != index || !m_schemaDialog->isInspecting()) {
        m_schemaDialog->inspect(index);
    }
    m_schemaDialog->compareWith(against);
    m_schemaDialog->show();
    m_schemaDialog->raise();
    m_schemaDialog->activateWindow();
    return m_schemaDialog;
}

void EnvironmentActions::addToContextMenu(QMenu *menu, int revision)
{
    const int active = m_session->activeIndex();
    const Project *project = m_session->project();
    if (!project || active < 0 || !m_session->state(active).read)
        return;
    const QString id = project->map().revision(revision).id;
    menu->addSeparator();
    const QString name = m_session->environments().at(active).name;
    menu->addAction(tr("Upgrade %1 to Here…").arg(name), this, [this, id] { migrateActive(true, id); });
    menu->addAction(tr("Downgrade %1 to Here…").arg(name), this, [this, id] { migrateActive(false, id); });
    menu->addAction(tr("Stamp %1 Here…").arg(name), this, [this, id] { stampActive({id}); });
    menu->addAction(tr("Compare Schema of %1 with Here…").arg(name), this, [this, id] { compareSchema(id); });
}

void EnvironmentActions::reportStamp(int index, bool ok, const QString &message)
{
    const QString name =
        index >= 0 && index < m_session->environments().size() ? m_session->environments().at(index).name : QString();
    Notice notice;
    notice.id = u"stampError:"_s + name; // one per environment: stamping another one proves nothing
    if (ok) {
        NoticeArea::withdraw(m_window, notice.id);
        emit this->message(tr("Stamped %1: %2").arg(name, message), 8000);
        return;
    }
    notice.title = tr("Stamp Failed");
    // The reason says what was written (nothing, or the version table created on MySQL).
    notice.text = name.isEmpty() ? QString() : tr("%1 was not stamped:").arg(name);
    NoticeArea::report(m_window, Notice::because(notice, message));
}
