#include "retry.h"

namespace stevedore {

bool isRetryable(const Error &e)
{
    if (!e.temporary || e.code == ErrorCode::Cancelled)
        return false;
    return e.httpStatus != 401 && e.httpStatus != 403 && e.httpStatus != 404;
}

} // namespace stevedore
