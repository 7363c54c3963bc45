// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QString>

class QWidget;

/// Help ▸ About Retort: the version, the licence, and the versions of the parts a bug report needs
/// (Qt, Graphviz, the highlighter, the keychain).
namespace AboutDialog {

/// The box's text (HTML).
QString text();

/// Shows the box, modal to @p parent.
void show(QWidget *parent);

} // namespace AboutDialog
