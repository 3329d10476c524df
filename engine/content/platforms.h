#pragma once

#include "manifest.h"

namespace stevedore {

// The entry of `index` for `wanted` (the copy pipeline and inspect choose alike): an image manifest whose platform
// satisfies it, an exact variant match winning over an entry without a variant. The error lists what is there;
// `hint` is appended to it (e.g. "use --all to copy every platform").
Result<Descriptor> chooseInstance(const ImageIndex &index, const Platform &wanted, const QString &sourceDescription,
                                  const QString &hint);

} // namespace stevedore
