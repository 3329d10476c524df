#pragma once

class QThreadPool;

namespace stevedore::pools {

// The engine runtime's thread pools (EngineRuntime::instance()). Work that waits on other work never runs in the
// pool it waits on: job coordinators wait on io tasks, io tasks wait on cpu blocks and on the network service.
QThreadPool *jobs();
QThreadPool *io();
QThreadPool *cpu();

} // namespace stevedore::pools
