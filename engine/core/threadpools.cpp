#include "threadpools.h"

#include "runtime.h"

namespace stevedore::pools {

QThreadPool *jobs()
{
    return EngineRuntime::instance()->jobs();
}

QThreadPool *io()
{
    return EngineRuntime::instance()->io();
}

QThreadPool *cpu()
{
    return EngineRuntime::instance()->cpu();
}

} // namespace stevedore::pools
