// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "sourceview.h"

#include "drawing/theme.h"

#include <QAction>
#include <QEvent>
#include <QFontDatabase>
#include <QIcon>
#include <QMenu>
#include <QPaintEvent>
#include <QPainter>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QTabBar>
#include <QTextBlock>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr int GutterPadding = 4;

} // namespace

/// The editor with the line-number gutter, after Qt's Code Editor example. A subclass, because the
/// geometry of the visible blocks (firstVisibleBlock(), contentOffset()) is protected.
class SourceViewEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit SourceViewEditor(QWidget *parent);

    int firstLineNumber() const { return m_firstLineNumber; }
    /// Numbers the first line @p number, so a function shown alone keeps its file line numbers.
    void setFirstLineNumber(int number);
    int gutterWidth() const;
    void paintGutter(QPaintEvent *event);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateGutterGeometry();
    void updateGutter(const QRect &rect, int dy);

    QWidget *m_gutter;
    int m_firstLineNumber = 1;
};

class SourceViewGutter : public QWidget
{
    Q_OBJECT
public:
    explicit SourceViewGutter(SourceViewEditor *editor)
        : QWidget(editor)
        , m_editor(editor)
    {}
    QSize sizeHint() const override { return {m_editor->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintGutter(event); }

private:
    SourceViewEditor *m_editor;
};

SourceViewEditor::SourceViewEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_gutter(new SourceViewGutter(this))
{
    connect(this, &QPlainTextEdit::blockCountChanged, this, &SourceViewEditor::updateGutterGeometry);
    connect(this, &QPlainTextEdit::updateRequest, this, &SourceViewEditor::updateGutter);
    // The current line's number is drawn in the text colour.
    connect(this, &QPlainTextEdit::cursorPositionChanged, m_gutter, qOverload<>(&QWidget::update));
    updateGutterGeometry();
}

void SourceViewEditor::setFirstLineNumber(int number)
{
    m_firstLineNumber = number;
    updateGutterGeometry();
    m_gutter->update();
}

int SourceViewEditor::gutterWidth() const
{
    const int last = m_firstLineNumber + std::max(1, blockCount()) - 1;
    const int digits = std::max(3, int(QString::number(last).size()));
    return 2 * GutterPadding + fontMetrics().horizontalAdvance(u'9') * digits;
}

void SourceViewEditor::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    const QColor base = palette().color(QPalette::Base);
    const QColor text = palette().color(QPalette::Text);
    painter.fillRect(event->rect(), Theme::mix(base, text, 0.06));
    const QColor number = Theme::mix(text, base, 0.45);
    painter.setFont(font());

    const int current = textCursor().blockNumber();
    const int height = fontMetrics().height();
    const int width = m_gutter->width() - GutterPadding;
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            painter.setPen(block.blockNumber() == current ? text : number);
            painter.drawText(0, top, width, height, Qt::AlignRight,
                             QString::number(block.blockNumber() + m_firstLineNumber));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
    }
}

void SourceViewEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    updateGutterGeometry();
}

void SourceViewEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateGutterGeometry();
}

void SourceViewEditor::updateGutterGeometry()
{
    const int width = gutterWidth();
    setViewportMargins(width, 0, 0, 0);
    const QRect r = contentsRect();
    m_gutter->setGeometry(QRect(r.left(), r.top(), width, r.height()));
}

void SourceViewEditor::updateGutter(const QRect &rect, int dy)
{
    if (dy)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
}

SourceView::SourceView(QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabBar(this))
    , m_editor(new SourceViewEditor(this))
{
    m_tabs->setObjectName(u"sourceTabs"_s);
    m_tabs->addTab(tr("Source"));
    m_tabs->addTab(tr("upgrade()"));
    m_tabs->addTab(tr("downgrade()"));
    m_tabs->setDocumentMode(true);
    m_tabs->setExpanding(false);

    m_editor->setObjectName(u"sourceEditor"_s);
    m_editor->setAccessibleName(tr("Source"));
    m_editor->setReadOnly(true);
    // After setReadOnly(), which resets them: a cursor that the keyboard moves is useful for reading.
    m_editor->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setPlaceholderText(tr("Select a revision to see its source."));
    m_editor->setContextMenuPolicy(Qt::CustomContextMenu);
    // The position is in the viewport's coordinates (QAbstractScrollArea maps it there).
    connect(m_editor, &QPlainTextEdit::customContextMenuRequested, this, [this](const QPoint &pos) {
        const std::unique_ptr<QMenu> menu(createContextMenu(pos));
        menu->exec(m_editor->viewport()->mapToGlobal(pos));
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_tabs);
    layout->addWidget(m_editor);

    m_highlighter = new CodeHighlighter(m_editor, CodeHighlighter::Language::Python);
    applyMark();

    connect(m_tabs, &QTabBar::currentChanged, this, &SourceView::updateText);
    clear();
}

SourceView::~SourceView() = default;

QPlainTextEdit *SourceView::editor() const
{
    return m_editor;
}

void SourceView::setSource(const QString &text, CodeHighlighter::Language language, LineRange upgrade,
                           LineRange downgrade)
{
    // The same newline rules as readRevisionScript(), so the model's line numbers match the blocks.
    QString normalized = text;
    normalized.replace(u"\r\n"_s, u"\n"_s);
    normalized.replace(u'\r', u'\n');
    if (normalized.endsWith(u'\n'))
        normalized.chop(1); // no empty last line numbered after the file's end
    m_lines = normalized.split(u'\n');

    const int count = int(m_lines.size());
    const auto clamped = [count](LineRange r) {
        if (!r.isValid() || r.first > count)
            return LineRange();
        r.last = std::min(r.last, count);
        return r;
    };
    m_upgrade = clamped(upgrade);
    m_downgrade = clamped(downgrade);
    m_markedLine = 0;

    // Emptied first, so that switching the language does not highlight the old text again.
    m_editor->clear();
    m_highlighter->setLanguage(language);

    const QSignalBlocker blocker(m_tabs);
    const Tab previous = currentTab();
    m_tabs->setTabEnabled(int(Tab::Upgrade), m_upgrade.isValid());
    m_tabs->setTabEnabled(int(Tab::Downgrade), m_downgrade.isValid());
    m_tabs->setCurrentIndex(int(isTabEnabled(previous) ? previous : Tab::Source));
    updateText();
}

void SourceView::clear()
{
    m_lines.clear();
    m_upgrade = {};
    m_downgrade = {};
    m_markedLine = 0;
    const QSignalBlocker blocker(m_tabs);
    m_tabs->setTabEnabled(int(Tab::Upgrade), false);
    m_tabs->setTabEnabled(int(Tab::Downgrade), false);
    m_tabs->setCurrentIndex(int(Tab::Source));
    updateText();
}

void SourceView::showTab(Tab tab)
{
    if (isTabEnabled(tab))
        m_tabs->setCurrentIndex(int(tab));
}

SourceView::Tab SourceView::currentTab() const
{
    return Tab(std::max(0, m_tabs->currentIndex()));
}

bool SourceView::isTabEnabled(Tab tab) const
{
    return m_tabs->isTabEnabled(int(tab));
}

void SourceView::highlightLine(int line)
{
    if (line < 1 || line > m_lines.size())
        return;
    m_markedLine = line;
    showTab(Tab::Source);
    applyMark();
    m_editor->setTextCursor(QTextCursor(m_editor->document()->findBlockByNumber(line - 1)));
    m_editor->centerCursor();
}

QString SourceView::visibleText() const
{
    return m_editor->toPlainText();
}

int SourceView::firstLineNumber() const
{
    return m_editor->firstLineNumber();
}

int SourceView::fileLineAt(const QPoint &pos) const
{
    if (m_lines.isEmpty())
        return 0;
    const QTextCursor selection = m_editor->textCursor();
    const int at = m_editor->cursorForPosition(pos).position();
    int block = m_editor->cursorForPosition(pos).blockNumber();
    if (selection.hasSelection() && at >= selection.selectionStart() && at <= selection.selectionEnd())
        block = m_editor->document()->findBlock(selection.selectionStart()).blockNumber();
    return block + m_editor->firstLineNumber();
}

QMenu *SourceView::createContextMenu(const QPoint &pos)
{
    QMenu *menu = m_editor->createStandardContextMenu();
    if (const int line = fileLineAt(pos); line > 0) {
        menu->addSeparator();
        QAction *open =
            menu->addAction(QIcon::fromTheme(u"document-edit"_s), tr("Open in Editor at Line %1").arg(line));
        open->setObjectName(u"openInEditorAtLineAction"_s);
        connect(open, &QAction::triggered, this, [this, line] { emit openInEditorRequested(line); });
    }
    return menu;
}

void SourceView::changeEvent(QEvent *event)
{
    // Sent to this widget before its children get the new palette, so palette() is the one to use.
    // The highlighter follows the editor's palette by itself.
    if (event->type() == QEvent::PaletteChange)
        applyMark();
    QWidget::changeEvent(event);
}

SourceView::LineRange SourceView::range(Tab tab) const
{
    switch (tab) {
    case Tab::Upgrade:
        return m_upgrade;
    case Tab::Downgrade:
        return m_downgrade;
    case Tab::Source:
        break;
    }
    return {1, int(m_lines.size())};
}

void SourceView::updateText()
{
    const LineRange shown = range(currentTab());
    m_editor->setFirstLineNumber(std::max(1, shown.first));
    m_editor->setPlainText(m_lines.mid(shown.first - 1, shown.last - shown.first + 1).join(u'\n'));
    applyMark();
}

void SourceView::applyMark()
{
    QList<QTextEdit::ExtraSelection> selections;
    const int block = m_markedLine - m_editor->firstLineNumber();
    if (m_markedLine > 0 && block >= 0 && block < m_editor->blockCount()) {
        QTextEdit::ExtraSelection mark;
        // Tinted rather than the full Highlight colour, so the syntax colours stay readable on it.
        mark.format.setBackground(
            Theme::mix(palette().color(QPalette::Base), palette().color(QPalette::Highlight), 0.3));
        mark.format.setProperty(QTextFormat::FullWidthSelection, true);
        mark.cursor = QTextCursor(m_editor->document()->findBlockByNumber(block));
        selections.append(mark);
    }
    m_editor->setExtraSelections(selections);
}

#include "sourceview.moc"
