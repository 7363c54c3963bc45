// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "python/pythonsyntax.h"

#include <algorithm>

bool PyExpr::isLiteral() const
{
    switch (kind) {
    case Kind::None:
    case Kind::Bool:
    case Kind::Int:
    case Kind::Float:
    case Kind::String:
    case Kind::Bytes:
        return true;
    case Kind::Tuple:
    case Kind::List:
    case Kind::Set:
    case Kind::Dict:
        return std::all_of(items.cbegin(), items.cend(), [](const PyExpr &item) { return item.isLiteral(); });
    case Kind::Name:
    case Kind::Attribute:
    case Kind::Call:
    case Kind::Subscript:
    case Kind::Unknown:
        break;
    }
    return false;
}

QString PyExpr::dottedName() const
{
    switch (kind) {
    case Kind::Name:
        return text;
    case Kind::Attribute: {
        if (items.isEmpty())
            return {};
        const QString object = items.first().kind == Kind::Call ? QString() : items.first().dottedName();
        return object.isEmpty() ? QString() : object + QLatin1Char('.') + text;
    }
    case Kind::Call:
        return items.isEmpty() ? QString() : items.first().dottedName();
    default:
        return {};
    }
}

const PyAssignment *PyModule::assignment(const QString &name) const
{
    for (auto it = assignments.crbegin(); it != assignments.crend(); ++it) {
        if (it->target == name)
            return &*it;
    }
    return nullptr;
}

const PyImport *PyModule::import(const QString &boundName) const
{
    for (auto it = imports.crbegin(); it != imports.crend(); ++it) {
        if (it->boundAs == boundName)
            return &*it;
    }
    return nullptr;
}

const PyFunction *PyModule::function(const QString &name) const
{
    for (auto it = functions.crbegin(); it != functions.crend(); ++it) {
        if (it->name == name)
            return &*it;
    }
    return nullptr;
}
