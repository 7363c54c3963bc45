// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "python/pythonconversions.h"

#include <QList>
#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

/// Python's `str.isspace()`.
bool isPythonSpace(char32_t c)
{
    return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

} // namespace

std::optional<qint64> pythonInt(const QString &text)
{
    const QList<uint> chars = text.toUcs4();
    qsizetype begin = 0;
    qsizetype end = chars.size();
    while (begin < end && isPythonSpace(chars.at(begin)))
        ++begin;
    while (end > begin && isPythonSpace(chars.at(end - 1)))
        --end;
    bool negative = false;
    if (begin < end && (chars.at(begin) == u'+' || chars.at(begin) == u'-'))
        negative = chars.at(begin++) == u'-';
    if (begin == end)
        return std::nullopt;
    qint64 value = 0;
    bool previousWasDigit = false;
    for (qsizetype i = begin; i < end; ++i) {
        const char32_t c = chars.at(i);
        if (c == u'_') {
            if (!previousWasDigit || i + 1 == end)
                return std::nullopt;
            previousWasDigit = false;
            continue;
        }
        if (QChar::category(c) != QChar::Number_DecimalDigit)
            return std::nullopt;
        value = std::min<qint64>(value * 10 + QChar::digitValue(c), qint64(1) << 40);
        previousWasDigit = true;
    }
    return negative ? -value : value;
}

std::optional<double> pythonFloat(const QString &text)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}

std::optional<bool> sqlalchemyBool(const QString &text)
{
    const QString word = text.trimmed().toLower();
    static const QStringList yes{u"true"_s, u"yes"_s, u"on"_s, u"y"_s, u"t"_s, u"1"_s};
    static const QStringList no{u"false"_s, u"no"_s, u"off"_s, u"n"_s, u"f"_s, u"0"_s};
    if (yes.contains(word))
        return true;
    if (no.contains(word))
        return false;
    return std::nullopt;
}

int hexDigitValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

QStringList pythonSplitLines(const QString &text)
{
    QStringList lines;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        const bool isBreak = c == u'\n' || c == u'\r' || c == 0x0b || c == 0x0c || (c >= 0x1c && c <= 0x1e) ||
                             c == 0x85 || c == 0x2028 || c == 0x2029;
        if (!isBreak)
            continue;
        lines.append(text.mid(start, i - start));
        if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
            ++i;
        start = i + 1;
    }
    if (start < text.size())
        lines.append(text.mid(start));
    return lines;
}
