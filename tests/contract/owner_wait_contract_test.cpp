// The automations' side of ticket_repository: tickets found by status and
// by since when they wait on their owner, and reminders recorded without a
// new version (docs/product.md#automations).
#include "contract_support.hpp"
#include "store_factories.hpp"
#include "store_fixtures.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace contract;
using helpdesk::ticket_status;

namespace {

[[nodiscard]] helpdesk::ticket add_waiting(helpdesk::store& s, helpdesk::account_id owner, ticket_status status,
                                           std::optional<helpdesk::time_point> since) {
    return in_write(s, [&](helpdesk::transaction& tx) {
        auto t = make_ticket(owner, tx.tickets().next_ticket_sequence(), at());
        t.status = status;
        t.waiting_on_owner_since = since;
        tx.tickets().insert(t);
        return t;
    });
}

using ids = ticket_ids;

} // namespace

TEST_CASE_TEMPLATE_DEFINE("owner waits: tickets of one status come by the start of their wait, reminders stick",
                          Factory, owner_wait_id) {
    Factory factory;
    auto store = factory.open();
    const auto owner = add_account(*store, make_account(1));
    const auto late = add_waiting(*store, owner.id, ticket_status::resolved, at(2h));
    const auto early = add_waiting(*store, owner.id, ticket_status::resolved, at(1h));
    const auto pending = add_waiting(*store, owner.id, ticket_status::pending, at(1h));
    (void)add_waiting(*store, owner.id, ticket_status::in_progress, std::nullopt);

    in_read(*store, [&](helpdesk::transaction& tx) {
        auto& tickets = tx.tickets();
        CHECK(tickets.waiting_on_owner(ticket_status::resolved, at(59min), 10).empty());
        CHECK(ids_of(tickets.waiting_on_owner(ticket_status::resolved, at(1h), 10)) == ids{early.id});
        CHECK(ids_of(tickets.waiting_on_owner(ticket_status::resolved, at(5h), 10)) == ids{early.id, late.id});
        CHECK(ids_of(tickets.waiting_on_owner(ticket_status::resolved, at(5h), 1)) == ids{early.id});
        CHECK(ids_of(tickets.waiting_on_owner(ticket_status::pending, at(5h), 10)) == ids{pending.id});
        CHECK(tickets.waiting_on_owner(ticket_status::in_progress, at(5h), 10).empty());
        const auto read = tickets.find(early.id);
        CHECK(read->waiting_on_owner_since == at(1h));
        CHECK_FALSE(read->owner_reminded);
    });

    in_write(*store, [&](helpdesk::transaction& tx) { tx.tickets().set_owner_reminded(pending.id); });
    in_read(*store, [&](helpdesk::transaction& tx) {
        CHECK(tx.tickets().waiting_on_owner(ticket_status::pending, at(5h), 10).empty());
        const auto read = tx.tickets().find(pending.id);
        CHECK(read->owner_reminded);
        CHECK(read->version == pending.version);
        CHECK(read->update_date == pending.update_date);
    });

    // An ordinary update writes both fields as the ticket holds them.
    auto moved = *in_read(*store, [&](helpdesk::transaction& tx) { return tx.tickets().find(pending.id); });
    moved.status = ticket_status::in_progress;
    moved.waiting_on_owner_since.reset();
    moved.owner_reminded = false;
    moved.version += 1;
    in_write(*store, [&](helpdesk::transaction& tx) { CHECK(tx.tickets().update(moved, pending.version)); });
    in_read(*store, [&](helpdesk::transaction& tx) {
        const auto read = tx.tickets().find(pending.id);
        CHECK_FALSE(read->waiting_on_owner_since);
        CHECK_FALSE(read->owner_reminded);
    });
    in_write(*store, [&](helpdesk::transaction& tx) {
        CHECK(error_code_of([&] { tx.tickets().set_owner_reminded(999999); }) == helpdesk::errc::not_found);
    });
}

TEST_CASE_TEMPLATE_APPLY(owner_wait_id, all_store_factories);
