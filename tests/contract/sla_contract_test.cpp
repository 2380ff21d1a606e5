// SLA policy versions (sla_repository) and each ticket's stored SLA
// measurement (docs/product.md#sla).
#include <helpdesk/domain/sla_policy.hpp>

#include "contract_support.hpp"
#include "store_factories.hpp"
#include "store_fixtures.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace contract;
using helpdesk::priority;
using helpdesk::sla_policy;
using helpdesk::sla_unit;
using helpdesk::ticket_status;

namespace {

[[nodiscard]] helpdesk::date day(int y, unsigned m, unsigned d) {
    return std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

/// A policy with something of every kind: a zone, several stretches a day,
/// holidays, overrides (by department, then priority), pausing statuses in
/// an order of their own, an author.
[[nodiscard]] sla_policy custom_policy() {
    auto p = sla_policy::defaults();
    p.calendar.time_zone = "Europe/Berlin";
    p.calendar.week = {};
    p.calendar.week[0] = {{8 * 60, 12 * 60}, {13 * 60, 17 * 60}};
    p.calendar.week[2] = {{0, 24 * 60}};
    p.calendar.week[4] = {{9 * 60, 12 * 60}, {12 * 60 + 30, 15 * 60}, {16 * 60, 18 * 60 + 15}};
    p.calendar.holidays = {day(2026, 12, 24), day(2026, 12, 25), day(2027, 1, 1)};
    p.by_priority[static_cast<std::size_t>(priority::critical)] = {
        {15, sla_unit::minutes}, {2, sla_unit::hours}, true};
    p.by_priority[static_cast<std::size_t>(priority::low)] = {
        {3, sla_unit::days}, {10, sla_unit::days}, false};
    p.overrides = {
        {"Budget Department", priority::low, {{1, sla_unit::days}, {4, sla_unit::days}, false}},
        {"Budget Department", priority::high, {{30, sla_unit::minutes}, {6, sla_unit::hours}, true}},
        {"IT Department", priority::medium, {{2, sla_unit::hours}, {2, sla_unit::days}, false}}};
    p.at_risk_percent = 60;
    p.pausing_statuses = {ticket_status::pending, ticket_status::on_hold, ticket_status::new_};
    p.created_at = at(3h);
    p.created_by = 42;
    return p;
}

/// A measurement with every instant set apart, and a paused resolution clock.
[[nodiscard]] helpdesk::sla_measure measured(std::int64_t version) {
    helpdesk::sla_measure m;
    m.policy_version = version;
    m.first_response = {.due = at(4h), .at_risk_at = at(3h), .stopped_at = at(1h) + 7us, .paused = false};
    m.resolution = {.due = at(30h), .at_risk_at = at(24h), .stopped_at = std::nullopt, .paused = true};
    return m;
}

} // namespace

TEST_CASE_TEMPLATE_DEFINE("sla policies: versions count up, round-trip, current is the newest", Factory,
                          sla_policy_id) {
    Factory factory;
    auto store = factory.open();
    in_read(*store, [](helpdesk::transaction& tx) {
        CHECK_FALSE(tx.sla_policies().current());
        CHECK_FALSE(tx.sla_policies().find(1));
    });

    auto defaults = sla_policy::defaults();
    defaults.created_at = at();
    defaults.version = 99; // ignored: the store numbers versions
    in_write(*store, [&](helpdesk::transaction& tx) { tx.sla_policies().insert(defaults); });
    CHECK(defaults.version == 1);
    in_read(*store, [&](helpdesk::transaction& tx) {
        CHECK(tx.sla_policies().find(1) == defaults);
        CHECK(tx.sla_policies().current() == defaults);
        CHECK_FALSE(tx.sla_policies().find(2));
        CHECK_FALSE(tx.sla_policies().find(0));
    });

    auto custom = custom_policy();
    auto empty = custom_policy();
    empty.calendar.holidays.clear();
    empty.overrides.clear();
    empty.pausing_statuses.clear();
    empty.created_by.reset();
    empty.created_at = at(5h);
    in_write(*store, [&](helpdesk::transaction& tx) {
        tx.sla_policies().insert(custom);
        CHECK(tx.sla_policies().current() == custom); // its own write, before the commit
        tx.sla_policies().insert(empty);
    });
    CHECK(custom.version == 2);
    CHECK(empty.version == 3);
    in_read(*store, [&](helpdesk::transaction& tx) {
        CHECK(tx.sla_policies().find(1) == defaults); // an older version stays as it was
        CHECK(tx.sla_policies().find(2) == custom);
        CHECK(tx.sla_policies().find(3) == empty);
        CHECK(tx.sla_policies().current() == empty);
        CHECK_FALSE(tx.sla_policies().find(4));
    });

    SUBCASE("a version inserted in a rolled-back transaction leaves nothing, and its number is given again") {
        {
            auto tx = store->begin(helpdesk::tx_mode::write);
            auto gone = custom_policy();
            tx->sla_policies().insert(gone);
            CHECK(gone.version == 4);
        }
        auto again = custom_policy();
        in_write(*store, [&](helpdesk::transaction& tx) {
            CHECK(tx.sla_policies().current() == empty);
            tx.sla_policies().insert(again);
        });
        CHECK(again.version == 4);
    }
}

TEST_CASE_TEMPLATE_DEFINE("tickets: the SLA measurement and the notices sent round-trip through every read",
                          Factory, ticket_sla_id) {
    Factory factory;
    auto store = factory.open();
    const auto owner = add_account(*store, make_account(1));
    const auto never = add_ticket(*store, owner.id, at());
    auto t = make_ticket(owner.id, 2, at(1min));
    t.sla = measured(1);
    t.sla_notified = 0b101;
    in_write(*store, [&](helpdesk::transaction& tx) { tx.tickets().insert(t); });

    // Every way a ticket is read: by id, by number, a list page, a list merged per status, a keyset page.
    const auto each_read = [&](helpdesk::transaction& tx, helpdesk::ticket_id id) {
        std::vector<helpdesk::ticket> found;
        found.push_back(*tx.tickets().find(id));
        found.push_back(*tx.tickets().find_by_number(found.front().ticket_number));
        helpdesk::ticket_page_request all;
        helpdesk::ticket_page_request per_status;
        per_status.filter.statuses = {ticket_status::new_, ticket_status::open, ticket_status::pending};
        helpdesk::ticket_page_request keyset;
        keyset.after = helpdesk::keyset{.key = 0, .id = 0};
        keyset.order.descending = false;
        for (const auto& request : {all, per_status, keyset}) {
            for (const auto& row : tx.tickets().list(request).rows) {
                if (row.id == id) {
                    found.push_back(row);
                }
            }
        }
        CHECK(found.size() == 5);
        return found;
    };

    in_read(*store, [&](helpdesk::transaction& tx) {
        for (const auto& read : each_read(tx, t.id)) {
            CHECK(read.sla == t.sla);
            CHECK(read.sla_notified == 0b101);
        }
        for (const auto& read : each_read(tx, never.id)) {
            CHECK(read.sla == helpdesk::sla_measure{}); // version 0, every clock empty
            CHECK(read.sla.policy_version == 0);
            CHECK(read.sla_notified == 0);
        }
    });

    auto changed = t;
    changed.status = ticket_status::pending;
    changed.version = t.version + 1;
    changed.sla = measured(2);
    changed.sla.first_response.stopped_at = std::nullopt;
    changed.sla.resolution = {
        .due = std::nullopt, .at_risk_at = std::nullopt, .stopped_at = at(40h), .paused = false};
    changed.sla_notified = 0x7fffffff;
    auto first_measure = never;
    first_measure.version = never.version + 1;
    first_measure.sla = measured(3);
    in_write(*store, [&](helpdesk::transaction& tx) {
        CHECK(tx.tickets().update(changed, t.version));
        CHECK(tx.tickets().update(first_measure, never.version));
    });
    in_read(*store, [&](helpdesk::transaction& tx) {
        for (const auto& read : each_read(tx, t.id)) {
            CHECK(read.sla == changed.sla);
            CHECK(read.sla_notified == 0x7fffffff);
        }
        for (const auto& read : each_read(tx, never.id)) {
            CHECK(read.sla == first_measure.sla);
            CHECK(read.sla_notified == 0);
        }
    });

    // Back to unmeasured: the stored instants are cleared, not kept.
    auto cleared = changed;
    cleared.version = changed.version + 1;
    cleared.sla = {};
    cleared.sla_notified = 0;
    in_write(*store,
             [&](helpdesk::transaction& tx) { CHECK(tx.tickets().update(cleared, changed.version)); });
    in_read(*store, [&](helpdesk::transaction& tx) {
        const auto read = tx.tickets().find(t.id);
        CHECK(read->sla == helpdesk::sla_measure{});
        CHECK(read->sla_notified == 0);
    });
}

TEST_CASE_TEMPLATE_APPLY(sla_policy_id, all_store_factories);
TEST_CASE_TEMPLATE_APPLY(ticket_sla_id, all_store_factories);

#ifdef HELPDESK_WITH_POSTGRES
// Only PostgreSQL runs two writers at once: SQLite's writers take the write
// lock at BEGIN, one after the other, so two cannot number the same version.
TEST_CASE("sla policies: two PostgreSQL writers numbering the same version: the second conflicts") {
    try {
        postgres_factory factory;
        auto store = factory.open();
        auto first = sla_policy::defaults();
        auto second = custom_policy();
        auto late = store->begin(helpdesk::tx_mode::write);
        CHECK_FALSE(late->sla_policies().current()); // its snapshot: no version yet
        in_write(*store, [&](helpdesk::transaction& tx) { tx.sla_policies().insert(first); });
        CHECK(first.version == 1);
        CHECK(error_code_of([&] { late->sla_policies().insert(second); }) == helpdesk::errc::conflict);
        late.reset();
        in_read(*store, [&](helpdesk::transaction& tx) { CHECK(tx.sla_policies().current() == first); });
    } catch (const postgres_unconfigured&) {
    }
}
#endif
