#include <helpdesk/rules/policy.hpp>

#include <string>

namespace helpdesk {
namespace {

enum class who_may { anyone, staff, owner, owner_or_staff, self_or_staff, system_admin, workflow_system };

who_may requirement(action act) noexcept {
    switch (act) {
    case action::create:
    case action::list_tickets:
    case action::view_stats:
    case action::update_profile:
    case action::check_password:
    case action::change_password:
    case action::set_image: return who_may::anyone;
    case action::view:
    case action::comment_public:
    case action::add_attachment: return who_may::owner_or_staff;
    case action::withdraw:
    case action::close:
    case action::reopen: return who_may::owner;
    case action::approve:
    case action::reject:
    case action::claim:
    case action::assign:
    case action::update_status:
    case action::finalize:
    case action::edit_ticket:
    case action::unassign:
    case action::comment_internal:
    case action::list_accounts:
    case action::use_ticket_queues:
    case action::use_canned_replies:
    case action::set_availability: return who_may::staff;
    case action::view_account:
    case action::view_account_image: return who_may::self_or_staff;
    case action::approve_account:
    case action::reject_account:
    case action::create_account:
    case action::change_role:
    case action::read_rejection_audit:
    case action::deactivate_account:
    case action::reactivate_account:
    case action::edit_account:
    case action::read_account_history:
    case action::manage_outbox:
    case action::manage_api_keys:
    case action::manage_sla: return who_may::system_admin;
    case action::manage_shared_canned_replies:
    case action::manage_assignment: return who_may::system_admin;
    case action::workflow_update_status: return who_may::workflow_system;
    }
    return who_may::system_admin;
}

/// Whether the actor must be approved. Looking at a profile picture is the
/// one thing that never asked (the account itself, or staff, whatever its state).
bool needs_approval(action act) noexcept { return act != action::view_account_image; }

decision allow() { return {true, errc::permission_denied, {}}; }
decision deny(errc code, std::string reason) { return {false, code, std::move(reason)}; }
decision not_approved() { return deny(errc::permission_denied, "the account is not approved"); }
decision deactivated() { return deny(errc::permission_denied, "the account is deactivated"); }

std::string denial_reason(who_may need, action act) {
    if (act == action::use_ticket_queues) {
        return "only staff may use the ticket queues";
    }
    if (act == action::use_canned_replies) {
        return "only staff may use canned replies";
    }
    if (act == action::edit_ticket) {
        return "only staff may change a ticket's priority, department, category or sub-category";
    }
    if (act == action::unassign) {
        return "only staff may give a ticket back to the queue";
    }
    if (act == action::manage_sla) {
        return "only a System Admin may read or change the SLA policy or re-apply it to a ticket";
    }
    if (act == action::manage_shared_canned_replies) {
        return "only a System Admin may create, change or delete a shared canned reply";
    }
    if (act == action::set_availability) {
        return "only coordinators and System Admins take part in automatic assignment";
    }
    if (act == action::manage_assignment) {
        return "only a System Admin may read or change how departments assign tickets";
    }
    const std::string name{to_string(act)};
    switch (need) {
    case who_may::staff: return "only staff may " + name + " here";
    case who_may::owner: return "only the ticket's owner may " + name + " it";
    case who_may::system_admin: return "only a System Admin may " + name;
    case who_may::workflow_system: return "only the workflow system may " + name;
    default: return "not allowed to " + name;
    }
}

} // namespace

void decision::enforce() const {
    if (!allowed) {
        throw error(code, reason);
    }
}

decision can(const actor& who, action act, const ticket* subject) {
    if (who.status != account_status::approved) {
        return not_approved();
    }
    if (!who.active) {
        return deactivated();
    }
    const bool staff = is_staff(who.actor_role);
    const who_may need = requirement(act);

    if (!is_ticket_action(act) || act == action::create) {
        const bool ok = need == who_may::anyone || (need == who_may::staff && staff) ||
                        (need == who_may::system_admin && who.actor_role == role::system_admin);
        return ok ? allow() : deny(errc::permission_denied, denial_reason(need, act));
    }

    if (subject == nullptr) {
        return deny(errc::not_found, "ticket not found");
    }
    const bool owner = subject->employee == who.id;
    // Another person's ticket does not exist as far as an employee can tell.
    if (!owner && !staff) {
        return deny(errc::not_found, "ticket not found");
    }
    const bool ok = (need == who_may::owner_or_staff) || (need == who_may::staff && staff) ||
                    (need == who_may::owner && owner);
    if (!ok) {
        return deny(errc::permission_denied, denial_reason(need, act));
    }
    if (!action_allowed_from(act, subject->status)) {
        return deny(errc::invalid_state, "cannot " + std::string{to_string(act)} + " a ticket that is " +
                                             std::string{to_string(subject->status)});
    }
    return allow();
}

decision can(const actor& who, action act, account_id target) {
    const who_may need = requirement(act);
    if (need != who_may::self_or_staff) {
        return can(who, act, nullptr);
    }
    if (needs_approval(act) && who.status != account_status::approved) {
        return not_approved();
    }
    // A deactivated account does nothing at all, not even look at pictures.
    if (!who.active) {
        return deactivated();
    }
    // Another person's account does not exist as far as an employee can tell.
    if (target != who.id && !is_staff(who.actor_role)) {
        return deny(errc::not_found, "account not found");
    }
    return allow();
}

decision can(const api_key&, action act, const ticket* subject) {
    if (requirement(act) != who_may::workflow_system) {
        return deny(errc::permission_denied, "the workflow system may not " + std::string{to_string(act)});
    }
    if (subject == nullptr) {
        return deny(errc::not_found, "ticket not found");
    }
    return allow();
}

} // namespace helpdesk
