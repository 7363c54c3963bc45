// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "schema/pyarguments.h"

using namespace Qt::StringLiterals;

const PyExpr *PyArguments::get(int position, QStringView keyword) const
{
    if (position >= 0 && position < positionalCount())
        return &m_call.items.at(position + 1);
    if (!keyword.isEmpty()) {
        for (const auto &[name, value] : m_call.keywords) {
            if (name == keyword)
                return &value;
        }
    }
    return nullptr;
}

bool PyArguments::hasStarArguments() const
{
    for (qsizetype i = 1; i < m_call.items.size(); ++i) {
        if (m_call.items.at(i).source.startsWith(u'*'))
            return true;
    }
    for (const auto &keyword : m_call.keywords) {
        if (keyword.first.isEmpty())
            return true;
    }
    return false;
}

QString PyArguments::string(int position, QStringView keyword, bool *ok) const
{
    const PyExpr *e = get(position, keyword);
    QString value;
    const bool good = !e || e->kind == PyExpr::Kind::None || stringValue(*e, &value);
    if (ok)
        *ok = good;
    return value;
}

QStringList PyArguments::strings(int position, QStringView keyword, bool *ok) const
{
    const PyExpr *e = get(position, keyword);
    QStringList values;
    bool good = true;
    if (e && (e->kind == PyExpr::Kind::List || e->kind == PyExpr::Kind::Tuple)) {
        for (const PyExpr &item : e->items) {
            QString value;
            good = good && stringValue(item, &value);
            values.append(value);
        }
    } else if (e) {
        QString value;
        good = stringValue(*e, &value);
        values.append(value);
    }
    if (ok)
        *ok = good;
    return values;
}

bool PyArguments::boolean(int position, QStringView keyword, bool fallback, bool *ok) const
{
    const PyExpr *e = get(position, keyword);
    if (ok)
        *ok = !e || e->kind == PyExpr::Kind::Bool || e->kind == PyExpr::Kind::None;
    if (!e || e->kind != PyExpr::Kind::Bool)
        return fallback;
    return e->text == u"True";
}

int PyArguments::integer(int position, QStringView keyword, int fallback) const
{
    const PyExpr *e = get(position, keyword);
    bool good = false;
    const int value = e && e->kind == PyExpr::Kind::Int ? e->text.toInt(&good, 0) : 0;
    return good ? value : fallback;
}

QString PyArguments::lastName(const PyExpr &expr)
{
    const QString dotted = expr.dottedName();
    return dotted.section(u'.', -1);
}

bool PyArguments::stringValue(const PyExpr &expr, QString *value)
{
    if (expr.kind == PyExpr::Kind::String) {
        *value = expr.text;
        return true;
    }
    if (expr.kind == PyExpr::Kind::Call && expr.items.size() >= 2) {
        const QString callee = lastName(expr);
        if (callee == u"f" || callee == u"conv" || callee == u"quoted_name")
            return stringValue(expr.items.at(1), value);
    }
    return false;
}
