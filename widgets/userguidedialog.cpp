// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "userguidedialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QFile>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

const QString ShortcutsAnchor = u"keyboard-shortcuts"_s;
const QString ShortcutsPlaceholder = u"{shortcuts}"_s;

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
    m_browser->setAccessibleName(tr("User guide"));
    m_browser->setOpenExternalLinks(true);
    QFile guide(guidePath());
    if (guide.open(QIODevice::ReadOnly))
        m_browser->setMarkdown(QString::fromUtf8(guide.readAll()));
    else
        m_browser->setPlainText(tr("The user guide is missing from this build."));
    // The shortcuts table replaces the guide's {shortcuts} paragraph, whatever its language.
    QTextCursor cursor = m_browser->document()->find(ShortcutsPlaceholder);
    if (cursor.isNull()) {
        cursor = QTextCursor(m_browser->document());
        cursor.movePosition(QTextCursor::End);
    }
    cursor.insertHtml(u"<a name=\"%1\"></a>"_s.arg(ShortcutsAnchor) + shortcutsTable(menus));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser);
    layout->addWidget(buttons);
    resize(760, 640);
}

QString UserGuideDialog::guidePath()
{
    // The user's languages in their order, as QTranslator picks the interface's: "de-AT" tries
    // user-guide.de_AT.md, then user-guide.de.md. English (user-guide.md) when English comes first,
    // as the interface is then English too, or when no language has a guide.
    for (QString language : QLocale().uiLanguages()) {
        language.replace(u'-', u'_');
        if (language == u"en"_s || language.startsWith(u"en_"_s) || language == u"C"_s)
            break;
        for (;;) {
            const QString path = u":/guide/user-guide.%1.md"_s.arg(language);
            if (QFile::exists(path))
                return path;
            const qsizetype cut = language.lastIndexOf(u'_');
            if (cut < 0)
                break;
            language.truncate(cut);
        }
    }
    return u":/guide/user-guide.md"_s;
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
