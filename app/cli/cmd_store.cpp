// images, tag, rmi: the local store, read and written off the main thread.
#include "cmd.h"

#include "context.h"
#include "output.h"

#include "transport/store/localstore.h"
#include "transport/transportreference.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace stevedore::cli {

int cmdImages(const CommandSpec &spec, const ParsedArgs &p)
{
    const QString format = p.value(u"format"_s, u"table"_s);
    if (format != "table"_L1 && format != "json"_L1) {
        printError(spec.name, u"invalid --format value \"%1\" (use table or json)"_s.arg(format));
        return ExitUsage;
    }
    const LocalStore store(storeRoot(p));
    int sig = 0;
    auto images = offMainThread([store] { return store.images(); }, &sig);
    if (sig) {
        printError(spec.name, u"interrupted"_s);
        return exitCodeFor(sig);
    }
    if (!images) {
        printError(spec.name, images.error().message);
        return ExitFailure;
    }
    if (format == "json"_L1) {
        QJsonArray arr;
        for (const LocalImage &img : std::as_const(*images)) {
            arr.append(QJsonObject{
                {u"name"_s, img.reference.toString()},
                {u"repository"_s, img.reference.repository()},
                {u"tag"_s, img.reference.tag()},
                {u"digest"_s, img.descriptor.digest.toString()},
                {u"mediaType"_s, img.descriptor.mediaType},
                {u"size"_s, double(img.descriptor.size)},
                {u"created"_s, img.created.isValid() ? img.created.toUTC().toString(Qt::ISODate) : QString()},
            });
        }
        printOut(QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Indented)));
        return ExitOk;
    }
    QList<QStringList> rows;
    if (!p.flag(u"noheading"_s))
        rows << QStringList{u"REPOSITORY"_s, u"TAG"_s, u"DIGEST"_s, u"CREATED"_s};
    for (const LocalImage &img : std::as_const(*images)) {
        rows << QStringList{img.reference.repository(),
                            img.reference.hasTag() ? img.reference.tag() : u"<none>"_s,
                            img.descriptor.digest.shortHex(12),
                            img.created.isValid() ? img.created.toUTC().toString(u"yyyy-MM-dd HH:mm"_s) + u" UTC"_s
                                                  : u"-"_s};
    }
    QList<int> widths(4, 0);
    for (const QStringList &r : std::as_const(rows))
        for (int i = 0; i < 4; ++i)
            widths[i] = std::max(widths[i], int(r.at(i).size()));
    QString text;
    for (const QStringList &r : std::as_const(rows)) {
        QString line;
        for (int i = 0; i < 4; ++i)
            line += (i < 3 ? r.at(i).leftJustified(widths[i] + 2) : r.at(i));
        text += line.trimmed() + u'\n';
    }
    printOut(text);
    return ExitOk;
}

namespace {
Result<ImageReference> localName(const QString &text)
{
    auto r = TransportReference::parse(text);
    if (!r)
        return fail(r.error());
    if (r->kind != TransportReference::Kind::LocalStore || !r->image)
        return fail(ErrorCode::InvalidArgument, u"\"%1\" is not a local store name (no transport allowed here)"_s.arg(text));
    return *r->image;
}

} // namespace

int cmdTag(const CommandSpec &spec, const ParsedArgs &p)
{
    auto src = localName(p.positionals.at(0));
    if (!src) {
        printError(spec.name, src.error().message);
        return ExitUsage;
    }
    auto target = localName(p.positionals.at(1));
    if (!target) {
        printError(spec.name, target.error().message);
        return ExitUsage;
    }
    LocalStore store(storeRoot(p));
    int sig = 0;
    const ImageReference from = *src;
    const ImageReference to = *target;
    const Status s = offMainThread([store, from, to]() mutable { return store.tag(from, to); }, &sig);
    if (!s) {
        printError(spec.name, s.error().message);
        return ExitFailure;
    }
    return sig ? exitCodeFor(sig) : int(ExitOk);
}

int cmdRmi(const CommandSpec &spec, const ParsedArgs &p)
{
    LocalStore store(storeRoot(p));
    int code = ExitOk;
    for (const QString &name : p.positionals) {
        auto ref = localName(name);
        if (!ref) {
            printError(spec.name, ref.error().message);
            code = ExitFailure;
            continue;
        }
        int sig = 0;
        const ImageReference r = *ref;
        const Status s = offMainThread([store, r]() mutable { return store.remove(r); }, &sig);
        if (!s) {
            printError(spec.name, s.error().message);
            code = ExitFailure;
        } else {
            printOut(u"Untagged: %1\n"_s.arg(ref->toString()));
        }
        if (sig) {
            printError(spec.name, u"interrupted"_s);
            return exitCodeFor(sig);
        }
    }
    return code;
}

} // namespace stevedore::cli
