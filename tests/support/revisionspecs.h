// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "project/revisionscript.h"

#include <QList>
#include <QStringList>

/// Hand-written histories for tests: "id:down1,down2:dep1,dep2:label1,label2" per revision, in
/// map order; missing parts are empty. Each script gets the path /v/<id>.py and line 10.
QList<RevisionScript> scriptsFromSpecs(const QStringList &specs);
