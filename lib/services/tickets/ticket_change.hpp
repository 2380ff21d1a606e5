#pragma once

#include <helpdesk/engine.hpp>

#include "services/service_support.hpp"
#include "services/ticket_support.hpp"
#include "services/tickets/ticket_sla.hpp"

#include <cstdint>
#include <optional>

namespace helpdesk::detail {

/// The stored ticket; not_found when there is none.
[[nodiscard]] ticket require_ticket(transaction& tx, ticket_id id);

/// A ticket loaded for a change by an actor the policy allowed.
struct ticket_change {
    actor who{};
    ticket item{};
    std::int64_t version_before = 0; ///< the version read; `save` expects it still stored
    sla_inputs sla_before{};         ///< what its SLA clocks were measured from, as read
};

/// Loads the actor and the ticket, enforces `can(who, act, ticket)` and the
/// caller's `expected_version` (precondition_failed when stale).
[[nodiscard]] ticket_change begin_change(transaction& tx, account_id actor_id, ticket_id id, action act,
                                         std::optional<std::int64_t> expected_version);

/// Stores `change.item` (bumping version and update_date) if nobody changed it
/// since it was read. A caller that named the version it expected is told of
/// the lost race; otherwise the whole call re-runs on the fresh ticket, so its
/// rules are checked again against what is there now.
/// Measures its SLA clocks again first when the change moved what they
/// depend on (ticket_sla.hpp).
void save(engine_context& context, transaction& tx, ticket_change& change, time_point now,
          std::optional<std::int64_t> expected_version);

/// The common shape of the lifecycle commands: load, authorise, check the
/// version, apply `apply(tx, who, ticket, now)`, save, and answer with the
/// ticket's detail view as the actor may see it — all in one transaction.
/// `prepare(tx)` runs first in each attempt's transaction, before anything
/// is read (see `assignment_repository::hold_rotations`).
template <class Apply, class Prepare>
ticket_details run_command(engine_context& context, account_id actor_id, ticket_id id, action act,
                           std::optional<std::int64_t> expected_version, Apply&& apply, Prepare&& prepare) {
    const auto now = context.time_source().now();
    return in_write_transaction(context, [&](transaction& tx) {
        prepare(tx);
        auto change = begin_change(tx, actor_id, id, act, expected_version);
        apply(tx, std::as_const(change.who), change.item, now);
        save(context, tx, change, now, expected_version);
        return details_for(tx, change.item, change.who, now);
    });
}

/// `run_command` with nothing to prepare.
template <class Apply>
ticket_details run_command(engine_context& context, account_id actor_id, ticket_id id, action act,
                           std::optional<std::int64_t> expected_version, Apply&& apply) {
    return run_command(context, actor_id, id, act, expected_version, std::forward<Apply>(apply),
                       [](transaction&) {});
}

} // namespace helpdesk::detail
