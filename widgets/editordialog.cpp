// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "editordialog.h"

#include "editorlauncher.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

const QString AutomaticChoice = u"automatic"_s;
const QString DesktopChoice = u"desktop"_s;
const QString CustomChoice = u"custom"_s;
const QString PresetPrefix = u"preset:"_s;

} // namespace

EditorDialog::EditorDialog(const QString &file, int line, QWidget *parent)
    : QDialog(parent)
    , m_file(file)
    , m_line(std::max(1, line))
    , m_choice(new QComboBox(this))
    , m_command(new QLineEdit(this))
    , m_preview(new QLabel(this))
    , m_status(new QLabel(this))
{
    setObjectName(u"editorDialog"_s);
    setWindowTitle(tr("External Editor"));
    setWindowModality(Qt::WindowModal);
    setMinimumWidth(560);

    auto *intro = new QLabel(tr("Open in Editor starts this editor on the revision's file, at its line."), this);
    intro->setWordWrap(true);

    m_choice->setObjectName(u"editorChoice"_s);
    m_choice->addItem(tr("Automatic: $VISUAL, else $EDITOR, else the desktop's default"), AutomaticChoice);
    m_choice->addItem(tr("The desktop's default application (opens at the top)"), DesktopChoice);
    for (const EditorCommand::Preset &preset : EditorCommand::presets()) {
        const QString name = EditorCommand::isAvailable(preset) ? preset.name : tr("%1 (not found)").arg(preset.name);
        m_choice->addItem(name, QString(PresetPrefix + preset.id));
    }
    m_choice->addItem(tr("Custom command"), CustomChoice);

    m_command->setObjectName(u"editorCommand"_s);
    m_command->setPlaceholderText(tr("e.g. %1").arg(u"code -g {file}:{line}"_s));
    m_command->setClearButtonEnabled(true);
    auto *placeholders =
        new QLabel(tr("{file} is the file's path, {line} the line and {column} the column. Words are separated by "
                      "spaces; put a word that holds spaces in double quotes. The command runs without a shell, so "
                      "any file name is passed as it is; without {file} the file comes last."),
                   this);
    placeholders->setWordWrap(true);
    placeholders->setEnabled(false); // greyed: a hint

    m_preview->setObjectName(u"editorPreview"_s);
    m_preview->setWordWrap(true);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview->setTextFormat(Qt::PlainText);
    m_status->setObjectName(u"editorStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setTextFormat(Qt::PlainText);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_okButton = buttons->button(QDialogButtonBox::Ok);
    m_testButton = buttons->addButton(tr("Test"), QDialogButtonBox::ActionRole);
    m_testButton->setObjectName(u"editorTestButton"_s);
    m_testButton->setToolTip(
        m_file.isEmpty()
            ? tr("Select a revision to try the editor on its file")
            : tr("Open %1 at line %2 with this command").arg(QDir::toNativeSeparators(m_file)).arg(m_line));
    connect(buttons, &QDialogButtonBox::accepted, this, &EditorDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_testButton, &QPushButton::clicked, this, &EditorDialog::test);
    connect(m_choice, &QComboBox::currentIndexChanged, this, &EditorDialog::choiceChanged);
    connect(m_command, &QLineEdit::textEdited, this, [this] {
        // Changing a preset's command makes it the user's own.
        const QSignalBlocker blocker(m_choice);
        m_choice->setCurrentIndex(m_choice->findData(CustomChoice));
        updatePreview();
    });

    auto *form = new QFormLayout;
    form->addRow(tr("&Editor:"), m_choice);
    form->addRow(tr("&Command:"), m_command);
    form->addRow(QString(), placeholders);
    form->addRow(tr("Runs:"), m_preview);
    form->addRow(QString(), m_status);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);

    selectSetting(EditorLauncher::setting());
}

void EditorDialog::selectSetting(const QString &setting)
{
    QString choice = CustomChoice;
    if (setting.trimmed().isEmpty()) {
        choice = AutomaticChoice;
    } else if (setting.trimmed() == EditorCommand::desktopSetting()) {
        choice = DesktopChoice;
    } else {
        for (const EditorCommand::Preset &preset : EditorCommand::presets()) {
            if (EditorCommand::presetTemplate(preset) == setting || preset.command == setting)
                choice = PresetPrefix + preset.id;
        }
    }
    {
        const QSignalBlocker blocker(m_choice);
        m_choice->setCurrentIndex(m_choice->findData(choice));
    }
    choiceChanged();
    if (choice == CustomChoice || choice.startsWith(PresetPrefix))
        m_command->setText(setting); // as the user wrote it
    updatePreview();
}

QString EditorDialog::selectedSetting() const
{
    const QString choice = m_choice->currentData().toString();
    if (choice == AutomaticChoice)
        return {};
    if (choice == DesktopChoice)
        return EditorCommand::desktopSetting();
    return m_command->text();
}

EditorCommand EditorDialog::selectedCommand() const
{
    const QString choice = m_choice->currentData().toString();
    if (choice == CustomChoice || choice.startsWith(PresetPrefix))
        return EditorCommand(m_command->text(), EditorCommand::Origin::Setting);
    return EditorCommand::fromSetting(selectedSetting());
}

QString EditorDialog::previewText() const
{
    return m_preview->text();
}

QString EditorDialog::statusText() const
{
    return m_status->text();
}

void EditorDialog::choiceChanged()
{
    const QString choice = m_choice->currentData().toString();
    const bool editable = choice == CustomChoice || choice.startsWith(PresetPrefix);
    m_command->setReadOnly(!editable);
    if (choice.startsWith(PresetPrefix)) {
        if (const std::optional<EditorCommand::Preset> preset = EditorCommand::preset(choice.mid(PresetPrefix.size())))
            m_command->setText(EditorCommand::presetTemplate(*preset));
    } else if (!editable) {
        // What the choice amounts to, for reading (and for starting a custom command from it).
        m_command->setText(selectedCommand().templateText());
    }
    if (choice == CustomChoice && isVisible())
        m_command->setFocus(Qt::OtherFocusReason);
    updatePreview();
}

void EditorDialog::updatePreview()
{
    const EditorCommand command = selectedCommand();
    const QString choice = m_choice->currentData().toString();
    const QString file = m_file.isEmpty() ? u"/path/to/versions/1975ea83b712_create_account_table.py"_s : m_file;
    QString origin;
    switch (command.origin()) {
    case EditorCommand::Origin::Visual:
        origin = tr("From $VISUAL (%1).").arg(qEnvironmentVariable("VISUAL"));
        break;
    case EditorCommand::Origin::Editor:
        origin = tr("From $EDITOR (%1).").arg(qEnvironmentVariable("EDITOR"));
        break;
    case EditorCommand::Origin::Desktop:
        origin = choice == AutomaticChoice ? tr("Neither $VISUAL nor $EDITOR is set.") : QString();
        break;
    case EditorCommand::Origin::Setting:
        break;
    }

    QString preview;
    QString status;
    bool usable = true;
    if (command.isDesktop() && !m_command->isReadOnly()) {
        status = tr("Type the command that opens a file in your editor.");
        usable = false;
    } else if (command.isDesktop()) {
        preview = tr("Opens %1 with the desktop's default application for Python files, without going to the line.")
                      .arg(QDir::toNativeSeparators(file));
    } else {
        preview = EditorCommand::displayText(command.expand(file, m_line));
        if (const QString problem = command.problem(); !problem.isEmpty()) {
            status = tr("✗ %1").arg(problem);
            usable = false;
        } else if (const QString program = command.findProgram(); program.isEmpty()) {
            status = tr("✗ %1 was not found or cannot be run.").arg(command.program());
        } else {
            status = tr("✓ %1 is %2.").arg(command.program(), QDir::toNativeSeparators(program));
        }
    }
    if (m_file.isEmpty() && !preview.isEmpty())
        preview = tr("%1 (for an example file)").arg(preview);
    if (!origin.isEmpty())
        preview = origin + u'\n' + preview;
    m_preview->setText(preview);
    m_status->setText(status);
    m_status->setVisible(!status.isEmpty());
    m_okButton->setEnabled(usable);
    m_testButton->setEnabled(usable && !m_file.isEmpty());
}

void EditorDialog::test()
{
    EditorLauncher::open(this, m_file, m_line, 1, selectedCommand());
}

void EditorDialog::save()
{
    EditorLauncher::setSetting(selectedSetting());
    accept();
}
