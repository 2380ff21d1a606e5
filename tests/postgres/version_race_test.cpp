// Optimistic concurrency on one ticket: writers that race with expected
// versions either apply their change exactly once or are refused with
// `precondition_failed` (a stale version; `conflict` when the store kept
// losing races), and the ticket, its history and its comments agree with the
// changes that were applied (docs/product.md#preconditions).

#include "pg_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <latch>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using namespace helpdesk;

namespace {

struct applied_change {
    std::int64_t from_version = 0;
    std::int64_t to_version = 0;
    ticket_status target = ticket_status::in_progress;
    int writer = 0;
};

ticket_status other_side(ticket_status s) {
    return s == ticket_status::in_progress ? ticket_status::on_hold : ticket_status::in_progress;
}

} // namespace

PG_TEST_CASE(
    "8 writers race to move one ticket with expected versions: each change applied once or refused") {
    constexpr int writers = 8;
    constexpr int attempts_per_writer = 60;

    pgtest::private_schema schema{url};
    // Two stores, as two server processes would have: writers 0-3 share one
    // pool, 4-7 the other; every writer has its own engine.
    std::vector<std::shared_ptr<store>> stores{postgres::open(schema.store_url()), postgres::open(schema.store_url())};
    auto setup = pgtest::make_engine(stores[0]);
    const auto admin = pgtest::bootstrap_admin(*setup);
    const auto owner = pgtest::employee(*setup, admin, "owner@example.com");
    std::vector<account> staff;
    for (int i = 0; i < writers; ++i) {
        staff.push_back(pgtest::coordinator(*setup, admin, "coordinator" + std::to_string(i) + "@example.com"));
    }
    const auto raised = setup->tickets().create(owner.id, pgtest::ticket_request("Printer on fire")).item;
    (void)setup->tickets().approve(admin.id, raised.id, approve_request{});
    const auto start = setup->tickets().claim(admin.id, raised.id).item;
    REQUIRE(start.status == ticket_status::in_progress);

    const auto count_status_rows = [&](const std::vector<history_event>& rows) {
        return std::count_if(rows.begin(), rows.end(), [](const history_event& h) { return h.kind == helpdesk::history_kind::status_changed; });
    };
    const auto history_before = setup->tickets().history(admin.id, raised.id);
    const auto status_rows_before = count_status_rows(history_before);
    const auto comments_before = setup->tickets().comments(admin.id, raised.id).size();

    std::mutex results_mutex;
    std::vector<applied_change> applied;
    std::vector<std::string> unexpected;
    int refused = 0;
    std::latch ready{writers};
    std::vector<std::thread> threads;
    for (int w = 0; w < writers; ++w) {
        threads.emplace_back([&, w] {
            auto desk = pgtest::make_engine(stores[static_cast<std::size_t>(w / 4)]);
            const auto me = staff[static_cast<std::size_t>(w)].id;
            std::vector<applied_change> mine;
            std::vector<std::string> odd;
            int conflicts = 0;
            ready.arrive_and_wait();
            for (int i = 0; i < attempts_per_writer; ++i) {
                try {
                    const auto seen = desk->tickets().get(me, raised.id).item;
                    if (seen.status != ticket_status::in_progress && seen.status != ticket_status::on_hold) {
                        odd.push_back("read status " + std::string{to_string(seen.status)});
                        continue;
                    }
                    const auto target = other_side(seen.status);
                    try {
                        const auto after =
                            desk->tickets().update_status(me, raised.id, to_string(target), std::nullopt, seen.version).item;
                        mine.push_back({seen.version, after.version, target, w});
                        if (after.status != target) {
                            odd.push_back("update_status returned status " + std::string{to_string(after.status)});
                        }
                    } catch (const helpdesk::error& e) {
                        if (e.code() == errc::precondition_failed || e.code() == errc::conflict) {
                            ++conflicts;
                        } else {
                            odd.push_back("update_status: " + pgtest::describe(e));
                        }
                    }
                } catch (const helpdesk::error& e) {
                    odd.push_back("get: " + pgtest::describe(e));
                } catch (const std::exception& e) {
                    odd.push_back(std::string{"unexpected exception: "} + e.what());
                }
            }
            std::lock_guard lock(results_mutex);
            applied.insert(applied.end(), mine.begin(), mine.end());
            unexpected.insert(unexpected.end(), odd.begin(), odd.end());
            refused += conflicts;
        });
    }
    for (auto& t : threads) {
        t.join();
    }

    const auto n = static_cast<std::int64_t>(applied.size());
    MESSAGE((writers * attempts_per_writer) << " attempts: " << n << " applied, " << refused << " refused as stale, "
                                          << unexpected.size() << " unexpected");
    CHECK_MESSAGE(unexpected.empty(), "e.g. " << (unexpected.empty() ? "" : unexpected.front()));
    CHECK(n + refused + static_cast<std::int64_t>(unexpected.size()) == writers * attempts_per_writer);
    REQUIRE(n > 0);
    CHECK(refused > 0); // eight writers on one row do collide

    // Version N+1 is the change applied on top of version N: each version
    // was produced once, and they follow each other without a gap.
    std::sort(applied.begin(), applied.end(),
              [](const applied_change& a, const applied_change& b) { return a.to_version < b.to_version; });
    for (std::int64_t k = 0; k < n; ++k) {
        const auto& c = applied[static_cast<std::size_t>(k)];
        CHECK_MESSAGE(c.to_version == c.from_version + 1, "writer " << c.writer);
        CHECK_MESSAGE(c.to_version == start.version + k + 1, "the " << k + 1 << "th applied change");
    }

    const auto final_state = setup->tickets().get(admin.id, raised.id).item;
    CHECK(final_state.version == start.version + n);
    CHECK(final_state.status == applied.back().target);

    // History records each applied change once, in the order of the versions.
    const auto history_after = setup->tickets().history(admin.id, raised.id);
    CHECK(count_status_rows(history_after) - status_rows_before == n);
    std::vector<const history_event*> moves;
    for (std::size_t i = history_before.size(); i < history_after.size(); ++i) {
        if (history_after[i].kind == helpdesk::history_kind::status_changed) {
            moves.push_back(&history_after[i]);
        }
    }
    if (static_cast<std::int64_t>(moves.size()) == n) {
        for (std::size_t k = 0; k < moves.size(); ++k) {
            const auto target = std::string{to_string(applied[k].target)};
            const auto source = std::string{to_string(other_side(applied[k].target))};
            CHECK_MESSAGE(moves[k]->new_value == std::optional<std::string>{target}, "history row " << k);
            CHECK_MESSAGE(moves[k]->old_value == std::optional<std::string>{source}, "history row " << k);
            CHECK_MESSAGE(moves[k]->actor == std::optional<account_id>{staff[static_cast<std::size_t>(applied[k].writer)].id},
                          "history row " << k);
        }
    }
    // And each one wrote its public "Status changed" comment once.
    CHECK(static_cast<std::int64_t>(setup->tickets().comments(admin.id, raised.id).size() - comments_before) == n);
}
