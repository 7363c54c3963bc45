// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "passwordvault.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QTimer>

#include "retort-config.h"

#if RETORT_HAVE_QTKEYCHAIN
#include <qt6keychain/keychain.h>
#endif

using namespace Qt::StringLiterals;

namespace {
/// The keychain's service name for Retort's entries.
const QString Service = QStringLiteral(RETORT_APP_ID);

#if RETORT_HAVE_QTKEYCHAIN
/// A job nobody owns: QtKeychain 0.13 crashes when a job is deleted while libsecret still works on
/// it (frankosterfeld/qtkeychain#261), so a job outlives the vault and deletes itself once done.
template<typename Job>
Job *unownedJob(const QString &key)
{
    auto *job = new Job(Service);
    job->setAutoDelete(false);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, job, &QObject::deleteLater);
    return job;
}
#endif
} // namespace

bool PasswordVault::hasKeychainSupport()
{
    return RETORT_HAVE_QTKEYCHAIN;
}

void PasswordVault::store(const QString &key, const QString &password)
{
    m_memory.insert(key, password);
#if RETORT_HAVE_QTKEYCHAIN
    auto *job = unownedJob<QKeychain::WritePasswordJob>(key);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *finished) {
        if (finished->error() != QKeychain::NoError)
            emit keychainFailed(finished->errorString());
    });
    job->start();
#endif
}

void PasswordVault::forget(const QString &key)
{
    m_memory.remove(key);
#if RETORT_HAVE_QTKEYCHAIN
    unownedJob<QKeychain::DeletePasswordJob>(key)->start();
#endif
}

void PasswordVault::lookUp(const QString &key)
{
    if (m_memory.contains(key)) {
        QTimer::singleShot(0, this, [this, key] { emit lookedUp(key, true); });
        return;
    }
#if RETORT_HAVE_QTKEYCHAIN
    auto *job = unownedJob<QKeychain::ReadPasswordJob>(key);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *finished) {
        const auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
        const bool found = read->error() == QKeychain::NoError;
        if (found)
            m_memory.insert(key, read->textData());
        emit lookedUp(key, found);
    });
    job->start();
#else
    QTimer::singleShot(0, this, [this, key] { emit lookedUp(key, false); });
#endif
}

std::optional<QString> PasswordVault::ask(const QString &environment, const QString &displayUrl)
{
    bool ok = false;
    const QString password = QInputDialog::getText(
        qobject_cast<QWidget *>(parent()), tr("Password for %1").arg(environment),
        hasKeychainSupport() ? tr("Password for %1 (kept in the system keychain when there is one, never in "
                                  "Retort's files):")
                                   .arg(displayUrl)
                             : tr("Password for %1 (kept until Retort quits, never saved):").arg(displayUrl),
        QLineEdit::Password, QString(), &ok);
    return ok ? std::optional<QString>(password) : std::nullopt;
}
