#pragma once

#include <helpdesk/ids.hpp>
#include <helpdesk/rules/assignment.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace helpdesk {

/// How one department hands out tickets (docs/product.md#automatic-assignment).
struct department_assignment {
    std::string department{};                  ///< a configured department's name
    assignment_mode mode = assignment_mode::none; ///< how its approved tickets are handed out
    std::optional<account_id> last_assignee{}; ///< its previous automatic assignee
};

/// Automatic assignment's state, seen through one open transaction: each
/// department's mode and previous automatic assignee (a department with no
/// stored row has mode none and no previous assignee), and the availability
/// staff chose for themselves (a coordinator who never chose is available, a
/// System Admin who never chose is not). An unreachable store throws
/// `error{errc::storage_unavailable}`. Used only by the thread that owns the
/// transaction.
class assignment_repository {
public:
    virtual ~assignment_repository() = default;

    /// Makes this write transaction wait until no other one holds the
    /// rotations, and holds them until it ends, so that approvals in several
    /// processes choose one after the other. Called before anything else in
    /// the transaction: what it reads afterwards includes every rotation
    /// committed before (PostgreSQL locks the settings table before the
    /// transaction takes its snapshot; SQLite runs one writer at a time).
    virtual void hold_rotations() = 0;
    /// The setting of `department`, its row created (mode none) when missing
    /// and reserved against other writers until the transaction ends
    /// (`SELECT ... FOR UPDATE`, or trivially when writers run one at a time).
    /// Write transactions only.
    [[nodiscard]] virtual department_assignment department_for_update(std::string_view department) = 0;
    /// Every stored department setting, by department name.
    [[nodiscard]] virtual std::vector<department_assignment> departments() = 0;
    /// Stores `department`'s mode (its previous assignee is kept).
    virtual void set_mode(std::string_view department, assignment_mode mode) = 0;
    /// Records `assignee` as `department`'s previous automatic assignee.
    virtual void set_last_assignee(std::string_view department, account_id assignee) = 0;

    /// Who may be given `department`'s tickets: its approved, active staff
    /// (accounts of that department) who are available, by id, each with the
    /// tickets assigned to them that are Open, In Progress, On Hold or
    /// Pending (counted through the tickets' index by assignee and status).
    [[nodiscard]] virtual std::vector<assignment_candidate> candidates(std::string_view department) = 0;
    /// The availability `id` chose; nullopt when it never chose.
    [[nodiscard]] virtual std::optional<bool> availability(account_id id) = 0;
    /// Stores `id`'s choice.
    virtual void set_availability(account_id id, bool available) = 0;
};

} // namespace helpdesk
