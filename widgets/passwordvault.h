// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QHash>
#include <QObject>
#include <QString>

/// Environments' passwords: in memory for the session, and in the system keychain (Secret Service,
/// KWallet…) through QtKeychain when Retort was built with it and a keychain answers. Never on disk
/// otherwise. Keychain calls are asynchronous: lookUp() answers with lookedUp().
class PasswordVault : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    /// Whether this build can use a system keychain (one may still not answer at run time).
    static bool hasKeychainSupport();

    /// The password remembered this session for @p key, or a null string.
    QString cached(const QString &key) const { return m_memory.value(key); }
    /// Remembers @p password for the session and, when possible, in the keychain.
    void store(const QString &key, const QString &password);
    /// Forgets @p key here and in the keychain (e.g. when its environment is removed).
    void forget(const QString &key);
    /// Asks the keychain for @p key; lookedUp() follows, at once when there is no keychain.
    void lookUp(const QString &key);

signals:
    void lookedUp(const QString &key, bool found);
    /// A keychain write failed; the password is still kept for this session.
    void keychainFailed(const QString &message);

private:
    QHash<QString, QString> m_memory;
};
