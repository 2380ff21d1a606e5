#pragma once

// The SQL of automatic assignment, written once for both stores (tables
// `department_assignment` and `staff_availability`). A store runs these
// statements with its own driver (sql/assignment_methods.inc).

#include <helpdesk/ports/assignment_repository.hpp>

#include "bindings.hpp"

#include <string_view>

namespace helpdesk::sql {

/// What a store adds to the shared statements so that a write transaction
/// reserves what it reads.
struct assignment_locking {
    /// Run first in a transaction to hold every rotation until it ends; empty
    /// when the store runs one writer at a time.
    std::string_view hold_rotations{};
    /// Appended to the read of a department's row (`" FOR UPDATE"`), or empty.
    std::string_view row_lock{};
};

/// The department setting in a row of `SELECT department, mode, last_assignee ...`.
template <class Row> [[nodiscard]] department_assignment read_department_assignment(const Row& row) {
    department_assignment d;
    d.department = row.text(0);
    d.mode = static_cast<assignment_mode>(row.int64(1));
    d.last_assignee = row.optional_int64(2);
    return d;
}

/// Creates `department`'s row (mode none) unless it exists; returns no rows.
[[nodiscard]] statement_text plan_department_row(std::string_view department, placeholder_style style);
/// `department`'s row, with `row_lock` appended: at most one row.
[[nodiscard]] statement_text plan_department_find(std::string_view department, std::string_view row_lock,
                                                  placeholder_style style);
/// Every stored department row, by name.
[[nodiscard]] statement_text plan_department_list();
/// Stores `department`'s mode, creating its row when missing.
[[nodiscard]] statement_text plan_department_mode(std::string_view department, assignment_mode mode,
                                                  placeholder_style style);
/// Stores `department`'s previous automatic assignee, creating its row when missing.
[[nodiscard]] statement_text plan_department_last_assignee(std::string_view department, account_id assignee,
                                                           placeholder_style style);
/// The available approved active staff of `department` by id, each with its
/// count of open tickets: rows of (id, count).
[[nodiscard]] statement_text plan_assignment_candidates(std::string_view department, placeholder_style style);
/// The availability `id` chose: at most one row of (available).
[[nodiscard]] statement_text plan_availability_find(account_id id, placeholder_style style);
/// Stores `id`'s availability.
[[nodiscard]] statement_text plan_availability_store(account_id id, bool available, placeholder_style style);

} // namespace helpdesk::sql
