#pragma once

#include <helpdesk/engine.hpp>

#include <optional>
#include <string_view>

namespace helpdesk::detail {

/// Gives `t` to `assignee`, as `ticket_service::assign` does: refuses
/// (invalid_argument, field `assigned_to`) unless the account is approved,
/// active staff; writes the `assigned` history row, moves Open to In
/// Progress, and tells the assignee (`ticket.assigned`). Does not store `t`.
void assign_ticket(transaction& tx, ticket& t, account_id actor, account_id assignee, time_point now);

/// True when `department` had a mode other than none when last committed:
/// read outside the approval's transaction, so that only approvals that may
/// rotate hold the rotations (`assignment_repository::hold_rotations`).
[[nodiscard]] bool department_rotates(engine_context& context, std::string_view department);

/// Applies `t`'s department's mode (docs/product.md#automatic-assignment):
/// chooses among its candidates after its previous automatic assignee,
/// records the choice, assigns `t` with `assign_ticket` and explains it in a
/// public comment ("Assigned by round robin."); with no one available, `t`
/// stays as it is and an internal comment says so. Mode none does nothing.
void assign_automatically(transaction& tx, ticket& t, account_id actor, time_point now);

} // namespace helpdesk::detail
