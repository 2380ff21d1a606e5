#include "services/tickets/ticket_assignment.hpp"

#include "services/service_support.hpp"
#include "services/ticket_support.hpp"

#include <algorithm>
#include <string>

namespace helpdesk::detail {
namespace {

/// How the explanations name a mode: "round robin", "least open tickets".
std::string mode_words(assignment_mode mode) {
    return mode == assignment_mode::least_open ? "least open tickets" : "round robin";
}

} // namespace

void assign_ticket(transaction& tx, ticket& t, account_id actor, account_id assignee, time_point now) {
    const auto target = tx.accounts().find(assignee);
    if (!target || !is_staff(target->account_role) || target->status != account_status::approved ||
        !target->is_active) {
        throw error(errc::invalid_argument, "tickets can be assigned to approved, active staff only",
                    {{"assigned_to", {"Choose an approved, active coordinator or admin."}}});
    }
    const auto previous = t.assigned_to;
    t.assigned_to = assignee;
    record_history(tx, t, actor, now, history_kind::assigned,
                   previous ? std::optional{std::to_string(*previous)} : std::nullopt, std::to_string(assignee));
    const auto from = t.status;
    const auto to = *lifecycle_target(action::assign, from);
    if (to != from) {
        move_status(tx, t, actor, to, now);
        record_status_changed(tx, t, actor, from, now);
    }
    record_event(tx, now, event_kind::ticket_assigned, assignee, t.id, ticket_payload(t, actor));
}

bool department_rotates(engine_context& context, std::string_view department) {
    const auto stored = in_read_transaction(context, [](transaction& tx) { return tx.assignments().departments(); });
    return std::ranges::any_of(stored, [&](const department_assignment& d) {
        return d.department == department && d.mode != assignment_mode::none;
    });
}

void assign_automatically(transaction& tx, ticket& t, account_id actor, time_point now) {
    auto& assignments = tx.assignments();
    const auto setting = assignments.department_for_update(t.department);
    if (setting.mode == assignment_mode::none) {
        return;
    }
    const auto candidates = assignments.candidates(t.department);
    const auto chosen = choose_assignee(setting.mode, candidates, setting.last_assignee);
    if (!chosen) {
        record_comment(tx, t, now,
                       {.author = actor,
                        .text = "No one in " + t.department + " was available for automatic assignment (" +
                                mode_words(setting.mode) + "): the ticket waits in the Open queue.",
                        .internal = true,
                        .in_history = false});
        return;
    }
    assignments.set_last_assignee(t.department, *chosen);
    assign_ticket(tx, t, actor, *chosen, now);
    record_comment(tx, t, now,
                   {.author = actor, .text = "Assigned by " + mode_words(setting.mode) + ".", .in_history = false});
}

} // namespace helpdesk::detail
