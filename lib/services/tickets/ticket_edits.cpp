// Staff editing an approved ticket: priority, department, category and
// sub-category, and giving it back to the queue, as one change.
#include "services/tickets/ticket_change.hpp"
#include "services/tickets/ticket_input.hpp"

#include <helpdesk/services/ticket_service.hpp>

namespace helpdesk {
namespace {
using detail::field_checker;

/// The request's values as checked before the transaction opens; what
/// depends on the ticket (the category pair) is checked once it is read.
struct checked_edit {
    field_checker check{};
    std::optional<priority> level{};
    std::optional<std::string> department{};
    std::optional<std::string> category{};
    std::optional<std::string> sub_category{};
};

checked_edit check_edit(const edit_ticket_request& r, const catalog& choices) {
    checked_edit out;
    auto& check = out.check;
    if (r.priority) {
        out.level = detail::check_priority(check, *r.priority);
    }
    if (r.department) {
        out.department = detail::check_department(check, *r.department, choices);
    }
    if (r.category) {
        out.category = detail::check_category_name(check, "category", *r.category);
    }
    if (r.sub_category) {
        out.sub_category = detail::check_category_name(check, "sub_category", *r.sub_category);
    }
    return out;
}

/// Sets `field` to `value` when it differs, with its history row; true when it changed.
bool change_text(transaction& tx, ticket& t, account_id actor, time_point now, history_kind kind,
                 std::string& field, const std::optional<std::string>& value) {
    if (!value || *value == field) {
        return false;
    }
    detail::record_history(tx, t, actor, now, kind, field, *value);
    field = *value;
    return true;
}

} // namespace

ticket_details ticket_service::edit(account_id actor_id, ticket_id id, const edit_ticket_request& r,
                                    std::optional<std::int64_t> expected_version) {
    auto checked = check_edit(r, context_.options().choices);
    const auto now = context_.time_source().now();
    return detail::in_write_transaction(context_, [&](transaction& tx) {
        auto change = detail::begin_change(tx, actor_id, id, action::edit_ticket, expected_version);
        auto& t = change.item;
        const auto& who = change.who;
        auto check = checked.check; // a re-run after a lost race starts from the same findings
        if (checked.category || checked.sub_category) {
            detail::check_category_pair(check, checked.category.value_or(t.category),
                                        checked.sub_category.value_or(t.sub_category), context_.options().choices);
        }
        check.throw_if_failed();
        const bool unassigning = r.unassign && t.assigned_to;
        if (unassigning) {
            can(who, action::unassign, &t).enforce();
        }

        const auto old_priority = t.ticket_priority;
        const auto old_department = t.department;
        bool changed = false;
        if (checked.level && *checked.level != t.ticket_priority) {
            detail::record_history(tx, t, who.id, now, history_kind::priority_changed,
                                   std::string{to_string(t.ticket_priority)}, std::string{to_string(*checked.level)});
            t.ticket_priority = *checked.level;
            changed = true;
        }
        changed |= change_text(tx, t, who.id, now, history_kind::department_changed, t.department, checked.department);
        changed |= change_text(tx, t, who.id, now, history_kind::category_changed, t.category, checked.category);
        changed |= change_text(tx, t, who.id, now, history_kind::sub_category_changed, t.sub_category,
                               checked.sub_category);
        const auto from = t.status;
        if (unassigning) {
            (void)detail::unassign(tx, t, who.id, now);
            if (t.status != from) {
                detail::record_comment(tx, t, now,
                                       {.author = who.id,
                                        .text = "Returned to the queue. Status changed from " +
                                                std::string{to_string(from)} + " to " +
                                                std::string{to_string(t.status)} + ".",
                                        .in_history = false});
            }
            changed = true;
        }
        if (!changed) { // nothing to write: no version, no history, no notice
            return detail::details_for(tx, t, who, now);
        }
        detail::save(context_, tx, change, now, expected_version);
        if (t.ticket_priority != old_priority || t.department != old_department) {
            detail::record_event(tx, now, event_kind::ticket_updated, t.employee, t.id,
                                 detail::ticket_payload(t, who.id,
                                                        {{"old_priority", std::string{to_string(old_priority)}},
                                                         {"old_department", old_department}}));
        }
        if (t.status != from) {
            detail::record_status_changed(tx, t, who.id, from, now);
        }
        return detail::details_for(tx, t, who, now);
    });
}

} // namespace helpdesk
