// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "database/urlmasking.h"

#include <QByteArray>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace {

const QString mask = u"***"_s;

QString maskQuery(const QString &query)
{
    QStringList params = query.split(u'&');
    for (QString &param : params) {
        const qsizetype equals = param.indexOf(u'=');
        if (equals > 0 && isSecretParameter(param.left(equals)))
            param = param.left(equals + 1) + mask;
    }
    return params.join(u'&');
}

} // namespace

bool isSecretParameter(const QString &key)
{
    const QString name =
        QString::fromUtf8(QByteArray::fromPercentEncoding(key.toUtf8().replace('+', ' '))).trimmed().toLower();
    return name == u"password"_s || name == u"passwd"_s || name == u"pwd"_s || name == u"sslpassword"_s;
}

QString maskedUrl(const QString &url)
{
    // SQLAlchemy's pattern: name://[username[:password]@][host][:port][/database][?query], where the
    // username is [^:/]* and the password runs to an '@'. Here the password runs to the last '@'
    // before the host, so an unescaped '@' in it is hidden too.
    const qsizetype schemeEnd = url.indexOf(u"://"_s);
    if (schemeEnd <= 0)
        return url;
    const qsizetype userStart = schemeEnd + 3;
    qsizetype userEnd = userStart;
    while (userEnd < url.size() && url[userEnd] != u':' && url[userEnd] != u'/')
        ++userEnd;

    QString result = url;
    qsizetype hostStart = userStart;
    if (userEnd < url.size() && url[userEnd] == u':') {
        qsizetype at = url.indexOf(u'@', userEnd + 1);
        if (at >= 0) {
            for (;;) {
                const qsizetype next = url.indexOf(u'@', at + 1);
                if (next < 0)
                    break;
                const QStringView between = QStringView(url).mid(at + 1, next - at - 1);
                if (between.contains(u'/') || between.contains(u'?'))
                    break;
                at = next;
            }
            result = url.left(userEnd + 1) + mask + url.mid(at);
            hostStart = userEnd + 1 + mask.size() + 1;
        }
    }

    const qsizetype question = result.indexOf(u'?', hostStart);
    if (question < 0)
        return result;
    qsizetype fragment = result.indexOf(u'#', question);
    if (fragment < 0)
        fragment = result.size();
    return result.left(question + 1) + maskQuery(result.mid(question + 1, fragment - question - 1)) +
           result.mid(fragment);
}
