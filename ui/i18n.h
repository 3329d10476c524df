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
// A language in its own words ("English", "简体中文"), so it can be found whatever the current one is.
QString nativeLanguageName(const QString &language);

// The language chosen in View > Language or Preferences ("language" in QSettings): a locale name, or empty for the
// system's. chooseLanguage() installs it at once (every window follows) and remembers it for the next start.
QString chosenLanguage();
void chooseLanguage(const QString &language);

} // namespace stevedore::ui
