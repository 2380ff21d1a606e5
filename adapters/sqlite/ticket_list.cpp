#include "ticket_list.hpp"

#include "fts_query.hpp"
#include "list_runner.hpp"
#include "sql/ticket_list_plan.hpp"
#include "ticket_rows.hpp"

#include <string>

namespace helpdesk::sqlite::detail {

namespace {

[[nodiscard]] std::string fts_condition(std::string_view placeholder) {
    return " AND id IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH " + std::string{placeholder} +
           ")";
}

// SQLite's whole-table ordering indexes serve a list without status filter,
// so only a filter of several statuses is split into branches.
constexpr sql::ticket_list_dialect dialect{
    .search_text = to_fts_query, .search_condition = fts_condition, .breached_in_submission_order = true};

} // namespace

ticket_page_result list_tickets(connection& db, const ticket_page_request& request) {
    return run_list<ticket>(db, sql::plan_ticket_list(request, dialect, sql::ticket_columns),
                            sql::read_ticket<row_view>);
}

} // namespace helpdesk::sqlite::detail
