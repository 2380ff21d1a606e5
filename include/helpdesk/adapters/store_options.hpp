#pragma once

// The tunables of each SQL store, declared whether or not the store was
// built, so that `open_store` can take them all.

#include <chrono>
#include <cstdint>

namespace helpdesk::sqlite {

/// Tunables of the SQLite store.
struct options {
    std::chrono::milliseconds busy_timeout{5000};  ///< how long a writer waits for another
    int reader_connections = 4;                    ///< pooled read-only connections (files only)
    std::int64_t cache_kib = 65536;                ///< page cache per connection, KiB (SQLite's own heap)
    std::int64_t mmap_bytes = 256LL * 1024 * 1024; ///< memory-mapped I/O per connection; 0 reads with pread
};

} // namespace helpdesk::sqlite

namespace helpdesk::postgres {

/// Tunables of the PostgreSQL store.
struct options {
    int pool_size = 8;                               ///< connections kept open at most
    std::chrono::milliseconds acquire_timeout{5000}; ///< wait for a free connection, then storage_unavailable
    std::chrono::seconds connect_timeout{5};         ///< per connection attempt
};

} // namespace helpdesk::postgres

namespace helpdesk {

/// The tunables `open_store` hands to the store its URL names.
struct store_options {
    sqlite::options sqlite{};     ///< for `sqlite:` URLs
    postgres::options postgres{}; ///< for `postgresql://` and `postgres://` URLs
};

} // namespace helpdesk
