// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

struct Environment;

/// What Retort asks before it writes (Edit ▸ Settings ▸ Confirmations), kept in QSettings. Every
/// write is previewed whatever these say; they only add to the preview.
namespace Confirmations {

enum class TypedName
{
    ProtectedOnly,    ///< the environments marked protected
    EveryEnvironment, ///< all of them: for a DBA who wants no one-click writes
};

TypedName typedName();
void setTypedName(TypedName policy);
/// Whether a stamp, upgrade or downgrade of @p environment waits for its name to be typed.
bool needsTypedName(const Environment &environment);

/// Whether removing an environment from the list asks first (it forgets the keychain's password);
/// a protected one always asks.
bool asksBeforeRemovingEnvironment();
void setAsksBeforeRemovingEnvironment(bool ask);

} // namespace Confirmations
