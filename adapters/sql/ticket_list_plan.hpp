#pragma once

#include <helpdesk/ports/queries.hpp>

#include "bindings.hpp"
#include "list_plan.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace helpdesk::sql {

/// What a store supplies to the ticket list plan: its placeholders, its
/// spelling of a few SQL forms and its full-text search. The defaults are
/// SQLite's spelling; a store sets what differs and always its search.
struct ticket_list_dialect {
    /// The user's search text as the store's query text; nullopt when it has no usable term.
    std::optional<std::string> (*search_text)(std::string_view user_text);
    /// The ` AND ...` condition matching the query text bound at `placeholder`.
    std::string (*search_condition)(std::string_view placeholder);
    placeholder_style placeholders = placeholder_style::question;
    /// A condition that always holds, after which the filters follow as ` AND ...`.
    std::string_view always_true = "1";
    /// How one ordered, limited branch per status is written under UNION ALL:
    /// false wraps each in `SELECT * FROM (...)` (SQLite), true in parentheses
    /// with the outer query aliased (PostgreSQL).
    bool parenthesized_branches = false;
    /// True when the store has no whole-table ordering index, so a list with
    /// no status filter (and no search) is merged from every status's branch.
    bool branch_every_status = false;
    /// True when a page of breached tickets in submission order is to walk
    /// the index of schema step 14 in order, the breach instant tested from
    /// the index, rather than range over the breach instants and sort every
    /// match: the page query then spells the instant's range so that no
    /// index serves it (`+column`). SQLite's planner otherwise picks the
    /// range once it has statistics; the count keeps the range.
    bool breached_in_submission_order = false;
};

/// The statements of one ticket page: the shape of every list's plan.
using ticket_list_plan = list_plan;

/// Plans one page of tickets for `request`, selecting `columns`.
///
/// The SQL is assembled from a fixed set of fragments chosen by which filters
/// are set (values are always bound), so each combination is prepared once
/// per connection. Several statuses run as one ordered, limited branch per
/// status under UNION ALL (neither store merges the ordered index ranges of
/// `status IN (...)` on its own, so each would sort every match). Keyset mode
/// seeks with a row comparison `(key, id) < (?, ?)` (or `>` ascending), so a
/// page costs the same at any depth. The count comes from the `ticket_stats`
/// aggregate when only statuses and/or the owner filter (`countable_from_stats`),
/// and from `count(*)` otherwise.
[[nodiscard]] ticket_list_plan plan_ticket_list(const ticket_page_request& request,
                                                const ticket_list_dialect& dialect, std::string_view columns);

} // namespace helpdesk::sql
