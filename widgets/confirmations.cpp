// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "confirmations.h"

#include "database/environment.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace {

const QString TypedNameKey = u"confirmations/typedName"_s;
const QString RemoveEnvironmentKey = u"confirmations/removeEnvironment"_s;

} // namespace

namespace Confirmations {

TypedName typedName()
{
    return QSettings().value(TypedNameKey).toString() == u"every"_s ? TypedName::EveryEnvironment
                                                                    : TypedName::ProtectedOnly;
}

void setTypedName(TypedName policy)
{
    QSettings().setValue(TypedNameKey, policy == TypedName::EveryEnvironment ? u"every"_s : u"protected"_s);
}

bool needsTypedName(const Environment &environment)
{
    return environment.isProtected || typedName() == TypedName::EveryEnvironment;
}

bool asksBeforeRemovingEnvironment()
{
    return QSettings().value(RemoveEnvironmentKey, true).toBool();
}

void setAsksBeforeRemovingEnvironment(bool ask)
{
    QSettings().setValue(RemoveEnvironmentKey, ask);
}

} // namespace Confirmations
