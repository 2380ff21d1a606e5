#pragma once

#include <helpdesk/domain/ticket.hpp>
#include <helpdesk/rules/lifecycle.hpp>
#include <helpdesk/rules/policy.hpp>

#include <span>
#include <string_view>
#include <vector>

namespace helpdesk {

/// The ticket actions a client can offer as buttons, in this order: the
/// lifecycle actions, comments, files, finalize, editing the fields and
/// unassigning (`view` and `create` are not actions on a shown ticket).
inline constexpr action offerable_ticket_actions[] = {
    action::approve,  action::reject, action::claim,          action::assign,           action::update_status,
    action::withdraw, action::close,  action::reopen,         action::comment_public,   action::comment_internal,
    action::add_attachment, action::finalize, action::edit_ticket, action::unassign};

/// What an actor may do to a ticket now.
struct ticket_permissions {
    /// Allowed actions, in `offerable_ticket_actions` order.
    std::vector<action> actions{};
    /// The statuses `update_status` may move the ticket to, in lifecycle
    /// order; empty when `update_status` is not allowed.
    std::vector<ticket_status> status_targets{};
};

/// The actions of `offerable_ticket_actions` that `can(who, act, &t)` allows,
/// with the update-status edges of the lifecycle table from `t.status`. Two
/// rules on top of the policy: `finalize` is left out once `t.finalized` (a
/// second finalize changes nothing), and `unassign` while nobody is assigned
/// (there is nothing to give back). Pure; thread-safe.
[[nodiscard]] ticket_permissions permitted_actions(const actor& who, const ticket& t);

/// The name clients see for an action: `comment` for `comment_public`,
/// `attach` for `add_attachment`, otherwise `to_string(act)`.
[[nodiscard]] std::string_view client_action_name(action act) noexcept;

} // namespace helpdesk
