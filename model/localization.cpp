// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "localization.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <clocale>
#include <cstring>
#include <langinfo.h>

using namespace Qt::StringLiterals;

void installTranslations(QCoreApplication &app)
{
    auto *translator = new QTranslator(&app);
    if (!translator->load(QLocale(), u"retort"_s, u"_"_s, u":/i18n"_s)) {
        // English, whatever the reason (the C locale of scripts, a language Retort lacks): its
        // catalogue holds the plural forms ("1 warning", "2 warnings") the sources write as "(s)".
        if (translator->load(u"retort_en"_s, u":/i18n"_s))
            QCoreApplication::installTranslator(translator);
        else
            delete translator;
        return;
    }
    QCoreApplication::installTranslator(translator);
    // Qt's own texts (standard buttons, file dialogs, shortcuts' names) in the same language as
    // Retort's, not in another of the user's languages; English when the system lacks that catalogue.
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(QLocale(translator->language()), u"qtbase"_s, u"_"_s,
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    else
        delete qtTranslator;
}

void preferUtf8Encoding()
{
    if (!std::setlocale(LC_ALL, ""))
        return; // an unknown locale: Qt says so itself
    const char *codeset = nl_langinfo(CODESET);
    if (codeset && (std::strcmp(codeset, "UTF-8") == 0 || std::strcmp(codeset, "utf8") == 0))
        return;
    if (!std::setlocale(LC_CTYPE, "C.UTF-8"))
        return; // no UTF-8 locale to switch to: Qt's warning is the truth
    // LC_ALL overrides every category, so its value moves to the categories other than LC_CTYPE.
    const QByteArray all = qgetenv("LC_ALL");
    if (!all.isEmpty()) {
        for (const char *category : {"LC_COLLATE", "LC_MESSAGES", "LC_MONETARY", "LC_NUMERIC", "LC_TIME"})
            qputenv(category, all);
        qunsetenv("LC_ALL");
    }
    qputenv("LC_CTYPE", "C.UTF-8");
}
