#pragma once

// Schema step 10 of the SQLite store, kept apart because migrations.cpp,
// which lists it, would otherwise pass 500 lines.

#include <string_view>

namespace helpdesk::sqlite::detail {

// Canned replies (docs/product.md#canned-replies): a staff member's own
// (owner_id, gone with the account) or shared (owner_id NULL). sort_key is
// the title with ASCII letters lowered (title_sort_key), which the lists
// order by; created_by has no foreign key, as in api_keys.
constexpr std::string_view v10_canned_replies = R"sql(
CREATE TABLE canned_replies (
    id         INTEGER PRIMARY KEY,
    owner_id   INTEGER REFERENCES accounts (id) ON DELETE CASCADE,
    title      TEXT    NOT NULL,
    sort_key   TEXT    NOT NULL,
    body       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    created_by INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version    INTEGER NOT NULL
);
CREATE INDEX canned_replies_by_title ON canned_replies (sort_key);
CREATE INDEX canned_replies_by_owner ON canned_replies (owner_id, sort_key);
)sql";

} // namespace helpdesk::sqlite::detail
