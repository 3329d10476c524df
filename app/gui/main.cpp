#include "i18n.h"
#include "localimagesmodel.h"
#include "mainwindow.h"
#include "credentialmanager.h"
#include "credentialsmodel.h"
#include "manifesteditor.h"
#include "preferencesdialog.h"
#include "pulldialog.h"
#include "pushdialog.h"
#include "pushqueuedock.h"
#include "registrybrowser.h"
#include "localimagespanel.h"
#include "credentialexportdialog.h"
#include "openlistdialog.h"
#include "transfermodel.h"

#include "core/logging.h"
#include "core/runtime.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QHash>
#include <QTableView>
#include <QIcon>
#include <QSettings>
#include <QPointer>
#include <QTimer>
#include <QTreeView>

#include <cstdio>
#include <functional>

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

using Opener = std::function<QWidget *()>;
constexpr const char *kShowChoices = "push, pull, preferences, credentials, add-credential, export-pull-secret, "
                                     "manifest-editor, open-list, add-registry, tag, inspect, shortcuts or about";

// Once the window shows, the local images are read and the pushes given on the command line are done: `then`.
void whenSettled(stevedore::ui::MainWindow *window, std::function<void()> then)
{
    auto *models = window->transferModel();
    auto ready = [window, models] { return !window->imagesModel()->isLoading() && models->runningCount() == 0; };
    auto *poll = new QTimer(window);
    poll->setInterval(100);
    QObject::connect(poll, &QTimer::timeout, window, [poll, ready, then] {
        if (ready()) {
            poll->stop();
            then();
        }
    });
    QTimer::singleShot(300, poll, qOverload<>(&QTimer::start));
    QTimer::singleShot(60000, window, [poll, then] { // something hangs: go on anyway
        if (poll->isActive()) {
            poll->stop();
            then();
        }
    });
}

// Calls `open` until it gives a widget (an opener gives nullptr while what it shows is still being read), at most
// for about 10 s, then `done` with what it gave.
void openPatiently(QObject *context, Opener open, std::function<void(QWidget *)> done, int triesLeft = 50)
{
    QWidget *shown = open ? open() : nullptr;
    if (shown || !open || triesLeft <= 0) {
        done(shown);
        return;
    }
    QTimer::singleShot(200, context, [context, open, done, triesLeft] { openPatiently(context, open, done, triesLeft - 1); });
}

// --screenshot FILE: once settled, open what --show asks for (if anything), grab it (else the window), save a PNG
// and quit.
void scheduleScreenshot(stevedore::ui::MainWindow *window, const QString &file, Opener open)
{
    whenSettled(window, [window, file, open] {
        window->pushQueueDock()->view()->expandAll();
        openPatiently(window, open, [window, file](QWidget *opened) {
            QPointer<QWidget> shown = opened;
            QTimer::singleShot(800, window, [window, file, shown] {
                QWidget *target = shown ? shown.data() : window;
                const bool ok = target->grab().save(file, "PNG");
                if (!ok)
                    std::fprintf(stderr, "stevedore-gui: cannot write the screenshot %s\n", qPrintable(file));
                QCoreApplication::exit(ok ? 0 : 1);
            });
        });
    });
}

// What --show opens. The image dialogs (tag, inspect) are about the first image of the store.
Opener openerFor(stevedore::ui::MainWindow *window, const QString &what, const QString &source)
{
    using namespace stevedore::ui;
    auto firstImage = [window] {
        window->imagesView()->selectRow(0);
        return window->imagesPanel();
    };
    QHash<QString, Opener> openers;
    openers.insert(u"push"_s, [window, source] { return window->openPushDialog(source); });
    openers.insert(u"pull"_s, [window] { return window->openPullDialog(); });
    openers.insert(u"preferences"_s, [window] { return window->openPreferences(); });
    openers.insert(u"credentials"_s, [window] { return window->openCredentialsWindow(); });
    openers.insert(u"add-credential"_s, [window] { return window->openCredentialsWindow()->openAddDialog(); });
    openers.insert(u"export-pull-secret"_s, [window]() -> QWidget * {
        CredentialManager *manager = window->openCredentialsWindow(); // which lists the credentials
        const auto *listed = window->credentialsModel();
        return listed->isLoading() || listed->rowCount() == 0 ? nullptr : manager->openExportDialog();
    });
    openers.insert(u"manifest-editor"_s, [window] { return window->openManifestEditor(); });
    openers.insert(u"open-list"_s, [window] { return window->openManifestEditor()->openListDialog(); });
    openers.insert(u"add-registry"_s, [window] { return window->registryBrowser()->addRegistryDialog(); });
    openers.insert(u"tag"_s, [firstImage] { return firstImage()->tagSelected(); });
    openers.insert(u"inspect"_s, [firstImage] { return firstImage()->inspectSelected(); });
    openers.insert(u"shortcuts"_s, [window] { return window->showShortcuts(); });
    openers.insert(u"about"_s, [window] { return window->showAbout(); });
    return openers.value(what);
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
        u"show"_s, u"Open a window or dialog at start: "_s + QString::fromLatin1(kShowChoices)
                       + u" (with --screenshot, that is what is saved)."_s,
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
        const QString show = args.size() == 1 && !parser.isSet(showOption) ? u"push"_s : parser.value(showOption);
        const Opener open = show.isEmpty() ? Opener() : openerFor(&window, show, args.value(0));
        if (!show.isEmpty() && !open) {
            std::fprintf(stderr, "stevedore-gui: --show takes %s\n", kShowChoices);
            return 2;
        }
        if (parser.isSet(screenshotOption))
            scheduleScreenshot(&window, parser.value(screenshotOption), open);
        else if (open)
            whenSettled(&window, [&window, open] { openPatiently(&window, open, [](QWidget *) {}); });
        rc = app.exec();
    } // the window cancels its jobs (nothing waits here: a job's work owns what it uses)
    runtime.shutdown(); // waits for the cancelled work, closes the network objects in their thread
    return rc;
}
