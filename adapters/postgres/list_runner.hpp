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

/// The values of a planned statement as its parameters.
[[nodiscard]] inline params params_of(const sql::statement_text& text) {
    params p;
    for (const auto& v : text.values) {
        std::visit([&](const auto& x) { p.add(x); }, v);
    }
    return p;
}

/// Runs one planned statement with its values.
[[nodiscard]] inline result run(connection& db, const sql::statement_text& text) {
    return db.execute(text.sql, params_of(text));
}

/// Runs one planned statement, calling `on_row(row_view)` for each row it returns.
template <class OnRow> void for_each_row(connection& db, const sql::statement_text& text, OnRow&& on_row) {
    const auto r = run(db, text);
    for (int i = 0; i < r.rows(); ++i) {
        on_row(row_view{r, i});
    }
}

/// Queues a planned write, sent with the next statement or the commit
/// (`connection::defer`): its failure is thrown by that later call.
inline void write_later(connection& db, const sql::statement_text& text) {
    db.defer(text.sql, params_of(text));
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
