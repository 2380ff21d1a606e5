#include <helpdesk/services/assignment_service.hpp>

#include <helpdesk/engine.hpp>

#include "services/service_support.hpp"

#include <algorithm>
#include <string>

namespace helpdesk {
namespace {

/// The caller as stored, allowed to `act`.
actor allowed(transaction& tx, account_id id, action act) {
    const auto who = detail::load_actor(tx, id);
    can(who, act, nullptr).enforce();
    return who;
}

availability availability_of(transaction& tx, const actor& who) {
    const auto chosen = tx.assignments().availability(who.id);
    return {.account = who.id,
            .available = chosen.value_or(who.actor_role == role::ticket_coordinator),
            .chosen = chosen.has_value()};
}

/// `department`'s setting among `stored`; mode none when it has none.
department_assignment setting_of(const std::vector<department_assignment>& stored, std::string_view department) {
    const auto found = std::ranges::find(stored, department, &department_assignment::department);
    return found != stored.end() ? *found : department_assignment{.department = std::string{department}};
}

} // namespace

availability assignment_service::my_availability(account_id actor_id) {
    return detail::in_read_transaction(context_, [&](transaction& tx) {
        return availability_of(tx, allowed(tx, actor_id, action::set_availability));
    });
}

availability assignment_service::set_my_availability(account_id actor_id, bool available) {
    return detail::in_write_transaction(context_, [&](transaction& tx) {
        const auto who = allowed(tx, actor_id, action::set_availability);
        tx.assignments().set_availability(who.id, available);
        return availability{.account = who.id, .available = available, .chosen = true};
    });
}

std::vector<department_assignment> assignment_service::departments(account_id actor_id) {
    return detail::in_read_transaction(context_, [&](transaction& tx) {
        (void)allowed(tx, actor_id, action::manage_assignment);
        const auto stored = tx.assignments().departments();
        std::vector<department_assignment> all;
        for (const auto& name : context_.options().choices.departments) {
            all.push_back(setting_of(stored, name));
        }
        return all;
    });
}

department_assignment assignment_service::set_mode(account_id actor_id, std::string_view department,
                                                   std::string_view mode) {
    const auto parsed = parse_assignment_mode(mode);
    return detail::in_write_transaction(context_, [&](transaction& tx) {
        (void)allowed(tx, actor_id, action::manage_assignment);
        if (!context_.options().choices.has_department(department)) {
            throw error(errc::not_found, "department not found");
        }
        if (!parsed) {
            throw error(errc::invalid_argument, "unknown assignment mode",
                        {{"mode", {"Select a valid choice: none, round_robin or least_open."}}});
        }
        tx.assignments().set_mode(department, *parsed);
        return setting_of(tx.assignments().departments(), department);
    });
}

} // namespace helpdesk
