#pragma once

#include <helpdesk/adapters/store_options.hpp>
#include <helpdesk/ports/store.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string_view>

namespace helpdesk::sqlite {

/// Opens (creating if needed) a SQLite store from a URL: `sqlite:///abs/path.db`,
/// `sqlite://relative/path.db`, or `sqlite::memory:` (a private in-memory
/// database on one connection). Applies pending migrations (recorded in
/// `schema_version`), enables WAL, foreign keys and the busy timeout.
/// Throws `error{invalid_argument}` for a malformed URL,
/// `error{storage_unavailable}` when the file cannot be opened.
/// Thread-safe: one writer at a time, readers concurrently (file databases).
[[nodiscard]] std::shared_ptr<store> open(std::string_view url, const options& opts = {});

} // namespace helpdesk::sqlite
