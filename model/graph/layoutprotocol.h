// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "graph/graphlayout.h"

#include <QByteArray>

/// What goes between layoutGraph() and the helper `retort-layout` over its standard input and
/// output: a request one way, a layout the other, each a versioned QDataStream. Both ends are built
/// from the same source, so a mismatch means a helper from another installation: an error.
namespace LayoutProtocol {
QByteArray encodeRequest(const LayoutRequest &request);
Result<LayoutRequest> decodeRequest(const QByteArray &data);
QByteArray encodeLayout(const GraphLayout &layout);
Result<GraphLayout> decodeLayout(const QByteArray &data);
} // namespace LayoutProtocol
