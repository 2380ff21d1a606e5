#pragma once

#include <helpdesk/ports/queries.hpp>

#include "connection.hpp"
#include "row_view.hpp"
#include "sql/list_plan.hpp"

#include <variant>

namespace helpdesk::sqlite::detail {

/// How SQLite spells list statements.
inline constexpr sql::list_dialect list_dialect{};

/// Binds the statement's values in order.
inline void bind_all(statement& query, const sql::statement_text& text) {
    for (const auto& v : text.values) {
        std::visit([&](const auto& x) { query.bind(x); }, v);
    }
}

/// Runs one planned statement, calling `on_row(row_view)` for each row it returns.
template <class OnRow> void for_each_row(connection& db, const sql::statement_text& text, OnRow&& on_row) {
    auto query = db.prepare(text.sql);
    bind_all(query, text);
    while (query.step()) {
        on_row(row_view{query});
    }
}

/// Runs a planned write now (what PostgreSQL may send later, SQLite runs at
/// once: it is in process).
inline void write_later(connection& db, const sql::statement_text& text) {
    for_each_row(db, text, [](const row_view&) {});
}

/// Runs a list plan: its page, read with `read_row(row_view)`, and its count when planned.
template <class T, class Read>
[[nodiscard]] page<T> run_list(connection& db, const sql::list_plan& plan, Read read_row) {
    page<T> result;
    {
        auto query = db.prepare(plan.page.sql);
        bind_all(query, plan.page);
        while (query.step()) {
            result.rows.push_back(read_row(row_view{query}));
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
