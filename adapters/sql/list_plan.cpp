#include "list_plan.hpp"

#include <algorithm>

namespace helpdesk::sql {

list_plan plan_list(std::string_view columns, std::string_view table, std::string conditions,
                    const bindings& values, const list_order& order, const page_window& window,
                    const list_dialect& dialect) {
    const std::string where = " WHERE " + std::string{dialect.always_true} + conditions;
    const std::string_view direction = order.descending ? " DESC" : " ASC";
    const std::string_view seek = order.descending ? " < " : " > ";
    const bool keyed = !order.key_column.empty();

    list_plan plan;
    if (window.with_count) {
        plan.count = statement_text{"SELECT count(*) FROM " + std::string{table} + where, values.values()};
    }
    bindings b = values;
    std::string sql = "SELECT " + std::string{columns} + " FROM " + std::string{table} + where;
    if (window.after) {
        if (keyed) {
            // One placeholder per statement: the values must be added in order.
            sql += " AND (" + std::string{order.key_column} + ", id)" + std::string{seek} + "(";
            sql += b.add(window.after->key);
            sql += ", " + b.add(window.after->id) + ")";
        } else {
            sql += " AND id" + std::string{seek} + b.add(window.after->id);
        }
    }
    sql += " ORDER BY ";
    if (keyed) {
        sql += std::string{order.key_column} + std::string{direction} + ", ";
    }
    sql += "id" + std::string{direction};
    const bool every = !window.after && window.offset <= 0 && window.limit == every_row.limit;
    if (!every) {
        sql += " LIMIT " + b.add(std::max<std::int64_t>(window.limit, 0));
        if (!window.after) {
            sql += " OFFSET " + b.add(std::max<std::int64_t>(window.offset, 0));
        }
    }
    plan.page = {std::move(sql), b.values()};
    return plan;
}

} // namespace helpdesk::sql
