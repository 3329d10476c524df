#pragma once
// What the archive transports' suites (tst_ociarchive, tst_dockerarchive) share: file helpers, the context, the
// source layout they copy from, and the check that a summary's open unpacks no layer. Header only.

#include "content/manifest.h"
#include "support/copyrun.h"
#include "support/testsupport.h"
#include "transport/transports.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTest>

namespace stevedore::test {

inline QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline bool writeFileBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// The store and the blob-info cache in `dir`.
inline SystemContext archiveTestContext(const QString &dir)
{
    SystemContext c;
    c.storageRoot = dir + QStringLiteral("/store");
    c.blobInfoCachePath = dir + QStringLiteral("/cache.json");
    return c;
}

// The layout the suites copy from, at `layout` with tag "t": this machine's platform and linux/arm64/v8 (an index, or
// one manifest), gzip layers of `layerSize` bytes. Its top digest, or empty (with a warning).
inline QString writeArchiveTestSource(const QString &layout, bool asIndex, qint64 layerSize = 64 * 1024)
{
    QString error;
    TestImageSpec spec;
    spec.asIndex = asIndex;
    spec.layerSize = layerSize;
    spec.platforms = {Platform::host().toString(), QStringLiteral("linux/arm64/v8")};
    spec.gzipLayers = true;
    const QString top = writeTestLayout(layout, QStringLiteral("t"), spec, &error);
    if (top.isEmpty())
        qWarning() << error;
    return top;
}

// What inspect, the push dialog's summary and the details pane open (openSourceAndManifest) of the archive
// `reference` (its layers over 4 MiB) unpacks no layer: nothing of 1 MiB in `tmp` while it is open, the same top
// manifest as a full open, the config there and the layers not. QVERIFY inside: the caller checks
// QTest::currentTestFailed().
inline void checkSummaryUnpacksNoLayer(const QString &reference, const QString &tmp, const SystemContext &ctx)
{
    const auto ref = TransportReference::parse(reference);
    QVERIFY(ref.has_value());
    auto summary = openSourceAndManifest(*ref, ctx, {});
    QVERIFY2(summary.has_value(), summary ? "" : qPrintable(summary.error().message));
    qint64 largest = 0;
    QDirIterator it(tmp, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        largest = qMax(largest, QFileInfo(it.next()).size());
    QVERIFY2(largest < 1024 * 1024, qPrintable(QString::number(largest)));
    auto whole = openImageSource(*ref, ctx);
    QVERIFY(whole.has_value());
    QCOMPARE(summary->top.bytes, (*whole)->manifest(std::nullopt, {})->bytes);
    auto m = ImageManifest::parse(summary->top);
    QVERIFY(m.has_value());
    QVERIFY(summary->source->openBlob(BlobInfo::fromDescriptor(m->config, BlobRole::Config, -1), {}).has_value());
    QVERIFY(!summary->source->openBlob(BlobInfo::fromDescriptor(m->layers.first(), BlobRole::Layer, 0), {}).has_value());
    QVERIFY((*whole)->openBlob(BlobInfo::fromDescriptor(m->layers.first(), BlobRole::Layer, 0), {}).has_value());
}

} // namespace stevedore::test
