// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "aboutdialog.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QSysInfo>

#include "retort-config.h"

using namespace Qt::StringLiterals;

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(AboutDialog)
};

QString row(const QString &name, const QString &value)
{
    return u"<tr><td>%1</td><td>%2</td></tr>"_s.arg(name.toHtmlEscaped(), value.toHtmlEscaped());
}

} // namespace

QString AboutDialog::text()
{
    const QString qtVersion =
        QString::fromLatin1(qVersion()) == QStringLiteral(QT_VERSION_STR)
            ? QString::fromLatin1(qVersion())
            : Tr::tr("%1 (built with %2)").arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR));
    const QString highlighter =
        RETORT_HAVE_KSYNTAXHIGHLIGHTING
            ? u"KSyntaxHighlighting %1"_s.arg(QStringLiteral(RETORT_KSYNTAXHIGHLIGHTING_VERSION))
            : Tr::tr("built-in (Python and SQL)");
    const QString keychain =
        RETORT_HAVE_QTKEYCHAIN ? Tr::tr("system keychain (QtKeychain)") : Tr::tr("kept for the session only");
    return Tr::tr("<h3>Retort %1</h3><p>A desktop studio for Alembic migration histories.</p>"
                  "<p>Licensed under the GNU General Public License, version 3 or later.</p>")
               .arg(QStringLiteral(RETORT_VERSION)) +
           u"<table>"_s + row(u"Qt"_s, qtVersion) + row(u"Graphviz"_s, QStringLiteral(RETORT_GRAPHVIZ_VERSION)) +
           row(Tr::tr("Highlighting"), highlighter) + row(Tr::tr("Passwords"), keychain) +
           row(Tr::tr("System"), QSysInfo::prettyProductName()) + u"</table>"_s;
}

void AboutDialog::show(QWidget *parent)
{
    QMessageBox::about(parent, Tr::tr("About Retort"), text());
}
