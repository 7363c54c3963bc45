// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QString>

/// @p url with its password replaced by `***`, as SQLAlchemy's `URL.render_as_string(hide_password=True)`
/// shows it: `postgresql://u:***@host/db`. The userinfo ends at the last `@` before the host (so
/// unescaped `@` and `:` in passwords are hidden too); the values of query parameters that hold
/// secrets (isSecretParameter()) are masked as well. Anything that does not parse is returned unchanged.
QString maskedUrl(const QString &url);

/// Whether URL query parameter @p key (percent-encoded or not) holds a secret: `password`, `passwd`,
/// `pwd` or libpq's `sslpassword`, in any case.
bool isSecretParameter(const QString &key);
