// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QObject>
#include <QString>

#include <optional>

/// Where EnvironmentSession gets the passwords its URLs leave out. The window keeps them in the
/// system keychain and asks the user; a headless user of the session has its own rules (none: the
/// URL goes without). Keys name a project's environment (EnvironmentSession::passwordKey()).
class PasswordProvider : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    /// The password known now for @p key, or a null string.
    virtual QString cached(const QString &key) const = 0;
    /// Looks @p key up where that takes time (a keychain); lookedUp() follows, possibly at once.
    virtual void lookUp(const QString &key) = 0;
    virtual void store(const QString &key, const QString &password) = 0;
    virtual void forget(const QString &key) = 0;
    /// Asks the user for the password of @p environment's database at @p displayUrl (masked);
    /// nullopt when they decline, or when there is nobody to ask.
    virtual std::optional<QString> ask(const QString &environment, const QString &displayUrl) = 0;

signals:
    void lookedUp(const QString &key, bool found);
};
