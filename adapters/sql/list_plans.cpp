#include "list_plans.hpp"

#include "row_mappers.hpp"

namespace helpdesk::sql {

namespace {

// A ticket's rows, by id: comments and history share this shape.
list_plan plan_ticket_rows(std::string_view columns, std::string_view table, ticket_id ticket,
                           bool include_internal, const page_window& window, const list_dialect& dialect) {
    bindings b{dialect.placeholders};
    std::string conditions = " AND ticket_id = " + b.add(ticket);
    if (!include_internal) {
        conditions += " AND is_internal = " + std::string{dialect.false_literal};
    }
    return plan_list(columns, table, std::move(conditions), b, {}, window, dialect);
}

} // namespace

list_plan plan_accounts(const account_filter& filter, const page_window& window,
                        const list_dialect& dialect) {
    bindings b{dialect.placeholders};
    std::string conditions;
    if (filter.account_role) {
        conditions += " AND role = " + b.add(*filter.account_role);
    }
    if (filter.status) {
        conditions += " AND status = " + b.add(*filter.status);
    }
    if (filter.department) {
        conditions += " AND department = " + b.add(*filter.department);
    }
    if (filter.is_active) {
        // A flag is a condition of its own in both stores (0/1 in SQLite, BOOLEAN in PostgreSQL).
        conditions += *filter.is_active ? " AND is_active" : " AND NOT is_active";
    }
    return plan_list(account_columns, "accounts", std::move(conditions), b, {}, window, dialect);
}

list_plan plan_account_history(account_id account, const page_window& window, const list_dialect& dialect) {
    bindings b{dialect.placeholders};
    std::string conditions = " AND account_id = " + b.add(account);
    return plan_list(account_history_columns, "account_history", std::move(conditions), b, {}, window, dialect);
}

list_plan plan_rejections(const page_window& window, const list_dialect& dialect) {
    return plan_list(rejection_columns, "rejected_accounts", "", bindings{dialect.placeholders},
                     {.key_column = "rejected_at", .descending = true}, window, dialect);
}

list_plan plan_outbox(outbox_state state, const page_window& window, const list_dialect& dialect) {
    bindings b{dialect.placeholders};
    std::string conditions = " AND state = " + b.add(state);
    auto without_count = window;
    without_count.with_count = false;
    return plan_list(event_columns, "outbox_events", std::move(conditions), b, {.descending = true},
                     without_count, dialect);
}

list_plan plan_api_keys(const page_window& window, const list_dialect& dialect) {
    return plan_list(api_key_columns, "api_keys", "", bindings{dialect.placeholders}, {}, window, dialect);
}

list_plan plan_comments(ticket_id ticket, bool include_internal, const page_window& window,
                        const list_dialect& dialect) {
    return plan_ticket_rows(comment_columns, "comments", ticket, include_internal, window, dialect);
}

list_plan plan_history(ticket_id ticket, bool include_internal, const page_window& window,
                       const list_dialect& dialect) {
    return plan_ticket_rows(history_columns, "ticket_history", ticket, include_internal, window, dialect);
}

whole_ticket_rows::whole_ticket_rows(std::string_view columns, std::string_view table,
                                     const list_dialect& dialect)
    : every_{plan_ticket_rows(columns, table, 0, true, every_row, dialect).page.sql},
      public_only_{plan_ticket_rows(columns, table, 0, false, every_row, dialect).page.sql} {}

list_plan whole_ticket_rows::plan(ticket_id ticket, bool include_internal) const {
    return {.page = {include_internal ? every_ : public_only_, {ticket}}};
}

whole_ticket_rows whole_comments(const list_dialect& dialect) {
    return {comment_columns, "comments", dialect};
}

whole_ticket_rows whole_history(const list_dialect& dialect) {
    return {history_columns, "ticket_history", dialect};
}

} // namespace helpdesk::sql
