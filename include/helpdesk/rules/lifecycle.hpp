#pragma once

#include <helpdesk/domain/ticket.hpp>

#include <optional>
#include <span>
#include <string_view>

namespace helpdesk {

/// Everything that can be done to (or with) a ticket, plus the account
/// administration actions that the policy also answers for.
enum class action {
    // ticket actions (docs/product.md#lifecycle)
    view, create, approve, reject, claim, assign, update_status, withdraw, close, reopen,
    comment_public, comment_internal, add_attachment, finalize,
    // changing an approved ticket's fields, and giving it back to the queue (docs/product.md#editing-a-ticket)
    edit_ticket, unassign,
    // account administration (docs/product.md#permissions)
    list_accounts, approve_account, reject_account, create_account, change_role, read_rejection_audit,
    deactivate_account, reactivate_account, edit_account, read_account_history,
    // operations (System Admins)
    manage_outbox, manage_api_keys, manage_sla,
    // reading tickets in bulk
    list_tickets, view_stats, use_ticket_queues,
    // the external workflow system (an API key, not a person)
    workflow_update_status,
    // an account's own settings, and looking at accounts
    update_profile, check_password, change_password, set_image, view_account, view_account_image,
    // canned replies (docs/product.md#canned-replies): one's own, and the shared ones
    use_canned_replies, manage_shared_canned_replies,
    // automatic assignment (docs/product.md#automatic-assignment): one's own
    // availability (staff), and each department's mode (System Admins)
    set_availability, manage_assignment,
};

/// Stable snake_case name of an action (`"update_status"`, ...).
[[nodiscard]] std::string_view to_string(action a) noexcept;

/// Every action, for tables and tests.
inline constexpr action all_actions[] = {
    action::view, action::create, action::approve, action::reject, action::claim,
    action::assign, action::update_status, action::withdraw, action::close, action::reopen,
    action::comment_public, action::comment_internal, action::add_attachment, action::finalize,
    action::edit_ticket, action::unassign,
    action::list_accounts, action::approve_account, action::reject_account,
    action::create_account, action::change_role, action::read_rejection_audit,
    action::deactivate_account, action::reactivate_account, action::edit_account, action::read_account_history,
    action::manage_outbox, action::manage_api_keys, action::manage_sla,
    action::list_tickets, action::view_stats, action::use_ticket_queues, action::workflow_update_status,
    action::update_profile, action::check_password, action::change_password, action::set_image,
    action::view_account, action::view_account_image,
    action::use_canned_replies, action::manage_shared_canned_replies,
    action::set_availability, action::manage_assignment};

/// True for the actions a person performs on one ticket (`create` included);
/// the rest concern accounts, lists of tickets or the workflow system.
[[nodiscard]] bool is_ticket_action(action a) noexcept;

/// One edge of the lifecycle: `act` takes a ticket in `from` to `to`.
/// Actions that leave the status unchanged have `to == from`.
struct transition {
    action act{};
    ticket_status from{};
    ticket_status to{};
};

/// The lifecycle of docs/product.md#lifecycle as data: every allowed (action, from, to). The
/// engine and its tests both read this table; nothing else encodes the edges.
[[nodiscard]] std::span<const transition> lifecycle_table() noexcept;

/// True when some edge of `act` leaves `from`.
[[nodiscard]] bool action_allowed_from(action act, ticket_status from) noexcept;

/// The status `act` leads to from `from`. For `update_status` the caller's
/// `requested` target must be an edge; other actions ignore `requested`.
/// nullopt when the table has no such edge.
[[nodiscard]] std::optional<ticket_status> lifecycle_target(
    action act, ticket_status from, std::optional<ticket_status> requested = std::nullopt) noexcept;

} // namespace helpdesk
