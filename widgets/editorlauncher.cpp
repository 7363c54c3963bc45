// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "editorlauncher.h"

#include "editordialog.h"
#include "noticearea.h"
#include "project/revisionscript.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QLoggingCategory>
#include <QProcess>
#include <QSettings>
#include <QUrl>
#include <QWidget>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcEditor, "retort.editor", QtInfoMsg)

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(EditorLauncher)
};

QString originText(const EditorCommand &command)
{
    switch (command.origin()) {
    case EditorCommand::Origin::Visual:
        return Tr::tr("The editor command from $VISUAL");
    case EditorCommand::Origin::Editor:
        return Tr::tr("The editor command from $EDITOR");
    case EditorCommand::Origin::Setting:
    case EditorCommand::Origin::Desktop:
        break;
    }
    return Tr::tr("The editor command");
}

const QString EditorErrorId = u"editorError"_s;

void showFailure(QWidget *parent, const QString &file, int line, const QString &text, const QString &reason)
{
    QWidget *window = parent ? parent->window() : nullptr;
    Notice notice;
    notice.id = EditorErrorId;
    notice.level = Notice::Level::Warning;
    notice.title = Tr::tr("Cannot Open the Editor");
    notice.text = text + u' ' + reason + u' ' +
                  Tr::tr("Choose the editor in Edit ▸ External Editor…, or set $VISUAL or $EDITOR before "
                         "starting Retort.");
    // The way to fix it, unless the failure comes from trying a command in the editor dialog itself.
    if (!qobject_cast<EditorDialog *>(window))
        notice.actions.append({Tr::tr("Choose Editor…"),
                               [window, file, line] { EditorLauncher::chooseEditor(window, file, line); },
                               u"chooseEditorButton"_s});
    NoticeArea::report(window, notice);
}

} // namespace

namespace EditorLauncher {

QString settingsKey()
{
    return u"editor/command"_s;
}

QString setting()
{
    return QSettings().value(settingsKey()).toString();
}

void setSetting(const QString &setting)
{
    QSettings settings;
    if (setting.trimmed().isEmpty())
        settings.remove(settingsKey());
    else
        settings.setValue(settingsKey(), setting);
}

EditorCommand configuredCommand()
{
    return EditorCommand::fromSetting(setting());
}

bool open(QWidget *parent, const QString &file, int line, int column)
{
    return open(parent, file, line, column, configuredCommand());
}

bool open(QWidget *parent, const QString &file, int line, int column, const EditorCommand &command)
{
    const QString nativeFile = QDir::toNativeSeparators(file);
    if (command.isDesktop()) {
        if (QDesktopServices::openUrl(QUrl::fromLocalFile(file))) {
            NoticeArea::withdraw(parent, EditorErrorId);
            return true;
        }
        showFailure(parent, file, line, Tr::tr("No application is set up to open %1.").arg(nativeFile),
                    Tr::tr("The desktop has no default application for Python files, and neither $VISUAL nor "
                           "$EDITOR is set."));
        return false;
    }

    const QString text =
        Tr::tr("%1 “%2” could not open %3.").arg(originText(command), command.templateText(), nativeFile);
    if (const QString problem = command.problem(); !problem.isEmpty()) {
        showFailure(parent, file, line, text, problem);
        return false;
    }
    const QString program = command.findProgram();
    if (program.isEmpty()) {
        showFailure(parent, file, line, text,
                    Tr::tr("The program %1 was not found or cannot be run.").arg(command.program()));
        return false;
    }
    const EditorCommand::Invocation invocation = command.expand(file, line, column);
    QProcess process;
    process.setProgram(program);
    process.setArguments(invocation.arguments);
    process.setStandardInputFile(QProcess::nullDevice());
    qCDebug(lcEditor) << "starting" << EditorCommand::displayText(invocation);
    if (!process.startDetached()) {
        showFailure(parent, file, line, text,
                    Tr::tr("%1 did not start: %2").arg(EditorCommand::displayText(invocation), process.errorString()));
        return false;
    }
    NoticeArea::withdraw(parent, EditorErrorId);
    return true;
}

int revisionLine(const RevisionScript &script)
{
    return script.upgrade.exists && script.upgrade.firstLine > 0 ? script.upgrade.firstLine : 1;
}

void chooseEditor(QWidget *parent, const QString &file, int line)
{
    QWidget *window = parent ? parent->window() : nullptr;
    auto *dialog = new EditorDialog(file, line, window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace EditorLauncher
