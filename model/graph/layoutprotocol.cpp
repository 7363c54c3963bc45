// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "graph/layoutprotocol.h"

#include <QCoreApplication>
#include <QDataStream>
#include <QIODevice>

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(LayoutProtocol)
};

} // namespace

namespace {

constexpr quint32 RequestMagic = 0x52544c51; // "RTLQ"
constexpr quint32 LayoutMagic = 0x52544c4c;  // "RTLL"
constexpr quint32 Version = 1;
constexpr QDataStream::Version StreamVersion = QDataStream::Qt_6_4;

void write(QDataStream &out, const QList<LayoutRequest::Node> &nodes)
{
    out << qint64(nodes.size());
    for (const LayoutRequest::Node &node : nodes)
        out << node.size << qint32(node.group);
}

void write(QDataStream &out, const QList<LayoutRequest::Edge> &edges)
{
    out << qint64(edges.size());
    for (const LayoutRequest::Edge &edge : edges)
        out << qint32(edge.from) << qint32(edge.to) << edge.constraint << edge.routed;
}

/// A count read from @p in, or -1 when it cannot be one: never more items than bytes are left.
qint64 readCount(QDataStream &in)
{
    qint64 count = -1;
    in >> count;
    return in.status() == QDataStream::Ok && count >= 0 && count <= in.device()->bytesAvailable() ? count : -1;
}

bool read(QDataStream &in, QList<LayoutRequest::Node> &nodes)
{
    const qint64 count = readCount(in);
    nodes.reserve(count);
    for (qint64 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        LayoutRequest::Node node;
        qint32 group = -1;
        in >> node.size >> group;
        node.group = group;
        nodes.append(node);
    }
    return count >= 0 && in.status() == QDataStream::Ok;
}

bool read(QDataStream &in, QList<LayoutRequest::Edge> &edges)
{
    const qint64 count = readCount(in);
    edges.reserve(count);
    for (qint64 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        LayoutRequest::Edge edge;
        qint32 from = 0;
        qint32 to = 0;
        in >> from >> to >> edge.constraint >> edge.routed;
        edge.from = from;
        edge.to = to;
        edges.append(edge);
    }
    return count >= 0 && in.status() == QDataStream::Ok;
}

QString malformed()
{
    return Tr::tr("The layout helper and Retort do not understand each other (a retort-layout "
                  "from another installation?). Reinstall Retort.");
}

/// Reads and checks the magic number and version at the start of @p in.
bool readHeader(QDataStream &in, quint32 magic)
{
    quint32 foundMagic = 0;
    quint32 foundVersion = 0;
    in >> foundMagic >> foundVersion;
    return in.status() == QDataStream::Ok && foundMagic == magic && foundVersion == Version;
}

} // namespace

namespace LayoutProtocol {

QByteArray encodeRequest(const LayoutRequest &request)
{
    QByteArray data;
    QDataStream out(&data, QIODevice::WriteOnly);
    out.setVersion(StreamVersion);
    out << RequestMagic << Version;
    write(out, request.nodes);
    write(out, request.edges);
    out << request.bottomToTop << request.nodeSeparation << request.rankSeparation;
    return data;
}

Result<LayoutRequest> decodeRequest(const QByteArray &data)
{
    QDataStream in(data);
    in.setVersion(StreamVersion);
    LayoutRequest request;
    if (!readHeader(in, RequestMagic) || !read(in, request.nodes) || !read(in, request.edges))
        return Result<LayoutRequest>::failure(malformed());
    in >> request.bottomToTop >> request.nodeSeparation >> request.rankSeparation;
    if (in.status() != QDataStream::Ok || !in.atEnd())
        return Result<LayoutRequest>::failure(malformed());
    return request;
}

QByteArray encodeLayout(const GraphLayout &layout)
{
    QByteArray data;
    QDataStream out(&data, QIODevice::WriteOnly);
    out.setVersion(StreamVersion);
    out << LayoutMagic << Version << layout.boundingBox << layout.nodes << layout.edges << layout.arrowTips;
    return data;
}

Result<GraphLayout> decodeLayout(const QByteArray &data)
{
    QDataStream in(data);
    in.setVersion(StreamVersion);
    GraphLayout layout;
    if (!readHeader(in, LayoutMagic))
        return Result<GraphLayout>::failure(malformed());
    in >> layout.boundingBox >> layout.nodes >> layout.edges >> layout.arrowTips;
    if (in.status() != QDataStream::Ok || !in.atEnd())
        return Result<GraphLayout>::failure(malformed());
    return layout;
}

} // namespace LayoutProtocol
