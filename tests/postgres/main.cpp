// The runner of the PostgreSQL concurrency tests. The same executable is also
// the worker process some tests start several times (with
// HELPDESK_CONC_WORKER set), so that concurrency across processes is real:
// each worker has its own store, pool and connections.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "pg_support.hpp"

#include <cstdlib>

int main(int argc, char** argv) {
    if (const char* mode = std::getenv(pgtest::worker_variable)) {
        return pgtest::run_worker(mode, argc, argv);
    }
    doctest::Context context;
    context.applyCommandLine(argc, argv);
    return context.run();
}
