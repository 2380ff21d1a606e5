// The SLA scheduler's side of ticket_repository: tickets found by their next
// notice instant, and notices recorded without a new version
// (docs/product.md#sla).
#include "contract_support.hpp"
#include "store_factories.hpp"
#include "store_fixtures.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace contract;

namespace {

/// A measurement whose first-response clock runs, at risk from `at(risk)`
/// and due an hour later; the resolution clock is paused without a date.
[[nodiscard]] helpdesk::sla_measure running(std::chrono::microseconds risk) {
    helpdesk::sla_measure m;
    m.policy_version = 1;
    m.first_response = {.due = at(risk + 1h), .at_risk_at = at(risk), .stopped_at = std::nullopt, .paused = false};
    m.resolution = {.due = std::nullopt, .at_risk_at = std::nullopt, .stopped_at = std::nullopt, .paused = true};
    return m;
}

/// Stores a ticket of `owner` measured as `m`.
[[nodiscard]] helpdesk::ticket add_measured(helpdesk::store& s, helpdesk::account_id owner,
                                            const helpdesk::sla_measure& m) {
    return in_write(s, [&](helpdesk::transaction& tx) {
        auto t = make_ticket(owner, tx.tickets().next_ticket_sequence(), at());
        t.sla = m;
        tx.tickets().insert(t);
        return t;
    });
}

using ids = ticket_ids;

} // namespace

TEST_CASE_TEMPLATE_DEFINE("sla notices: tickets come due at their next notice instant, earliest first", Factory,
                          sla_notice_due_id) {
    Factory factory;
    auto store = factory.open();
    const auto owner = add_account(*store, make_account(1));
    const auto later = add_measured(*store, owner.id, running(2h));
    const auto sooner = add_measured(*store, owner.id, running(1h));
    const auto unmeasured = add_ticket(*store, owner.id, at());
    const auto last = add_measured(*store, owner.id, running(5h));
    (void)unmeasured;

    in_read(*store, [&](helpdesk::transaction& tx) {
        CHECK(tx.tickets().due_sla_notices(at(59min), 10).empty());
        CHECK(ids_of(tx.tickets().due_sla_notices(at(1h), 10)) == ids{sooner.id}); // the instant itself is due
        CHECK(ids_of(tx.tickets().due_sla_notices(at(3h), 10)) == ids{sooner.id, later.id});
        CHECK(ids_of(tx.tickets().due_sla_notices(at(3h), 1)) == ids{sooner.id});
        CHECK(ids_of(tx.tickets().due_sla_notices(at(100h), 10)) == ids{sooner.id, later.id, last.id});
        CHECK(tx.tickets().due_sla_notices(at(100h), 0).empty());
        const auto rows = tx.tickets().due_sla_notices(at(3h), 10);
        REQUIRE(rows.size() == 2);
        CHECK(rows[0].sla == sooner.sla); // whole tickets, as every read gives them
        CHECK(rows[0].ticket_number == sooner.ticket_number);
    });

    // Recording notices moves the next instant and keeps version and update time.
    in_write(*store, [&](helpdesk::transaction& tx) {
        tx.tickets().set_sla_notified(sooner.id, 1, at(2h) + 1us);
        tx.tickets().set_sla_notified(later.id, 3, std::nullopt);
    });
    in_read(*store, [&](helpdesk::transaction& tx) {
        CHECK(ids_of(tx.tickets().due_sla_notices(at(2h), 10)).empty());
        CHECK(ids_of(tx.tickets().due_sla_notices(at(100h), 10)) == ids{sooner.id, last.id});
        const auto read = tx.tickets().find(sooner.id);
        CHECK(read->sla_notified == 1);
        CHECK(read->version == sooner.version);
        CHECK(read->update_date == sooner.update_date);
        CHECK(read->sla == sooner.sla);
        CHECK(tx.tickets().find(later.id)->sla_notified == 3);
    });

    // An ordinary update stores the instant derived from what it writes.
    auto changed = *in_read(*store, [&](helpdesk::transaction& tx) { return tx.tickets().find(later.id); });
    changed.sla = running(7h);
    changed.sla_notified = 0;
    changed.version += 1;
    in_write(*store, [&](helpdesk::transaction& tx) { CHECK(tx.tickets().update(changed, later.version)); });
    in_read(*store, [&](helpdesk::transaction& tx) {
        CHECK(ids_of(tx.tickets().due_sla_notices(at(100h), 10)) == ids{sooner.id, last.id, later.id});
    });

    in_write(*store, [&](helpdesk::transaction& tx) {
        CHECK(error_code_of([&] { tx.tickets().set_sla_notified(999999, 1, std::nullopt); }) ==
              helpdesk::errc::not_found);
    });
}

TEST_CASE_TEMPLATE_APPLY(sla_notice_due_id, all_store_factories);

#ifdef HELPDESK_WITH_POSTGRES
// Only PostgreSQL runs two writers at once: SQLite's writers take the write
// lock at BEGIN, one after the other.
TEST_CASE("sla notices: a second PostgreSQL writer skips the tickets the first holds, a reader sees them all") {
    try {
        postgres_factory factory;
        auto store = factory.open();
        const auto owner = add_account(*store, make_account(1));
        const auto a = add_measured(*store, owner.id, running(1h));
        const auto b = add_measured(*store, owner.id, running(2h));
        const auto c = add_measured(*store, owner.id, running(3h));

        auto first = store->begin(helpdesk::tx_mode::write);
        CHECK(ids_of(first->tickets().due_sla_notices(at(10h), 2)) == ids{a.id, b.id});
        {
            auto second = store->begin(helpdesk::tx_mode::write);
            CHECK(ids_of(second->tickets().due_sla_notices(at(10h), 10)) == ids{c.id});
        }
        in_read(*store, [&](helpdesk::transaction& tx) {
            CHECK(ids_of(tx.tickets().due_sla_notices(at(10h), 10)) == ids{a.id, b.id, c.id});
        });
        first->tickets().set_sla_notified(a.id, 1, std::nullopt);
        first->commit();
        first.reset();
        in_write(*store, [&](helpdesk::transaction& tx) {
            CHECK(ids_of(tx.tickets().due_sla_notices(at(10h), 10)) == ids{b.id, c.id});
        });
    } catch (const postgres_unconfigured&) {
    }
}
#endif
