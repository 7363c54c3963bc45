// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "printabletext.h"

using namespace Qt::StringLiterals;

QString printableText(const QString &text)
{
    auto isControl = [](char16_t c) { return (c < 0x20 && c != u'\n' && c != u'\t') || (c >= 0x7F && c < 0xA0); };
    qsizetype i = 0;
    while (i < text.size() && !isControl(text.at(i).unicode()))
        ++i;
    if (i == text.size())
        return text; // the usual case: nothing to copy
    QString out = text.left(i);
    for (; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (!isControl(c))
            out += QChar(c);
        else if (c < 0x100)
            out += u"\\x"_s + QString::number(c, 16).rightJustified(2, u'0');
        else
            out += u"\\u"_s + QString::number(c, 16).rightJustified(4, u'0');
    }
    return out;
}
