#pragma once

#include <helpdesk/domain/account.hpp>
#include <helpdesk/domain/api_key.hpp>
#include <helpdesk/domain/ticket.hpp>
#include <helpdesk/error.hpp>
#include <helpdesk/rules/lifecycle.hpp>

#include <string>

namespace helpdesk {

/// Who is acting: taken from the account as stored at the time of the call.
struct actor {
    account_id id = 0;
    role actor_role = role::employee;
    account_status status = account_status::approved;
    bool active = true;  ///< false once deactivated: every action is refused
};

/// The policy's answer. When denied, `code` is `not_found` (the actor may not
/// even know the ticket exists), `permission_denied` or `invalid_state`, and
/// `reason` is a sentence fit for the caller.
struct decision {
    bool allowed = false;
    errc code = errc::permission_denied;
    std::string reason{};

    /// Throws `helpdesk::error{code, reason}` unless allowed.
    void enforce() const;
};

/// The one policy of docs/product.md#permissions: may `who` perform `act` on `subject`?
/// Ticket actions need a ticket (`subject` non-null); for `create`, the lists,
/// the stats and the account actions pass nullptr. Checks, in order: the actor
/// is approved and active; the ticket is visible (owner or staff, else not_found); the
/// role and ownership the action needs; the lifecycle allows the action from
/// the ticket's status. `workflow_update_status` is never a person's.
/// `view_account` and `view_account_image` need the account looked at: use
/// the overload below. Pure; thread-safe.
[[nodiscard]] decision can(const actor& who, action act, const ticket* subject);

/// May `who` perform `act` (`view_account`, `view_account_image`) on the
/// account `target`? The account itself and staff may; anyone else gets
/// not_found, as for a missing account. `view_account` also needs the actor
/// approved (checked first); `view_account_image` does not. Both need the
/// actor active. Pure; thread-safe.
[[nodiscard]] decision can(const actor& who, action act, account_id target);

/// May the workflow system, calling with `key` (already authenticated by the
/// caller), perform `act` on `subject`? Only `workflow_update_status`, on a
/// ticket that exists (not_found otherwise); which moves are allowed is the
/// lifecycle's edge check, made by the service with the requested status.
/// Pure; thread-safe.
[[nodiscard]] decision can(const api_key& key, action act, const ticket* subject);

} // namespace helpdesk
