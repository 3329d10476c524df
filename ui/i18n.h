#pragma once

#include <QLocale>
#include <QString>

namespace stevedore::ui {

// Installs Qt's own translation (qtbase) and Stevedore's (embedded as :/i18n/stevedore_<lang>.qm) for
// `locale`, replacing those installed before; widgets then receive a LanguageChange event. Returns true
// when Stevedore's translation for that locale was found (English, the source language, always answers true).
bool installTranslators(const QLocale &locale);

// The languages Stevedore ships a translation for, as locale names ("en", "zh_CN").
QStringList availableLanguages();

} // namespace stevedore::ui
