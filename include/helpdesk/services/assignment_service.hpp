#pragma once

#include <helpdesk/ids.hpp>
#include <helpdesk/ports/assignment_repository.hpp>

#include <string_view>
#include <vector>

namespace helpdesk {

class engine_context;

/// A staff member's availability for automatic assignment.
struct availability {
    account_id account = 0;  ///< the staff member
    bool available = false;  ///< taken into automatic assignment
    /// False while they never chose: coordinators are then available,
    /// System Admins are not.
    bool chosen = false;
};

/// Automatic assignment's settings (docs/product.md#automatic-assignment):
/// staff say whether they are available; System Admins set each
/// department's mode. Every call is one store transaction that checks the
/// policy first. Thread-safe.
class assignment_service {
public:
    /// Uses the context's store and catalogue; the context must outlive the service.
    explicit assignment_service(engine_context& context) : context_(context) {}

    /// Staff: the caller's availability.
    [[nodiscard]] availability my_availability(account_id actor);
    /// Staff: marks the caller available or away; answers with the new state.
    availability set_my_availability(account_id actor, bool available);

    /// System Admins: every configured department, in catalogue order, with
    /// its mode (none when never set) and previous automatic assignee.
    [[nodiscard]] std::vector<department_assignment> departments(account_id actor);
    /// System Admins: sets a configured department's mode (`none`,
    /// `round_robin`, `least_open`; field `mode` otherwise); not_found for a
    /// department the catalogue does not have. Answers with its setting.
    department_assignment set_mode(account_id actor, std::string_view department, std::string_view mode);

private:
    engine_context& context_;
};

} // namespace helpdesk
