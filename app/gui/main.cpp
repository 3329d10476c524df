#include "i18n.h"
#include "localimagesmodel.h"
#include "mainwindow.h"

#include "core/threadpools.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QSettings>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

QIcon appIcon()
{
    QIcon icon;
    // The SVG when Qt's svg icon engine is installed, the rendered PNGs otherwise.
    icon.addFile(u":/icons/stevedore.svg"_s);
    for (int size : {32, 64, 256})
        icon.addFile(u":/icons/stevedore-%1.png"_s.arg(size), QSize(size, size));
    return icon;
}

// --screenshot FILE: once the window shows and the local images are read, grab it, save a PNG, quit.
void scheduleScreenshot(stevedore::ui::MainWindow *window, const QString &file)
{
    auto grab = [window, file] {
        const bool ok = window->grab().save(file, "PNG");
        if (!ok)
            std::fprintf(stderr, "stevedore-gui: cannot write the screenshot %s\n", qPrintable(file));
        QCoreApplication::exit(ok ? 0 : 1);
    };
    QObject::connect(window->imagesModel(), &stevedore::models::LocalImagesModel::refreshed, window,
                     [grab] { QTimer::singleShot(500, grab); }, Qt::SingleShotConnection);
    QTimer::singleShot(15000, window, grab); // the store could not be read in time: take it anyway
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"Stevedore"_s);
    QCoreApplication::setApplicationName(u"stevedore-gui"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(STEVEDORE_VERSION));
    QGuiApplication::setApplicationDisplayName(u"Stevedore"_s);
    QGuiApplication::setDesktopFileName(u"stevedore-gui"_s);
    app.setWindowIcon(appIcon());

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Stevedore: build, inspect, annotate and push container images."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption langOption(
        u"lang"_s, u"User interface language, e.g. zh_CN or en (default: the one chosen in View > Language, else the system's, from LANG)."_s,
        u"LANG"_s);
    const QCommandLineOption rootOption(u"root"_s, u"Local store folder (default: $STEVEDORE_ROOT, else $XDG_DATA_HOME/stevedore/storage)."_s, u"DIR"_s);
    const QCommandLineOption screenshotOption(u"screenshot"_s, u"Save a PNG of the main window to FILE once it shows, then quit."_s, u"FILE"_s);
    parser.addOptions({langOption, rootOption, screenshotOption});
    parser.process(app);

    // --lang, else the language chosen in View > Language, else the system's (LANG, LC_ALL).
    const QString chosen = QSettings().value(u"language"_s).toString();
    const QLocale locale = parser.isSet(langOption) ? QLocale(parser.value(langOption))
                           : chosen.isEmpty()       ? QLocale::system()
                                                    : QLocale(chosen);
    if (!stevedore::ui::installTranslators(locale) && parser.isSet(langOption))
        std::fprintf(stderr, "stevedore-gui: no translation for %s; available: %s\n",
                     qPrintable(parser.value(langOption)),
                     qPrintable(stevedore::ui::availableLanguages().join(u", "_s)));

    int rc = 0;
    {
        stevedore::ui::MainWindow window(parser.value(rootOption));
        window.show();
        if (parser.isSet(screenshotOption))
            scheduleScreenshot(&window, parser.value(screenshotOption));
        rc = app.exec();
    } // the window cancels its jobs; their destructors wait for the workers
    stevedore::pools::waitForAll(10000);
    return rc;
}
