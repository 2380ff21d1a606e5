#pragma once

#include <helpdesk/error.hpp>

#include <string_view>

#include <sqlite3.h>

namespace helpdesk::sqlite::detail {

/// The one translation from a SQLite result code to `helpdesk::error`.
///
/// - `SQLITE_CONSTRAINT_UNIQUE`, `_PRIMARYKEY`, `_FOREIGNKEY` → `conflict`
///   (a duplicate, or a row still referenced by another);
/// - `SQLITE_BUSY_SNAPSHOT` → `conflict` (a lost serialisation race);
/// - `SQLITE_BUSY`, `SQLITE_LOCKED` (still busy after the busy timeout),
///   `SQLITE_CANTOPEN`, `SQLITE_IOERR`, `SQLITE_FULL`, `SQLITE_CORRUPT`,
///   `SQLITE_NOTADB`, `SQLITE_NOMEM`, `SQLITE_PROTOCOL` → `storage_unavailable`;
/// - everything else (including `SQLITE_READONLY`, a write attempted in a read
///   transaction, and other constraint kinds) → `internal`, since it is a bug.
///
/// `message` is `sqlite3_errmsg` text; it never contains bound values.
[[nodiscard]] error to_error(int extended_code, std::string_view context, std::string_view message);

/// Throws `to_error` for `rc`, taking the message from `db` (may be null).
[[noreturn]] void throw_error(sqlite3* db, int rc, std::string_view context);

} // namespace helpdesk::sqlite::detail
