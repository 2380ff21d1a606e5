// The last active System Admin under concurrency (docs/product.md#account-administration):
// admins who all step down, or deactivate each other, at the same instant
// through two stores (as two server processes would) always leave exactly
// one active System Admin.

#include "pg_support.hpp"

#include <doctest/doctest.h>

#include <latch>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

using namespace helpdesk;

namespace {

/// What one round's racers got: successes, refusals as the last admin, anything else.
struct round_outcome {
    int done = 0;
    int last_admin = 0;
    std::vector<std::string> unexpected{};
};

/// Runs `act(desk, i)` for every racer at once, each on its own engine over one of `stores`.
template <class Act>
round_outcome race(const std::vector<std::shared_ptr<store>>& stores, int racers, Act act) {
    round_outcome out;
    std::mutex mutex;
    std::latch ready{racers};
    std::vector<std::unique_ptr<engine>> desks;
    for (int i = 0; i < racers; ++i) {
        desks.push_back(pgtest::make_engine(stores[static_cast<std::size_t>(i % 2)]));
    }
    std::vector<std::thread> threads;
    for (int i = 0; i < racers; ++i) {
        threads.emplace_back([&, i, desk = desks[static_cast<std::size_t>(i)].get()] {
            ready.arrive_and_wait();
            try {
                act(*desk, i);
                const std::lock_guard lock(mutex);
                ++out.done;
            } catch (const helpdesk::error& e) {
                const std::lock_guard lock(mutex);
                // The loser of a deactivation race is itself deactivated by then.
                if (e.code() == errc::conflict || e.code() == errc::permission_denied) {
                    ++out.last_admin;
                } else {
                    out.unexpected.push_back(pgtest::describe(e));
                }
            }
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    return out;
}

std::int64_t active_admins(engine& desk, account_id reader) {
    account_filter admins;
    admins.account_role = role::system_admin;
    admins.status = account_status::approved;
    account_list_request request;
    request.filter = admins;
    request.page_size = 100;
    std::int64_t n = 0;
    for (const auto& a : desk.accounts().list(reader, request).results) {
        n += a.is_active ? 1 : 0;
    }
    return n;
}

} // namespace

PG_TEST_CASE("admins stepping down or deactivating each other at once always leave one active System Admin") {
    constexpr int admins = 4;
    constexpr int rounds = 8;
    pgtest::private_schema schema{url};
    const std::vector<std::shared_ptr<store>> stores{postgres::open(schema.store_url()),
                                                     postgres::open(schema.store_url())};
    auto setup = pgtest::make_engine(stores[0]);
    std::vector<account> team{pgtest::bootstrap_admin(*setup)};
    for (int i = 1; i < admins; ++i) {
        const auto a = pgtest::employee(*setup, team[0], "admin" + std::to_string(i) + "@example.com");
        team.push_back(setup->accounts().change_role(team[0].id, a.id, "System Admin"));
    }
    // An admin of the team still active, if any.
    const auto keeper = [&]() -> std::optional<account> {
        for (const auto& a : team) {
            try {
                const auto me = setup->accounts().get(a.id, a.id);
                if (me.account_role == role::system_admin && me.is_active) {
                    return me;
                }
            } catch (const helpdesk::error&) {
                // deactivated: it cannot even read itself
            }
        }
        return std::nullopt;
    };
    // Puts every admin back (active, System Admin) through one still in office.
    const auto restore = [&] {
        const auto by = keeper();
        REQUIRE(by);
        for (const auto& a : team) {
            (void)setup->accounts().reactivate(by->id, a.id);
            (void)setup->accounts().change_role(by->id, a.id, "System Admin");
        }
    };

    for (int round = 0; round < rounds; ++round) {
        CAPTURE(round);
        // Everyone steps down at once: all but one may.
        auto out = race(stores, admins, [&](engine& desk, int i) {
            (void)desk.accounts().change_role(team[static_cast<std::size_t>(i)].id, team[static_cast<std::size_t>(i)].id,
                                              "Ticket Coordinator");
        });
        CHECK_MESSAGE(out.unexpected.empty(), (out.unexpected.empty() ? "" : out.unexpected.front()));
        CHECK(out.done == admins - 1);
        CHECK(out.last_admin == 1);
        restore();
        CHECK(active_admins(*setup, team[0].id) == admins);

        // Each deactivates the next one round the ring at once.
        out = race(stores, admins, [&](engine& desk, int i) {
            const auto next = static_cast<std::size_t>((i + 1) % admins);
            (void)desk.accounts().deactivate(team[static_cast<std::size_t>(i)].id, team[next].id);
        });
        CHECK_MESSAGE(out.unexpected.empty(), (out.unexpected.empty() ? "" : out.unexpected.front()));
        CHECK(out.done >= 1);
        const auto left = keeper();
        REQUIRE(left);
        CHECK(active_admins(*setup, left->id) >= 1);
        restore();
    }
    CHECK(active_admins(*setup, team[0].id) == admins);
}
