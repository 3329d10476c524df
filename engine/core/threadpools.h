#pragma once

class QThreadPool;

namespace stevedore::pools {

// Engine-owned thread pools. Work that waits on other work never runs in the pool it waits on.
QThreadPool *jobs();     // job coordinators (one thread per running job)
QThreadPool *io();       // blob transfers: network and file I/O, blocking calls with local event loops
QThreadPool *cpu();      // compression and hashing blocks; sized to the number of cores

// Cancels nothing by itself: waits for every pool to drain. Called at application exit after jobs were cancelled.
void waitForAll(int msecs);

} // namespace stevedore::pools
