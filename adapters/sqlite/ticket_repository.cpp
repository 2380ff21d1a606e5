// The FTS index and the stats aggregate follow ticket writes through triggers
// in the same transaction.
#include "repositories.hpp"
#include "ticket_list.hpp"
#include "ticket_rows.hpp"
#include "ticket_stats.hpp"

#include <string>

namespace helpdesk::sqlite::detail {

std::int64_t ticket_repository::next_ticket_sequence() { return next_sequence_value(db(), "ticket"); }

void ticket_repository::insert(ticket& t) {
    auto query = db().prepare(
        "INSERT INTO tickets (ticket_number, employee, subject, category, sub_category, description, "
        "scheduled_date, priority, department, status, assigned_to, submit_date, update_date, response_seconds, "
        "resolution_seconds, time_closed, rejection_reason, finalized, version) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    query.bind(t.ticket_number, t.employee, t.subject, t.category, t.sub_category, t.description, t.scheduled_date,
               t.ticket_priority, t.department, t.status, t.assigned_to, t.submit_date, t.update_date,
               t.response_seconds, t.resolution_seconds, t.time_closed, t.rejection_reason, t.finalized, t.version);
    query.run();
    t.id = query.last_insert_rowid();
}

bool ticket_repository::update(const ticket& t, std::int64_t expected_version) {
    auto query = db().prepare(
        "UPDATE tickets SET ticket_number = ?, employee = ?, subject = ?, category = ?, sub_category = ?, "
        "description = ?, scheduled_date = ?, priority = ?, department = ?, status = ?, assigned_to = ?, "
        "submit_date = ?, update_date = ?, response_seconds = ?, resolution_seconds = ?, time_closed = ?, "
        "rejection_reason = ?, finalized = ?, version = ? WHERE id = ? AND version = ?");
    query.bind(t.ticket_number, t.employee, t.subject, t.category, t.sub_category, t.description, t.scheduled_date,
               t.ticket_priority, t.department, t.status, t.assigned_to, t.submit_date, t.update_date,
               t.response_seconds, t.resolution_seconds, t.time_closed, t.rejection_reason, t.finalized, t.version,
               t.id, expected_version);
    query.run();
    return query.changes() == 1;
}

std::optional<ticket> ticket_repository::find(ticket_id id) {
    static const std::string sql = "SELECT " + std::string{ticket_columns} + " FROM tickets WHERE id = ?";
    auto query = db().prepare(sql);
    query.bind(id);
    if (!query.step()) {
        return std::nullopt;
    }
    return read_ticket(query);
}

std::optional<ticket> ticket_repository::find_by_number(std::string_view number) {
    static const std::string sql = "SELECT " + std::string{ticket_columns} + " FROM tickets WHERE ticket_number = ?";
    auto query = db().prepare(sql);
    query.bind(number);
    if (!query.step()) {
        return std::nullopt;
    }
    return read_ticket(query);
}

ticket_page_result ticket_repository::list(const ticket_page_request& request) { return list_tickets(db(), request); }

ticket_stats ticket_repository::stats(std::optional<account_id> employee) { return read_ticket_stats(db(), employee); }

} // namespace helpdesk::sqlite::detail
