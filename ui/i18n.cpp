#include "i18n.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QSettings>
#include <QPointer>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace stevedore::ui {

namespace {
QPointer<QTranslator> s_qt;
QPointer<QTranslator> s_app;

void drop(QPointer<QTranslator> &t)
{
    if (t) {
        QCoreApplication::removeTranslator(t);
        delete t.data();
    }
}
} // namespace

bool installTranslators(const QLocale &locale)
{
    drop(s_qt);
    drop(s_app);
    QLocale::setDefault(locale);

    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        s_qt = qt;
    } else {
        delete qt;
    }

    const bool english = locale.language() == QLocale::English || locale.language() == QLocale::C;
    auto *app = new QTranslator(QCoreApplication::instance());
    // English is the source language: its file only adds plural forms.
    if (!app->load(english ? QLocale(QLocale::English) : locale, u"stevedore"_s, u"_"_s, u":/i18n"_s)) {
        delete app;
        return english;
    }
    QCoreApplication::installTranslator(app);
    s_app = app;
    return true;
}

QString nativeLanguageName(const QString &language)
{
    const QLocale locale(language);
    if (language.contains(u'_') && locale.language() == QLocale::Chinese)
        return locale.script() == QLocale::TraditionalHanScript ? u"繁體中文"_s : u"简体中文"_s;
    return locale.nativeLanguageName();
}

QString chosenLanguage()
{
    return QSettings().value(u"language"_s).toString();
}

void chooseLanguage(const QString &language)
{
    if (language.isEmpty())
        QSettings().remove(u"language"_s);
    else
        QSettings().setValue(u"language"_s, language);
    installTranslators(language.isEmpty() ? QLocale::system() : QLocale(language));
}

QStringList availableLanguages()
{
    QStringList langs;
    const QStringList files = QDir(u":/i18n"_s).entryList({u"stevedore_*.qm"_s}, QDir::Files, QDir::Name);
    for (const QString &f : files)
        langs.append(f.mid(10, f.size() - 13)); // stevedore_XX.qm
    return langs;
}

} // namespace stevedore::ui
