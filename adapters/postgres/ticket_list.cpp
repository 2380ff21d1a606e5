#include "ticket_list.hpp"

#include "list_runner.hpp"
#include "sql/ticket_list_plan.hpp"
#include "ticket_rows.hpp"
#include "tsquery.hpp"

#include <string>

namespace helpdesk::postgres::detail {

namespace {

// The matching ids are collected first through the GIN index (an init plan,
// run once): left as a plain filter, the planner guesses a prefix match is
// common and walks an ordering index instead, testing every row (170 ms for a
// 100-hit search at 1 M tickets). The query text is folded like the stored
// vector (see migrations).
[[nodiscard]] std::string search_condition(std::string_view placeholder) {
    return " AND id = ANY(ARRAY(SELECT id FROM tickets WHERE search @@ to_tsquery('simple'::regconfig, "
           "hd_fold(" +
           std::string{placeholder} + "))))";
}

// There is no whole-table ordering index (see migration 2): PostgreSQL
// merges the per-status ranges with a Merge Append instead of sorting.
constexpr sql::ticket_list_dialect dialect{
    .search_text = to_tsquery_text,
    .search_condition = search_condition,
    .placeholders = sql::placeholder_style::numbered,
    .always_true = "true",
    .parenthesized_branches = true,
    .branch_every_status = true,
};

} // namespace

ticket_page_result list_tickets(connection& db, const ticket_page_request& request) {
    return run_list<ticket>(db, sql::plan_ticket_list(request, dialect, sql::ticket_columns),
                            sql::read_ticket<row_view>);
}

} // namespace helpdesk::postgres::detail
