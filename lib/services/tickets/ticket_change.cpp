#include "services/tickets/ticket_change.hpp"

#include <string>

namespace helpdesk::detail {

ticket require_ticket(transaction& tx, ticket_id id) {
    auto found = tx.tickets().find(id);
    if (!found) {
        throw error(errc::not_found, "ticket not found");
    }
    return *found;
}

ticket_change begin_change(transaction& tx, account_id actor_id, ticket_id id, action act,
                           std::optional<std::int64_t> expected_version) {
    ticket_change change;
    change.who = load_actor(tx, actor_id);
    change.item = require_ticket(tx, id);
    can(change.who, act, &change.item).enforce();
    if (expected_version && *expected_version != change.item.version) {
        throw error(errc::precondition_failed, "the ticket was changed meanwhile (it is at version " +
                                                   std::to_string(change.item.version) + ", not " +
                                                   std::to_string(*expected_version) + ")");
    }
    change.version_before = change.item.version;
    change.sla_before = sla_inputs_of(change.item);
    return change;
}

void save(engine_context& context, transaction& tx, ticket_change& change, time_point now,
          std::optional<std::int64_t> expected_version) {
    auto& t = change.item;
    remeasure_if_changed(context, tx, t, change.sla_before);
    t.version = change.version_before + 1;
    t.update_date = now;
    if (!tx.tickets().update(t, change.version_before)) {
        if (expected_version) {
            throw error(errc::precondition_failed, "the ticket was changed meanwhile; reload and try again");
        }
        throw transient_conflict("the ticket was changed by a concurrent call");
    }
}

} // namespace helpdesk::detail
