#pragma once

// Schema step 12 of the SQLite store, kept apart because migrations.cpp,
// which lists it, would otherwise pass 500 lines.

#include <string_view>

namespace helpdesk::sqlite::detail {

// Automatic assignment (docs/product.md#automatic-assignment): a department
// without a row has mode none (0) and no previous assignee; an account
// without a row never chose its availability (the role decides). The
// previous assignee is a plain id, as assigned_to is; a choice goes with a
// removed account.
constexpr std::string_view v12_automatic_assignment = R"sql(
CREATE TABLE department_assignment (
    department    TEXT    PRIMARY KEY,
    mode          INTEGER NOT NULL DEFAULT 0 CHECK (mode BETWEEN 0 AND 2),
    last_assignee INTEGER
);
CREATE TABLE staff_availability (
    account_id INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    available  INTEGER NOT NULL CHECK (available IN (0, 1))
);
)sql";

} // namespace helpdesk::sqlite::detail
