#include "i18n.h"
#include "localimagesmodel.h"
#include "mainwindow.h"
#include "credentialmanager.h"
#include "manifesteditor.h"
#include "preferencesdialog.h"
#include "pulldialog.h"
#include "pushdialog.h"
#include "pushqueuedock.h"
#include "transfermodel.h"

#include "core/logging.h"
#include "core/runtime.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QSettings>
#include <QPointer>
#include <QTimer>
#include <QTreeView>

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

// --screenshot FILE: once the window shows, the local images are read and the pushes given on the command
// line are done, grab the window (or the one --show opened), save a PNG and quit.
void scheduleScreenshot(stevedore::ui::MainWindow *window, const QString &file, QPointer<QWidget> shown)
{
    auto grab = [window, file, shown] {
        window->pushQueueDock()->view()->expandAll();
        QTimer::singleShot(600, window, [window, file, shown] {
            QWidget *target = shown ? shown.data() : window;
            const bool ok = target->grab().save(file, "PNG");
            if (!ok)
                std::fprintf(stderr, "stevedore-gui: cannot write the screenshot %s\n", qPrintable(file));
            QCoreApplication::exit(ok ? 0 : 1);
        });
    };
    auto *models = window->transferModel();
    auto ready = [window, models] {
        return !window->imagesModel()->isLoading() && models->runningCount() == 0;
    };
    auto *poll = new QTimer(window);
    poll->setInterval(100);
    QObject::connect(poll, &QTimer::timeout, window, [poll, ready, grab] {
        if (ready()) {
            poll->stop();
            grab();
        }
    });
    QTimer::singleShot(300, poll, qOverload<>(&QTimer::start));
    QTimer::singleShot(60000, window, [poll, grab] { // something hangs: take it anyway
        if (poll->isActive()) {
            poll->stop();
            grab();
        }
    });
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
    // Every log message scrubbed of secrets; the engine's pools and network service, stopped before the application
    // object goes.
    stevedore::installRedactingMessageHandler();
    stevedore::EngineRuntime runtime;

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Stevedore: build, inspect, annotate and push container images."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption langOption(
        u"lang"_s, u"User interface language, e.g. zh_CN or en (default: the one chosen in View > Language, else the system's, from LANG)."_s,
        u"LANG"_s);
    const QCommandLineOption rootOption(u"root"_s, u"Local store folder (default: $STEVEDORE_ROOT, else $XDG_DATA_HOME/stevedore/storage)."_s, u"DIR"_s);
    const QCommandLineOption screenshotOption(u"screenshot"_s, u"Save a PNG of the main window to FILE once it shows, then quit."_s, u"FILE"_s);
    const QCommandLineOption allOption(u"all"_s, u"With SOURCE and DESTINATION: push every platform of an index."_s);
    const QCommandLineOption tlsVerifyOption(
        u"tls-verify"_s, u"With SOURCE and DESTINATION: require HTTPS and verify certificates (default true)."_s,
        u"BOOL"_s, u"true"_s);
    const QCommandLineOption showOption(
        u"show"_s, u"Open a window or dialog at start: push, pull, preferences, credentials, manifest-editor or about (with "
                   u"--screenshot, that is what is saved)."_s,
        u"WHAT"_s);
    parser.addOptions({langOption, rootOption, screenshotOption, allOption, tlsVerifyOption, showOption});
    parser.addPositionalArgument(u"source"_s, u"Image to push (opens the push dialog with it)."_s, u"[SOURCE"_s);
    parser.addPositionalArgument(u"destination"_s, u"Where to push it (then the push starts at once)."_s,
                                 u"[DESTINATION]]"_s);
    parser.process(app);

    // --lang, else the language chosen in View > Language, else the system's (LANG, LC_ALL).
    const QString chosen = stevedore::ui::chosenLanguage();
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
        const QStringList args = parser.positionalArguments();
        if (args.size() > 2) {
            std::fprintf(stderr, "stevedore-gui: expected at most SOURCE and DESTINATION\n");
            return 2;
        }
        if (args.size() == 2) {
            auto request = stevedore::ui::makePushRequest(args[0], args[1], window.storageRoot());
            const QString tls = parser.value(tlsVerifyOption).toLower();
            if (tls != u"true"_s && tls != u"false"_s) {
                std::fprintf(stderr, "stevedore-gui: --tls-verify takes true or false\n");
                return 2;
            }
            if (!request) {
                std::fprintf(stderr, "stevedore-gui: %s\n", qPrintable(request.error().message));
                return 2;
            }
            if (tls == u"false"_s)
                request->context.tlsVerify = false;
            request->options.all = parser.isSet(allOption);
            window.queuePush(*request);
        }
        QPointer<QWidget> shown;
        const QString show = parser.value(showOption);
        if (args.size() == 1 || show == u"push"_s)
            shown = window.openPushDialog(args.value(0));
        else if (show == u"pull"_s)
            shown = window.openPullDialog();
        else if (show == u"preferences"_s)
            shown = window.openPreferences();
        else if (show == u"credentials"_s)
            shown = window.openCredentialsWindow();
        else if (show == u"manifest-editor"_s)
            shown = window.openManifestEditor();
        else if (show == u"about"_s)
            shown = window.showAbout();
        else if (!show.isEmpty()) {
            std::fprintf(stderr, "stevedore-gui: --show takes push, pull, preferences, credentials, manifest-editor or about\n");
            return 2;
        }
        if (parser.isSet(screenshotOption))
            scheduleScreenshot(&window, parser.value(screenshotOption), shown);
        rc = app.exec();
    } // the window cancels its jobs (nothing waits here: a job's work owns what it uses)
    runtime.shutdown(); // waits for the cancelled work, closes the network objects in their thread
    return rc;
}
