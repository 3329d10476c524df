#pragma once

#include "core/error.h"

#include <QObject>
#include <QString>

class QSocketNotifier;

namespace stevedore::cli {

bool isTerminal(int fd);

// Secrets given on the command line or typed at a prompt (the --creds password), registered with the engine's
// secret registry (core/secrets.h): everything the CLI prints or logs is scrubbed of them (output.h).
void addSecret(const QString &secret);
// Columns of the terminal on fd; $COLUMNS, then 80, when it is not a terminal.
int terminalWidth(int fd);
int terminalHeight(int fd);

// Reads one line from the terminal on stdin with echo off, after printing prompt on stderr.
// Fails when stdin is not a terminal.
Result<QString> readPassword(const QString &prompt);

// Turns SIGINT/SIGTERM into a Qt signal through a self-pipe watched by a QSocketNotifier: the handler only
// writes one byte, the main thread's event loop does the rest. After the first signal the default action
// is restored, so a second Ctrl-C ends the process at once.
class SignalWatcher final : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;
    SignalWatcher(const SignalWatcher &) = delete;
    SignalWatcher &operator=(const SignalWatcher &) = delete;

    int receivedSignal() const { return m_signal; } // 0 when none

Q_SIGNALS:
    void interrupted(int signalNumber);

private:
    void onReadable();
    QSocketNotifier *m_notifier = nullptr;
    int m_signal = 0;
};

} // namespace stevedore::cli
