// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "database/passwordprovider.h"

#include <QHash>
#include <QString>

/// Environments' passwords: in memory for the session, and in the system keychain (Secret Service,
/// KWallet…) through QtKeychain when Retort was built with it and a keychain answers. Never on disk
/// otherwise. Keychain calls are asynchronous: lookUp() answers with lookedUp().
class PasswordVault : public PasswordProvider
{
    Q_OBJECT
public:
    using PasswordProvider::PasswordProvider;

    /// Whether this build can use a system keychain (one may still not answer at run time).
    static bool hasKeychainSupport();

    /// The password remembered this session for @p key, or a null string.
    QString cached(const QString &key) const override { return m_memory.value(key); }
    /// Remembers @p password for the session and, when possible, in the keychain.
    void store(const QString &key, const QString &password) override;
    /// Forgets @p key here and in the keychain (e.g. when its environment is removed).
    void forget(const QString &key) override;
    /// Asks the keychain for @p key; lookedUp() follows, at once when there is no keychain.
    void lookUp(const QString &key) override;
    /// Asks in a password dialog over the parent window, saying where the password will be kept.
    std::optional<QString> ask(const QString &environment, const QString &displayUrl) override;

signals:
    /// A keychain write failed; the password is still kept for this session.
    void keychainFailed(const QString &message);

private:
    QHash<QString, QString> m_memory;
};
