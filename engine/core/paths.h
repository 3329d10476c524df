#pragma once

#include <QString>

namespace stevedore {

// $XDG_DATA_HOME/stevedore, else ~/.local/share/stevedore: where Stevedore keeps what it owns (the local store,
// the sandbox registry's storage, the push queue).
QString stevedoreDataHome();

} // namespace stevedore
