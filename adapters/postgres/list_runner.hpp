#pragma once

#include <helpdesk/ports/queries.hpp>

#include "connection.hpp"
#include "params.hpp"
#include "row_view.hpp"
#include "sql/list_plan.hpp"

#include <variant>

namespace helpdesk::postgres::detail {

/// How PostgreSQL spells list statements.
inline constexpr sql::list_dialect list_dialect{
    .placeholders = sql::placeholder_style::numbered, .always_true = "true", .false_literal = "false"};

/// Runs one planned statement with its values.
[[nodiscard]] inline result run(connection& db, const sql::statement_text& text) {
    params p;
    for (const auto& v : text.values) {
        std::visit([&](const auto& x) { p.add(x); }, v);
    }
    return db.execute(text.sql, p);
}

/// Runs a list plan: its page, read with `read_row(row_view)`, and its count when planned.
template <class T, class Read>
[[nodiscard]] page<T> run_list(connection& db, const sql::list_plan& plan, Read read_row) {
    page<T> found;
    const auto r = run(db, plan.page);
    found.rows.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
        found.rows.push_back(read_row(row_view{r, i}));
    }
    if (plan.count) {
        found.count = run(db, *plan.count).int64(0, 0);
    }
    return found;
}

} // namespace helpdesk::postgres::detail
