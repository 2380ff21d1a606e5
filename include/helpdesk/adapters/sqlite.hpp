#pragma once

#include <helpdesk/ports/store.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string_view>

namespace helpdesk::sqlite {

/// Tunables of the SQLite store.
struct options {
    std::chrono::milliseconds busy_timeout{5000};  ///< how long a writer waits for another
    int reader_connections = 4;                    ///< pooled read-only connections (files only)
    std::int64_t cache_kib = 65536;                ///< page cache per connection, KiB (SQLite's own heap)
    std::int64_t mmap_bytes = 256LL * 1024 * 1024; ///< memory-mapped I/O per connection; 0 reads with pread
};

/// Opens (creating if needed) a SQLite store from a URL: `sqlite:///abs/path.db`,
/// `sqlite://relative/path.db`, or `sqlite::memory:` (a private in-memory
/// database on one connection). Applies pending migrations (recorded in
/// `schema_version`), enables WAL, foreign keys and the busy timeout.
/// Throws `error{invalid_argument}` for a malformed URL,
/// `error{storage_unavailable}` when the file cannot be opened.
/// Thread-safe: one writer at a time, readers concurrently (file databases).
[[nodiscard]] std::shared_ptr<store> open(std::string_view url, const options& opts = {});

} // namespace helpdesk::sqlite
