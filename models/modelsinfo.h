#pragma once
namespace stevedore::models {
// Placeholder translation unit until the first model lands.
int version();
}
