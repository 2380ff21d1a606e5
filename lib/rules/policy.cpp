#include <helpdesk/rules/policy.hpp>

#include <string>

namespace helpdesk {
namespace {

enum class who_may { anyone, staff, owner, owner_or_staff, system_admin };

who_may requirement(action act) noexcept {
    switch (act) {
    case action::create: return who_may::anyone;
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
    case action::comment_internal:
    case action::list_accounts: return who_may::staff;
    case action::approve_account:
    case action::reject_account:
    case action::create_account:
    case action::change_role:
    case action::read_rejection_audit:
    case action::manage_outbox:
    case action::manage_api_keys: return who_may::system_admin;
    }
    return who_may::system_admin;
}

decision allow() { return {true, errc::permission_denied, {}}; }
decision deny(errc code, std::string reason) { return {false, code, std::move(reason)}; }

std::string denial_reason(who_may need, action act) {
    const std::string name{to_string(act)};
    switch (need) {
    case who_may::staff: return "only staff may " + name + " here";
    case who_may::owner: return "only the ticket's owner may " + name + " it";
    case who_may::system_admin: return "only a System Admin may " + name;
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
        return deny(errc::permission_denied, "the account is not approved");
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

} // namespace helpdesk
