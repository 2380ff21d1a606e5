#include <helpdesk/rules/lifecycle.hpp>

#include <algorithm>
#include <array>

namespace helpdesk {
namespace {
using enum ticket_status;
using a = action;

// docs/product.md#lifecycle, edge by edge. Actions that keep the status list `from == to`.
constexpr transition table[] = {
    {a::approve, new_, open},
    {a::reject, new_, rejected},
    {a::claim, open, in_progress},

    {a::assign, open, in_progress},
    {a::assign, in_progress, in_progress},
    {a::assign, on_hold, on_hold},
    {a::assign, pending, pending},

    {a::update_status, open, in_progress},
    {a::update_status, open, on_hold},
    {a::update_status, open, pending},
    {a::update_status, in_progress, open},
    {a::update_status, in_progress, on_hold},
    {a::update_status, in_progress, pending},
    {a::update_status, on_hold, open},
    {a::update_status, on_hold, in_progress},
    {a::update_status, on_hold, pending},
    {a::update_status, pending, open},
    {a::update_status, pending, in_progress},
    {a::update_status, pending, on_hold},
    {a::update_status, in_progress, resolved},
    {a::update_status, on_hold, resolved},
    {a::update_status, pending, resolved},
    {a::update_status, resolved, closed},

    {a::withdraw, new_, withdrawn},
    {a::withdraw, open, withdrawn},
    {a::withdraw, in_progress, withdrawn},
    {a::withdraw, on_hold, withdrawn},
    {a::withdraw, pending, withdrawn},

    {a::close, resolved, closed},
    {a::reopen, resolved, in_progress},

    {a::finalize, open, open},
    {a::finalize, in_progress, in_progress},

    // Staff change an approved ticket's fields while it is not terminal (New
    // tickets get them at approval). Giving it back to the queue takes an In
    // Progress ticket to Open, since nobody works on it any more; the others
    // keep their status.
    {a::edit_ticket, open, open},
    {a::edit_ticket, in_progress, in_progress},
    {a::edit_ticket, on_hold, on_hold},
    {a::edit_ticket, pending, pending},
    {a::edit_ticket, resolved, resolved},
    {a::unassign, open, open},
    {a::unassign, in_progress, open},
    {a::unassign, on_hold, on_hold},
    {a::unassign, pending, pending},
    {a::unassign, resolved, resolved},

    // Comments and attachments: any non-terminal state. An owner's public
    // comment on Pending answers the question, so it moves to In Progress.
    {a::comment_public, new_, new_},
    {a::comment_public, open, open},
    {a::comment_public, in_progress, in_progress},
    {a::comment_public, on_hold, on_hold},
    {a::comment_public, pending, in_progress},
    {a::comment_public, resolved, resolved},
    {a::comment_internal, new_, new_},
    {a::comment_internal, open, open},
    {a::comment_internal, in_progress, in_progress},
    {a::comment_internal, on_hold, on_hold},
    {a::comment_internal, pending, pending},
    {a::comment_internal, resolved, resolved},
    {a::add_attachment, new_, new_},
    {a::add_attachment, open, open},
    {a::add_attachment, in_progress, in_progress},
    {a::add_attachment, on_hold, on_hold},
    {a::add_attachment, pending, pending},
    {a::add_attachment, resolved, resolved},

    // Anyone who may see a ticket may see it in every state.
    {a::view, new_, new_},
    {a::view, open, open},
    {a::view, in_progress, in_progress},
    {a::view, on_hold, on_hold},
    {a::view, pending, pending},
    {a::view, resolved, resolved},
    {a::view, closed, closed},
    {a::view, rejected, rejected},
    {a::view, withdrawn, withdrawn},
};

constexpr std::pair<action, std::string_view> action_names[] = {
    {a::view, "view"},
    {a::create, "create"},
    {a::approve, "approve"},
    {a::reject, "reject"},
    {a::claim, "claim"},
    {a::assign, "assign"},
    {a::update_status, "update_status"},
    {a::withdraw, "withdraw"},
    {a::close, "close"},
    {a::reopen, "reopen"},
    {a::comment_public, "comment_public"},
    {a::comment_internal, "comment_internal"},
    {a::add_attachment, "add_attachment"},
    {a::finalize, "finalize"},
    {a::edit_ticket, "edit_ticket"},
    {a::unassign, "unassign"},
    {a::list_accounts, "list_accounts"},
    {a::approve_account, "approve_account"},
    {a::reject_account, "reject_account"},
    {a::create_account, "create_account"},
    {a::change_role, "change_role"},
    {a::read_rejection_audit, "read_rejection_audit"},
    {a::deactivate_account, "deactivate_account"},
    {a::reactivate_account, "reactivate_account"},
    {a::edit_account, "edit_account"},
    {a::read_account_history, "read_account_history"},
    {a::manage_outbox, "manage_outbox"},
    {a::manage_api_keys, "manage_api_keys"},
    {a::manage_sla, "manage_sla"},
    {a::list_tickets, "list_tickets"},
    {a::view_stats, "view_stats"},
    {a::use_ticket_queues, "use_ticket_queues"},
    {a::workflow_update_status, "workflow_update_status"},
    {a::update_profile, "update_profile"},
    {a::check_password, "check_password"},
    {a::change_password, "change_password"},
    {a::set_image, "set_image"},
    {a::view_account, "view_account"},
    {a::view_account_image, "view_account_image"},
    {a::use_canned_replies, "use_canned_replies"},
    {a::manage_shared_canned_replies, "manage_shared_canned_replies"},
    {a::set_availability, "set_availability"},
    {a::manage_assignment, "manage_assignment"},
};
} // namespace

std::string_view to_string(action act) noexcept {
    for (const auto& [value, name] : action_names) {
        if (value == act) {
            return name;
        }
    }
    return "unknown";
}

bool is_ticket_action(action act) noexcept {
    switch (act) {
    case a::view:
    case a::create:
    case a::approve:
    case a::reject:
    case a::claim:
    case a::assign:
    case a::update_status:
    case a::withdraw:
    case a::close:
    case a::reopen:
    case a::comment_public:
    case a::comment_internal:
    case a::add_attachment:
    case a::finalize:
    case a::edit_ticket:
    case a::unassign:
        return true;
    // No default: a new action must be sorted here (-Wswitch), or it would
    // skip the ticket checks of `can` by being taken for an account action.
    case a::list_accounts:
    case a::approve_account:
    case a::reject_account:
    case a::create_account:
    case a::change_role:
    case a::read_rejection_audit:
    case a::deactivate_account:
    case a::reactivate_account:
    case a::edit_account:
    case a::read_account_history:
    case a::manage_outbox:
    case a::manage_api_keys:
    case a::manage_sla:
    case a::list_tickets:
    case a::view_stats:
    case a::use_ticket_queues:
    case a::workflow_update_status:
    case a::update_profile:
    case a::check_password:
    case a::change_password:
    case a::set_image:
    case a::view_account:
    case a::view_account_image:
    case a::use_canned_replies:
    case a::manage_shared_canned_replies:
    case a::set_availability:
    case a::manage_assignment:
        return false;
    }
    return false;
}

std::span<const transition> lifecycle_table() noexcept { return table; }

bool action_allowed_from(action act, ticket_status from) noexcept {
    return std::any_of(std::begin(table), std::end(table),
                       [&](const transition& t) { return t.act == act && t.from == from; });
}

std::optional<ticket_status> lifecycle_target(action act, ticket_status from,
                                              std::optional<ticket_status> requested) noexcept {
    for (const auto& t : table) {
        if (t.act != act || t.from != from) {
            continue;
        }
        if (act == a::update_status) {
            if (requested && *requested == t.to) {
                return t.to;
            }
            continue;
        }
        return t.to;
    }
    return std::nullopt;
}

} // namespace helpdesk
