#pragma once
// Header-only helpers of the suites that drive the engine's BlobReader stages directly (tst_compress, tst_decompress).

#include "content/blobio.h"
#include "core/error.h"

#include <QByteArray>

namespace stevedore::test {

// Reads `r` to its end in pieces of `piece` bytes; the first error stops it.
inline Result<QByteArray> readAllFrom(BlobReader &r, qint64 piece = 100000)
{
    QByteArray out;
    QByteArray buf(piece, Qt::Uninitialized);
    for (;;) {
        auto n = r.read(buf.data(), piece);
        if (!n)
            return fail(n.error());
        if (*n == 0)
            return out;
        out.append(buf.constData(), *n);
    }
}

} // namespace stevedore::test
