#pragma once

// The SQL of the stored canned replies, written once for both stores (table
// `canned_replies`; `owner_id` NULL for a shared reply; `sort_key` the
// title's `title_sort_key`, compared byte by byte). A store runs these
// statements with its own driver (sql/canned_reply_methods.inc).

#include <helpdesk/domain/canned_reply.hpp>
#include <helpdesk/ports/canned_reply_repository.hpp>

#include "bindings.hpp"
#include "list_plan.hpp"

#include <string_view>

namespace helpdesk::sql {

/// The columns every read returns, in the order `read_canned_reply` expects them.
inline constexpr std::string_view canned_reply_columns =
    "id, owner_id, title, body, created_at, created_by, updated_at, version";

/// The reply in a row of `SELECT canned_reply_columns ...`.
template <class Row> [[nodiscard]] canned_reply read_canned_reply(const Row& row) {
    canned_reply r;
    r.id = row.int64(0);
    r.owner = row.optional_int64(1);
    r.title = row.text(2);
    r.body = row.text(3);
    r.created_at = row.time(4);
    r.created_by = row.int64(5);
    r.updated_at = row.time(6);
    r.version = row.int64(7);
    return r;
}

/// Stores `r` (all but its id); returns one row, the new id.
[[nodiscard]] statement_text plan_canned_reply_insert(const canned_reply& r, placeholder_style style);
/// The reply with id `id`: at most one row of `canned_reply_columns`.
[[nodiscard]] statement_text plan_canned_reply_find(row_id id, placeholder_style style);
/// Writes `r`'s title, body, `updated_at` and version over reply `r.id` at
/// `expected_version`; returns one row (the id) when it wrote.
[[nodiscard]] statement_text plan_canned_reply_update(const canned_reply& r, std::int64_t expected_version,
                                                      placeholder_style style);
/// Deletes reply `id`; returns one row (the id) when there was one.
[[nodiscard]] statement_text plan_canned_reply_delete(row_id id, placeholder_style style);
/// The window of the replies `viewer` sees (its own and the shared ones), by
/// sort key then id; the count, when asked, ignores the window's position.
[[nodiscard]] list_plan plan_visible_canned_replies(account_id viewer, const title_window& window,
                                                    const list_dialect& dialect);

} // namespace helpdesk::sql
