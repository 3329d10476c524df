#include "modelsinfo.h"
namespace stevedore::models {
int version() { return 1; }
}
