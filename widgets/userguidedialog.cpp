// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "userguidedialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

const QString ShortcutsAnchor = u"keyboard-shortcuts"_s;

void collectShortcuts(const QMenu *menu, const QString &path, QList<std::pair<QString, QString>> &rows)
{
    for (const QAction *action : menu->actions()) {
        const QString name = path + u" ▸ "_s + action->text().remove(u'&');
        if (action->menu())
            collectShortcuts(action->menu(), name, rows);
        else if (!action->shortcut().isEmpty())
            rows.append({name, action->shortcut().toString(QKeySequence::NativeText)});
    }
}

} // namespace

UserGuideDialog::UserGuideDialog(const QMenuBar *menus, QWidget *parent)
    : QDialog(parent)
    , m_browser(new QTextBrowser(this))
{
    setWindowTitle(tr("Retort User Guide"));
    setAttribute(Qt::WA_DeleteOnClose);
    m_browser->setObjectName(u"userGuide"_s);
    m_browser->setOpenExternalLinks(true);
    QFile guide(u":/guide/user-guide.md"_s);
    if (guide.open(QIODevice::ReadOnly))
        m_browser->setMarkdown(QString::fromUtf8(guide.readAll()));
    else
        m_browser->setPlainText(tr("The user guide is missing from this build."));
    // The shortcuts table goes under its heading (the guide is in English), before the next section.
    QTextCursor cursor = m_browser->document()->find(u"Keyboard shortcuts"_s);
    if (cursor.isNull())
        cursor = QTextCursor(m_browser->document());
    cursor.movePosition(QTextCursor::NextBlock);
    cursor.movePosition(QTextCursor::EndOfBlock);
    cursor.insertHtml(u"<a name=\"%1\"></a>"_s.arg(ShortcutsAnchor) + shortcutsTable(menus));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser);
    layout->addWidget(buttons);
    resize(760, 640);
}

void UserGuideDialog::showShortcuts()
{
    m_browser->scrollToAnchor(ShortcutsAnchor);
}

QString UserGuideDialog::shortcutsTable(const QMenuBar *menus)
{
    QList<std::pair<QString, QString>> rows;
    for (const QAction *action : menus->actions()) {
        if (action->menu())
            collectShortcuts(action->menu(), action->text().remove(u'&'), rows);
    }
    QString html = u"<table cellspacing=\"0\" cellpadding=\"3\">"_s;
    for (const auto &[name, keys] : rows)
        html += u"<tr><td>%1</td><td><b>%2</b></td></tr>"_s.arg(name.toHtmlEscaped(), keys.toHtmlEscaped());
    return html + u"</table>"_s;
}
