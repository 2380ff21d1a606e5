#include "assignment_sql.hpp"

#include <helpdesk/domain/account.hpp>
#include <helpdesk/domain/ticket.hpp>

#include <utility>

namespace helpdesk::sql {

namespace {

constexpr std::string_view department_columns = "department, mode, last_assignee";

/// Stores one column of `department`'s row, creating the row when missing.
statement_text plan_department_column(std::string_view department, std::string_view column, std::int64_t value,
                                      placeholder_style style) {
    bindings b{style};
    const std::string name{column};
    std::string sql = "INSERT INTO department_assignment (department, " + name + ") VALUES (" + b.add(department);
    sql += ", " + b.add(value);
    sql += ") ON CONFLICT (department) DO UPDATE SET " + name + " = excluded." + name;
    return {std::move(sql), b.values()};
}

} // namespace

statement_text plan_department_row(std::string_view department, placeholder_style style) {
    bindings b{style};
    std::string sql = "INSERT INTO department_assignment (department) VALUES (" + b.add(department) +
                      ") ON CONFLICT (department) DO NOTHING";
    return {std::move(sql), b.values()};
}

statement_text plan_department_find(std::string_view department, std::string_view row_lock,
                                    placeholder_style style) {
    bindings b{style};
    std::string sql = "SELECT " + std::string{department_columns} +
                      " FROM department_assignment WHERE department = " + b.add(department);
    sql += row_lock;
    return {std::move(sql), b.values()};
}

statement_text plan_department_list() {
    return {"SELECT " + std::string{department_columns} + " FROM department_assignment ORDER BY department", {}};
}

statement_text plan_department_mode(std::string_view department, assignment_mode mode, placeholder_style style) {
    return plan_department_column(department, "mode", static_cast<std::int64_t>(mode), style);
}

statement_text plan_department_last_assignee(std::string_view department, account_id assignee,
                                             placeholder_style style) {
    return plan_department_column(department, "last_assignee", assignee, style);
}

statement_text plan_assignment_candidates(std::string_view department, placeholder_style style) {
    bindings b{style};
    // The count runs on tickets_by_assignee (assigned_to, status, ...): one
    // range per candidate and open status, never a scan of all tickets.
    std::string sql = "SELECT a.id, (SELECT count(*) FROM tickets t WHERE t.assigned_to = a.id AND t.status IN (";
    // One value a statement: the order of `+`'s operands is unspecified, and
    // SQLite's placeholders are positional.
    const char* separator = "";
    for (const auto open : {ticket_status::open, ticket_status::in_progress, ticket_status::on_hold,
                            ticket_status::pending}) {
        sql += separator;
        sql += b.add(open);
        separator = ", ";
    }
    sql += ")) FROM accounts a LEFT JOIN staff_availability s ON s.account_id = a.id WHERE a.department = ";
    sql += b.add(department);
    sql += " AND a.status = ";
    sql += b.add(account_status::approved);
    sql += " AND a.is_active AND a.role IN (";
    sql += b.add(role::ticket_coordinator);
    sql += ", ";
    sql += b.add(role::system_admin);
    // Who never chose: coordinators are available, System Admins are not.
    sql += ") AND COALESCE(s.available, a.role = ";
    sql += b.add(role::ticket_coordinator);
    sql += ") ORDER BY a.id";
    return {std::move(sql), b.values()};
}

statement_text plan_availability_find(account_id id, placeholder_style style) {
    bindings b{style};
    std::string sql = "SELECT available FROM staff_availability WHERE account_id = " + b.add(id);
    return {std::move(sql), b.values()};
}

statement_text plan_availability_store(account_id id, bool available, placeholder_style style) {
    bindings b{style};
    // Compared in SQL, so that each store writes its own boolean.
    std::string sql = "INSERT INTO staff_availability (account_id, available) VALUES (" + b.add(id);
    sql += ", " + b.add(std::int64_t{available ? 1 : 0}) + " = 1)";
    sql += " ON CONFLICT (account_id) DO UPDATE SET available = excluded.available";
    return {std::move(sql), b.values()};
}

} // namespace helpdesk::sql
