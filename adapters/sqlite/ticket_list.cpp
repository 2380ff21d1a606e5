#include "ticket_list.hpp"

#include "fts_query.hpp"
#include "sql/ticket_list_plan.hpp"
#include "ticket_rows.hpp"

#include <string>
#include <variant>

namespace helpdesk::sqlite::detail {

namespace {

[[nodiscard]] std::string fts_condition(std::string_view placeholder) {
    return " AND id IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH " + std::string{placeholder} +
           ")";
}

// SQLite's whole-table ordering indexes serve a list without status filter,
// so only a filter of several statuses is split into branches.
constexpr sql::ticket_list_dialect dialect{.search_text = to_fts_query, .search_condition = fts_condition};

void bind_all(statement& query, const sql::statement_text& text) {
    for (const auto& v : text.values) {
        std::visit([&](const auto& x) { query.bind(x); }, v);
    }
}

} // namespace

ticket_page_result list_tickets(connection& db, const ticket_page_request& request) {
    const auto plan = sql::plan_ticket_list(request, dialect, sql::ticket_columns);
    ticket_page_result result;
    {
        auto query = db.prepare(plan.page.sql);
        bind_all(query, plan.page);
        while (query.step()) {
            result.rows.push_back(read_ticket(query));
        }
    }
    if (plan.count) {
        auto query = db.prepare(plan.count->sql);
        bind_all(query, *plan.count);
        result.count = query.step() ? query.column_int64(0) : 0;
    }
    return result;
}

} // namespace helpdesk::sqlite::detail
