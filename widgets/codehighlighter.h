// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QObject>
#include <QString>

#include <optional>

class QPlainTextEdit;
class QSyntaxHighlighter;
class SqlDialect;

/// Highlights what a QPlainTextEdit shows, as Python or SQL, and keeps the colours in step with the
/// editor's palette: every code view in the window goes through here, so the choice of backend is
/// made once. With KSyntaxHighlighting (KF6, when found at build time) one Repository serves the
/// whole application, SQL gets the PostgreSQL or MySQL definition when the database is known, and
/// the theme is the one that suits the palette; otherwise SourceHighlighter does the work.
class CodeHighlighter : public QObject
{
    Q_OBJECT
public:
    enum class Language
    {
        Python,
        Sql,        ///< standard SQL: SQLite, or a database not known yet
        PostgreSql, ///< PostgreSQL's flavour
        MySql       ///< MySQL's and MariaDB's flavour
    };
    Q_ENUM(Language)

    /// Highlights @p editor's document; a child of @p editor.
    CodeHighlighter(QPlainTextEdit *editor, Language language);

    Language language() const { return m_language; }
    /// Switches the language and highlights the document again.
    void setLanguage(Language language);

    /// The SQL flavour of @p dialect; standard SQL when it is not known.
    static Language sqlLanguage(const std::optional<SqlDialect> &dialect);
    /// "KSyntaxHighlighting" or "built-in": the backend this build highlights with.
    static QString backendName();
    /// The syntax definition in use, as its backend names it ("Python", "SQL (PostgreSQL)" with
    /// KSyntaxHighlighting; "Python", "SQL" built in).
    QString definitionName() const;
    /// The theme the colours come from ("Breeze Dark" with KSyntaxHighlighting; "light" or "dark"
    /// built in).
    QString themeName() const;

    QSyntaxHighlighter *highlighter() const { return m_highlighter; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyPalette();

    QPlainTextEdit *m_editor;
    QSyntaxHighlighter *m_highlighter;
    Language m_language;
};
