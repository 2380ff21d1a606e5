// SLA schedulers in several processes on one PostgreSQL database: they share
// the due tickets, and each notice is written once (docs/product.md#sla).

#include "pg_support.hpp"
#include "support/release_only.hpp"

#include <helpdesk/domain/sla_policy.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

using namespace helpdesk;
using namespace std::chrono_literals;

PG_TEST_CASE("4 scheduler processes over 400 late tickets: every breach notice written exactly once") {
    if (test_support::skipped_under_sanitizers()) {
        return;
    }
    constexpr int processes = 4;
    constexpr int tickets = 400;
    pgtest::private_schema schema{url};
    auto desk = pgtest::make_engine(postgres::open(schema.store_url()));
    const auto admin = pgtest::bootstrap_admin(*desk);
    const auto owner = pgtest::employee(*desk, admin, "owner@example.com");
    auto policy = desk->sla().current(admin.id);
    policy.by_priority[static_cast<std::size_t>(priority::low)] = {{1, sla_unit::hours}, {4, sla_unit::hours}, true};
    (void)desk->sla().change(admin.id, policy);
    for (int i = 0; i < tickets; ++i) {
        (void)desk->tickets().create(owner.id, pgtest::ticket_request("Late ticket " + std::to_string(i)));
    }

    // Five hours on, both targets of every ticket are breached: 800 notices.
    const auto later = std::chrono::system_clock::now() + 5h;
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(later.time_since_epoch()).count();
    std::vector<pid_t> children;
    for (int p = 0; p < processes; ++p) {
        children.push_back(pgtest::spawn_worker("run_scheduler", {schema.store_url(), std::to_string(micros), "7"}));
    }
    for (const auto child : children) {
        CHECK(pgtest::wait_worker(child, std::chrono::seconds{120}) == std::optional<int>{0});
    }

    pgtest::connection db{schema.store_url()};
    CHECK(db.scalar("SELECT count(*) FROM outbox_events WHERE kind = 'ticket.sla_breached'") ==
          std::to_string(2 * tickets));
    CHECK(db.scalar("SELECT count(*) FROM outbox_events WHERE kind = 'ticket.sla_at_risk'") == "0");
    CHECK(db.scalar("SELECT count(*) FROM (SELECT ticket_id, payload FROM outbox_events WHERE kind = "
                    "'ticket.sla_breached' GROUP BY ticket_id, payload HAVING count(*) > 1) AS twice") == "0");
    CHECK(db.scalar("SELECT count(*) FROM tickets WHERE sla_notified <> 15 OR sla_next_notice_at IS NOT NULL") ==
          "0");
    // Recording notices made no new versions.
    CHECK(db.scalar("SELECT count(*) FROM tickets WHERE version <> 1") == "0");
}
