// The lifecycle commands: each moves a ticket along an edge of the lifecycle
// table and answers with its detail view, in one transaction.
#include "services/tickets/ticket_assignment.hpp"
#include "services/tickets/ticket_change.hpp"
#include "services/tickets/ticket_input.hpp"

#include <helpdesk/services/ticket_service.hpp>

namespace helpdesk {
namespace {
using detail::field_checker;

/// Applies an update-status edge, recording the change as a public comment
/// that names its `source`.
void apply_status_update(transaction& tx, ticket& t, std::optional<account_id> actor, ticket_status to,
                         const std::optional<std::string>& note, time_point now, std::string_view source) {
    const auto from = t.status;
    if (!lifecycle_target(action::update_status, from, to)) {
        throw error(errc::invalid_state, "cannot move a ticket from " + std::string{to_string(from)} + " to " +
                                             std::string{to_string(to)});
    }
    detail::move_status(tx, t, actor, to, now);
    detail::record_comment(tx, t, now,
                           {.author = actor,
                            .text = "Status changed from " + std::string{to_string(from)} + " to " +
                                    std::string{to_string(to)} + std::string{source} + ".",
                            .in_history = false});
    if (note) {
        detail::record_comment(tx, t, now, {.author = actor, .text = *note});
    }
    detail::record_status_changed(tx, t, actor, from, now);
}

/// The owner ends a ticket (withdraw: from any open state; close: once
/// resolved), with an optional comment. A close is announced as such; a
/// withdrawal as a status change.
ticket_details owner_closes(engine_context& context, account_id actor_id, ticket_id id, action act,
                            std::optional<std::string_view> note, std::optional<std::int64_t> expected_version) {
    field_checker check;
    const auto text = detail::optional_note(check, note);
    check.throw_if_failed();
    return detail::run_command(context, actor_id, id, act, expected_version,
                               [&](transaction& tx, const actor& who, ticket& t, time_point now) {
                                   const auto from = t.status;
                                   detail::move_status(tx, t, who.id, *lifecycle_target(act, from), now);
                                   if (text) {
                                       detail::record_comment(tx, t, now, {.author = who.id, .text = *text});
                                   }
                                   if (act == action::close) {
                                       detail::record_event(tx, now, event_kind::ticket_closed, t.employee, t.id,
                                                            detail::ticket_payload(t, who.id));
                                   } else {
                                       detail::record_status_changed(tx, t, who.id, from, now);
                                   }
                               });
}

} // namespace

ticket_details ticket_service::approve(account_id actor_id, ticket_id id, const approve_request& r,
                                       std::optional<std::int64_t> expected_version) {
    field_checker check;
    const auto level = detail::check_priority(check, r.priority);
    const auto department = detail::check_department(check, r.department, context_.options().choices);
    const auto notes = detail::optional_note(check, r.approval_notes);
    // Only an approval that may rotate waits for the others (ticket_assignment.hpp).
    const bool rotates = !r.assigned_to && check.ok() && detail::department_rotates(context_, department);
    return detail::run_command(
        context_, actor_id, id, action::approve, expected_version,
        [&](transaction& tx, const actor& who, ticket& t, time_point now) {
            check.throw_if_failed();
            if (t.ticket_priority != *level) {
                detail::record_history(tx, t, who.id, now, history_kind::priority_changed,
                                       std::string{to_string(t.ticket_priority)}, std::string{to_string(*level)});
            }
            if (t.department != department) {
                detail::record_history(tx, t, who.id, now, history_kind::department_changed, t.department, department);
            }
            t.ticket_priority = *level;
            t.department = department;
            detail::note_staff_response(t, now);
            detail::move_status(tx, t, who.id, ticket_status::open, now);
            if (notes) {
                detail::record_comment(tx, t, now, {.author = who.id, .text = *notes, .internal = true});
            }
            detail::record_event(tx, now, event_kind::ticket_approved, t.employee, t.id, detail::ticket_payload(t, who.id));
            if (r.assigned_to) {
                detail::assign_ticket(tx, t, who.id, *r.assigned_to, now);
            } else if (rotates) {
                detail::assign_automatically(tx, t, who.id, now);
            }
        },
        [&](transaction& tx) {
            if (rotates) {
                tx.assignments().hold_rotations();
            }
        });
}

ticket_details ticket_service::reject(account_id actor_id, ticket_id id, std::string_view reason,
                                      std::optional<std::int64_t> expected_version) {
    field_checker check;
    const auto why = check.text("rejection_reason", reason, detail::max_ticket_text);
    return detail::run_command(
        context_, actor_id, id, action::reject, expected_version,
        [&](transaction& tx, const actor& who, ticket& t, time_point now) {
            check.throw_if_failed();
            t.rejection_reason = why;
            detail::note_staff_response(t, now);
            detail::move_status(tx, t, who.id, ticket_status::rejected, now);
            detail::record_comment(tx, t, now,
                                   {.author = who.id, .text = "Rejected: " + why, .internal = true, .in_history = false});
            detail::record_event(tx, now, event_kind::ticket_rejected, t.employee, t.id,
                                 detail::ticket_payload(t, who.id, {{"reason", why}}));
        });
}

ticket_details ticket_service::claim(account_id actor_id, ticket_id id, std::optional<std::int64_t> expected_version) {
    return detail::run_command(context_, actor_id, id, action::claim, expected_version,
                               [&](transaction& tx, const actor& who, ticket& t, time_point now) {
                                   const auto from = t.status;
                                   t.assigned_to = who.id;
                                   detail::record_history(tx, t, who.id, now, history_kind::assigned, std::nullopt,
                                                          std::to_string(who.id));
                                   detail::note_staff_response(t, now);
                                   detail::move_status(tx, t, who.id, *lifecycle_target(action::claim, from), now);
                                   detail::record_status_changed(tx, t, who.id, from, now);
                               });
}

ticket_details ticket_service::assign(account_id actor_id, ticket_id id, account_id assignee,
                                      std::optional<std::int64_t> expected_version) {
    return detail::run_command(context_, actor_id, id, action::assign, expected_version,
                               [&](transaction& tx, const actor& who, ticket& t, time_point now) {
                                   detail::assign_ticket(tx, t, who.id, assignee, now);
                               });
}

ticket_details ticket_service::update_status(account_id actor_id, ticket_id id, std::string_view new_status,
                                             std::optional<std::string_view> note,
                                             std::optional<std::int64_t> expected_version) {
    const auto to = detail::parse_target_status(new_status);
    field_checker check;
    const auto text = detail::optional_note(check, note);
    check.throw_if_failed();
    return detail::run_command(context_, actor_id, id, action::update_status, expected_version,
                               [&](transaction& tx, const actor& who, ticket& t, time_point now) {
                                   apply_status_update(tx, t, who.id, to, text, now, "");
                               });
}

ticket_details ticket_service::workflow_update_status(const api_key& via, std::string_view ticket_number,
                                                      std::string_view new_status,
                                                      std::optional<std::string_view> note) {
    const auto to = detail::parse_target_status(new_status);
    field_checker check;
    const auto text = detail::optional_note(check, note);
    check.throw_if_failed();
    const auto now = context_.time_source().now();
    return detail::in_write_transaction(context_, [&](transaction& tx) {
        const auto found = tx.tickets().find_by_number(detail::trim(ticket_number));
        can(via, action::workflow_update_status, found ? &*found : nullptr).enforce();
        detail::ticket_change change{.who = {},
                                     .item = *found,
                                     .version_before = found->version,
                                     .sla_before = detail::sla_inputs_of(*found)};
        apply_status_update(tx, change.item, std::nullopt, to, text, now,
                            " by the workflow system (key " + via.name + ")");
        detail::save(context_, tx, change, now, std::nullopt);
        // The caller is a system, not a person: it is shown what the owner sees.
        return detail::load_details(tx, change.item, false, now);
    });
}

ticket_details ticket_service::withdraw(account_id actor_id, ticket_id id, std::optional<std::string_view> note,
                                        std::optional<std::int64_t> expected_version) {
    return owner_closes(context_, actor_id, id, action::withdraw, note, expected_version);
}

ticket_details ticket_service::close(account_id actor_id, ticket_id id, std::optional<std::string_view> note,
                                     std::optional<std::int64_t> expected_version) {
    return owner_closes(context_, actor_id, id, action::close, note, expected_version);
}

ticket_details ticket_service::reopen(account_id actor_id, ticket_id id, std::string_view note,
                                      std::optional<std::int64_t> expected_version) {
    field_checker check;
    const auto text = check.text("comment", note, detail::max_ticket_text);
    return detail::run_command(context_, actor_id, id, action::reopen, expected_version,
                               [&](transaction& tx, const actor& who, ticket& t, time_point now) {
                                   check.throw_if_failed();
                                   const auto from = t.status;
                                   detail::move_status(tx, t, who.id, *lifecycle_target(action::reopen, from), now);
                                   detail::record_comment(tx, t, now, {.author = who.id, .text = text});
                                   detail::record_status_changed(tx, t, who.id, from, now);
                               });
}

ticket_details ticket_service::finalize(account_id actor_id, ticket_id id,
                                        std::optional<std::int64_t> expected_version) {
    const auto now = context_.time_source().now();
    return detail::in_write_transaction(context_, [&](transaction& tx) {
        auto change = detail::begin_change(tx, actor_id, id, action::finalize, expected_version);
        auto& t = change.item;
        if (!t.finalized) { // a second finalize changes nothing and pushes nothing
            t.finalized = true;
            detail::record_history(tx, t, change.who.id, now, history_kind::finalized);
            detail::record_event(tx, now, event_kind::ticket_finalized, t.employee, t.id,
                                 detail::ticket_payload(t, change.who.id));
            detail::save(context_, tx, change, now, expected_version);
        }
        return detail::details_for(tx, t, change.who, now);
    });
}

} // namespace helpdesk
