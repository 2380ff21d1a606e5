#include <helpdesk/rules/ticket_actions.hpp>

#include <algorithm>

namespace helpdesk {

ticket_permissions permitted_actions(const actor& who, const ticket& t) {
    ticket_permissions out;
    for (const auto act : offerable_ticket_actions) {
        if ((act == action::finalize && t.finalized) || (act == action::unassign && !t.assigned_to)) {
            continue;
        }
        if (can(who, act, &t).allowed) {
            out.actions.push_back(act);
        }
    }
    const bool may_update = std::find(out.actions.begin(), out.actions.end(), action::update_status) != out.actions.end();
    if (may_update) {
        // Lifecycle order, each target once (the table lists edges per source).
        for (const auto to : all_ticket_statuses) {
            if (lifecycle_target(action::update_status, t.status, to)) {
                out.status_targets.push_back(to);
            }
        }
    }
    return out;
}

std::string_view client_action_name(action act) noexcept {
    switch (act) {
    case action::comment_public: return "comment";
    case action::add_attachment: return "attach";
    default: return to_string(act);
    }
}

} // namespace helpdesk
