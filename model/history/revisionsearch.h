// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QString>
#include <QStringList>

struct Revision;

/// The search box's rules, shared by the graph and the history list. A revision matches when every
/// word of the query is a prefix of its id or of one of its branch labels, or occurs in its message;
/// case does not matter. An empty query matches everything.
class RevisionSearch
{
public:
    explicit RevisionSearch(const QString &query = {});

    bool isEmpty() const { return m_words.isEmpty(); }
    bool matches(const Revision &revision) const;

private:
    QStringList m_words;
};
