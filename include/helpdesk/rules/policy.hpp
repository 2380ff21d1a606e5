#pragma once

#include <helpdesk/domain/account.hpp>
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

/// The one policy of spec §3: may `who` perform `act` on `subject`?
/// Ticket actions need a ticket (`subject` non-null); for `create` and the
/// account actions pass nullptr. Checks, in order: the actor is approved; the
/// ticket is visible (owner or staff, else not_found); the role and ownership
/// the action needs; the lifecycle allows the action from the ticket's status.
/// Pure; thread-safe.
[[nodiscard]] decision can(const actor& who, action act, const ticket* subject);

} // namespace helpdesk
