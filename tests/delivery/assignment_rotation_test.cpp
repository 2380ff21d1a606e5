// Round robin across processes: four helpdesk-server programs on one
// PostgreSQL approve a thousand tickets at once, and the department's
// rotation still hands each of its five coordinators their share.
#include "delivery_support.hpp"

#include "contract/store_factories.hpp"
#include "support/release_only.hpp"

#include <atomic>
#include <memory>
#include <thread>

using namespace delivery_test;

namespace {

constexpr int processes = 4;
constexpr int coordinators = 5;
constexpr int tickets = 1000;
constexpr int approvers = 8;

/// Makes `id` a Ticket Coordinator.
void make_coordinator(http_test::client& web, const std::string& admin, std::int64_t id) {
    const auto r = web.post("/api/employees/" + std::to_string(id) + "/change-role/",
                            boost::json::object{{"role", "Ticket Coordinator"}}, admin);
    REQUIRE_MESSAGE(r.status == 200, r.body);
}

} // namespace

TEST_CASE("four server processes on one PostgreSQL approving 1000 tickets keep the round robin: 200 each for 5 "
          "coordinators") {
    if (test_support::skipped_under_sanitizers()) {
        return;
    }
    contract::postgres_factory database;
    test_support::temp_dir dir;
    std::vector<std::unique_ptr<server_process>> servers;
    for (int i = 0; i < processes; ++i) {
        servers.push_back(std::make_unique<server_process>(dir, database.url(), std::vector<std::string>{}));
    }
    http_test::client web{servers[0]->port()};
    const auto admin = admin_token(web);
    std::vector<std::int64_t> staff;
    for (int i = 0; i < coordinators; ++i) {
        staff.push_back(approved_employee(web, admin, "coord" + std::to_string(i) + "@desk.test"));
        make_coordinator(web, admin, staff.back());
    }
    const auto mode = web.patch("/api/assignment/departments/IT%20Department/",
                                boost::json::object{{"mode", "round_robin"}}, admin);
    REQUIRE_MESSAGE(mode.status == 200, mode.body);
    (void)approved_employee(web, admin, "alice@desk.test");

    // The tickets, raised through every process at once.
    std::vector<std::int64_t> ids(tickets);
    std::atomic<int> next{0};
    std::atomic<int> failures{0};
    const auto in_parallel = [&](auto&& work) {
        std::vector<std::thread> threads;
        for (int t = 0; t < approvers; ++t) {
            threads.emplace_back([&, t] {
                http_test::client mine{servers[static_cast<std::size_t>(t % processes)]->port()};
                for (int i = next++; i < tickets; i = next++) {
                    work(mine, i);
                }
            });
        }
        for (auto& thread : threads) {
            thread.join();
        }
        next = 0;
    };
    const auto alice = login(web, "alice@desk.test", user_password);
    in_parallel([&](http_test::client& mine, int i) {
        const auto r = mine.post_form("/api/tickets/",
                                      {{"subject", "Ticket " + std::to_string(i)},
                                       {"category", "IT Category"},
                                       {"sub_category", "Network & Security Administration"},
                                       {"description", "Since Monday."}},
                                      alice);
        if (r.status != 201) {
            ++failures;
            return;
        }
        ids[static_cast<std::size_t>(i)] = r.number("id");
    });
    REQUIRE(failures == 0);

    // Every approval without an assignee, through all four processes.
    const auto started = std::chrono::steady_clock::now();
    in_parallel([&](http_test::client& mine, int i) {
        const auto r = mine.post("/api/tickets/" + std::to_string(ids[static_cast<std::size_t>(i)]) + "/approve/",
                                 boost::json::object{{"priority", "Medium"}, {"department", "IT Department"}}, admin);
        if (r.status != 200) {
            ++failures;
            MESSAGE("approval answered " << r.status << ": " << r.body);
        }
    });
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    MESSAGE(tickets << " approvals through " << processes << " processes took " << took.count() << " ms");
    CHECK(failures == 0);

    for (const auto id : staff) {
        const auto r = web.get("/api/tickets/?assigned_to=" + std::to_string(id) + "&page_size=1", admin);
        REQUIRE_MESSAGE(r.status == 200, r.body);
        const auto count = r.number("count");
        CHECK_MESSAGE(count >= tickets / coordinators - 1, "coordinator " << id << " got " << count);
        CHECK_MESSAGE(count <= tickets / coordinators + 1, "coordinator " << id << " got " << count);
    }
    const auto open = web.get("/api/tickets/?status=Open&page_size=1", admin);
    CHECK(open.number("count") == 0);
    for (auto& server : servers) {
        CHECK(server->stop() == 0);
    }
}
