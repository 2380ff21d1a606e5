// Worker processes started by the tests (see main.cpp). A worker reports
// through its exit code and stderr only; the test checks the database.

#include "pg_support.hpp"

#include <atomic>
#include <cstdio>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

namespace pgtest {
namespace {

/// `create_tickets <store url> <per thread> <employee id>...`: one store and
/// engine for the process, one thread per employee id, each raising
/// `per thread` tickets as that employee.
int create_tickets(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "worker create_tickets: usage: <url> <per thread> <employee id>...\n");
        return 2;
    }
    const std::string url = argv[1];
    const int per_thread = std::stoi(argv[2]);
    std::vector<helpdesk::account_id> owners;
    for (int i = 3; i < argc; ++i) {
        owners.push_back(std::stoll(argv[i]));
    }

    std::unique_ptr<helpdesk::engine> desk;
    try {
        desk = make_engine(helpdesk::postgres::open(url));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "worker %d: cannot open the store: %s\n", static_cast<int>(::getpid()), e.what());
        return 3;
    }

    std::atomic<int> failures{0};
    std::mutex print;
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < owners.size(); ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < per_thread; ++i) {
                try {
                    (void)desk->tickets().create(
                        owners[t], ticket_request("Ticket " + std::to_string(i) + " of thread " + std::to_string(t) +
                                                  " in process " + std::to_string(::getpid())));
                } catch (const helpdesk::error& e) {
                    if (failures++ < 10) {
                        std::lock_guard lock(print);
                        std::fprintf(stderr, "worker %d thread %zu: create failed: %s\n",
                                     static_cast<int>(::getpid()), t, describe(e).c_str());
                    }
                } catch (const std::exception& e) {
                    if (failures++ < 10) {
                        std::lock_guard lock(print);
                        std::fprintf(stderr, "worker %d thread %zu: unexpected exception: %s\n",
                                     static_cast<int>(::getpid()), t, e.what());
                    }
                }
            }
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    if (failures > 0) {
        std::fprintf(stderr, "worker %d: %d of %d creates failed\n", static_cast<int>(::getpid()), failures.load(),
                     per_thread * static_cast<int>(owners.size()));
        return 1;
    }
    return 0;
}

/// `run_scheduler <store url> <now, µs since the epoch> <batch>`: one engine
/// whose scheduler passes run at `now` until one finds nothing due.
int run_scheduler(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "worker run_scheduler: usage: <url> <now micros> <batch>\n");
        return 2;
    }
    const auto desk = make_engine(helpdesk::postgres::open(argv[1]));
    const helpdesk::time_point now{std::chrono::microseconds{std::stoll(argv[2])}};
    const auto batch = std::stoll(argv[3]);
    for (int pass = 0; pass < 1000; ++pass) {
        try {
            if (desk->scheduler().run_once(now, batch).tickets_checked == 0) {
                return 0;
            }
        } catch (const helpdesk::error& e) {
            // Another scheduler kept winning the same rows: the next pass goes on.
            if (e.code() == helpdesk::errc::conflict) {
                continue;
            }
            std::fprintf(stderr, "worker %d: pass failed: %s\n", static_cast<int>(::getpid()), describe(e).c_str());
            return 1;
        }
    }
    std::fprintf(stderr, "worker %d: still finding due tickets after 1000 passes\n", static_cast<int>(::getpid()));
    return 1;
}

} // namespace

int run_worker(std::string_view mode, int argc, char** argv) {
    try {
        if (mode == "create_tickets") {
            return create_tickets(argc, argv);
        }
        if (mode == "run_scheduler") {
            return run_scheduler(argc, argv);
        }
        std::fprintf(stderr, "unknown worker mode '%.*s'\n", static_cast<int>(mode.size()), mode.data());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "worker failed: %s\n", e.what());
        return 4;
    }
}

} // namespace pgtest
