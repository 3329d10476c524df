#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream(stderr) << "stevedore: the CLI needs LocalStore and inspectImage (engine), not built yet\n";
    return 1;
}
