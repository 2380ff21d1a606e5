#include "canned_reply_sql.hpp"

#include "write_sql.hpp"

#include <utility>

namespace helpdesk::sql {

namespace {

constexpr std::string_view table = "canned_replies";
/// What a change writes, in the order `add_changeable` binds it.
constexpr std::string_view update_columns = "title, sort_key, body, updated_at, version";
/// What an insert writes: the changeable columns, then the fixed ones.
constexpr std::string_view insert_columns =
    "title, sort_key, body, updated_at, version, owner_id, created_at, created_by";
static_assert(insert_columns.starts_with(update_columns));

void add_changeable(bindings& b, const canned_reply& r) {
    b.add(r.title);
    b.add(title_sort_key(r.title));
    b.add(r.body);
    b.add(r.updated_at);
    b.add(r.version);
}

} // namespace

statement_text plan_canned_reply_insert(const canned_reply& r, placeholder_style style) {
    bindings b{style};
    add_changeable(b, r);
    b.add(r.owner);
    b.add(r.created_at);
    b.add(r.created_by);
    return {insert_sql(table, insert_columns, style) + " RETURNING id", b.values()};
}

statement_text plan_canned_reply_find(row_id id, placeholder_style style) {
    bindings b{style};
    std::string sql = "SELECT " + std::string{canned_reply_columns} + " FROM canned_replies WHERE id = " + b.add(id);
    return {std::move(sql), b.values()};
}

statement_text plan_canned_reply_update(const canned_reply& r, std::int64_t expected_version,
                                        placeholder_style style) {
    bindings b{style};
    add_changeable(b, r);
    b.add(r.id);
    b.add(expected_version);
    return {update_sql(table, update_columns, "id, version", style) + " RETURNING id", b.values()};
}

statement_text plan_canned_reply_delete(row_id id, placeholder_style style) {
    bindings b{style};
    std::string sql = "DELETE FROM canned_replies WHERE id = " + b.add(id) + " RETURNING id";
    return {std::move(sql), b.values()};
}

list_plan plan_visible_canned_replies(account_id viewer, const title_window& window,
                                      const list_dialect& dialect) {
    bindings b{dialect.placeholders};
    std::string visible = " AND (owner_id = " + b.add(viewer) + " OR owner_id IS NULL)";
    const list_order by_title{.key_column = "sort_key", .descending = false};
    const page_window plain{.offset = window.after ? 0 : window.offset,
                            .limit = window.limit,
                            .after = std::nullopt,
                            .with_count = window.with_count};
    if (!window.after) {
        return plan_list(canned_reply_columns, table, std::move(visible), b, by_title, plain, dialect);
    }
    // plan_list seeks by integer keys only: the position by title is a condition of its own here.
    auto counted = plan_list(canned_reply_columns, table, visible, b, by_title, plain, dialect);
    std::string seek = visible + " AND (sort_key, id) > (" + b.add(window.after->key) + ", ";
    seek += b.add(window.after->id) + ")";
    auto plan = plan_list(canned_reply_columns, table, std::move(seek), b, by_title, plain, dialect);
    plan.count = std::move(counted.count);
    return plan;
}

} // namespace helpdesk::sql
