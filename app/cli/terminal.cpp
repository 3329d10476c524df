#include "terminal.h"

#include "core/secrets.h"

#include <QSocketNotifier>
#include <QStringList>

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace stevedore::cli {

void addSecret(const QString &secret)
{
    secrets::add(secret);
}

bool isTerminal(int fd)
{
    return ::isatty(fd) == 1;
}

int terminalWidth(int fd)
{
    winsize ws{};
    if (::ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    bool ok = false;
    const int cols = qEnvironmentVariableIntValue("COLUMNS", &ok);
    return ok && cols > 20 ? cols : 80;
}

int terminalHeight(int fd)
{
    winsize ws{};
    if (::ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0)
        return ws.ws_row;
    bool ok = false;
    const int rows = qEnvironmentVariableIntValue("LINES", &ok);
    return ok && rows > 5 ? rows : 24;
}

Result<QString> readPassword(const QString &prompt)
{
    if (!isTerminal(STDIN_FILENO))
        return fail(ErrorCode::CredentialsMissing, u"stdin is not a terminal"_s);
    std::fputs(prompt.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
    termios old{};
    const bool haveTermios = ::tcgetattr(STDIN_FILENO, &old) == 0;
    if (haveTermios) {
        termios quiet = old;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        quiet.c_lflag |= ECHONL;
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    QByteArray line;
    char c = 0;
    ssize_t n = 0;
    while ((n = ::read(STDIN_FILENO, &c, 1)) == 1 && c != '\n' && c != '\r' && line.size() < 4096)
        line.append(c);
    if (haveTermios)
        ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
    if (n < 0)
        return fail(ErrorCode::IoError, u"cannot read the password from the terminal"_s);
    return QString::fromLocal8Bit(line);
}

namespace {
int g_pipe[2] = {-1, -1};

extern "C" void onSignal(int sig)
{
    const unsigned char b = static_cast<unsigned char>(sig);
    [[maybe_unused]] const ssize_t n = ::write(g_pipe[1], &b, 1);
}
} // namespace

SignalWatcher::SignalWatcher(QObject *parent)
    : QObject(parent)
{
    if (g_pipe[0] < 0) {
        if (::pipe(g_pipe) != 0)
            return;
        for (int fd : g_pipe) {
            ::fcntl(fd, F_SETFD, FD_CLOEXEC);
            ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
        }
    }
    m_notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SignalWatcher::onReadable);
    struct sigaction sa{};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &sa, nullptr);
    ::sigaction(SIGTERM, &sa, nullptr);
}

SignalWatcher::~SignalWatcher()
{
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGTERM, SIG_DFL);
}

void SignalWatcher::onReadable()
{
    unsigned char b = 0;
    while (::read(g_pipe[0], &b, 1) == 1) {
        if (m_signal != 0)
            continue;
        m_signal = b;
        // A second Ctrl-C ends the process at once.
        ::signal(SIGINT, SIG_DFL);
        ::signal(SIGTERM, SIG_DFL);
        Q_EMIT interrupted(b);
    }
}

} // namespace stevedore::cli
