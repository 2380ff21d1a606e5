#pragma once

#include "connection.hpp"

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace helpdesk::postgres::detail {

class pool;

/// Exclusive use of one pooled connection for a transaction's life; gives it
/// back on destruction. Move-only.
class lease {
public:
    lease(pool& owner, std::unique_ptr<connection> conn) noexcept : owner_{&owner}, conn_{std::move(conn)} {}
    ~lease();
    lease(lease&& other) noexcept = default;

    [[nodiscard]] connection& db() const noexcept { return *conn_; }

private:
    pool* owner_;
    std::unique_ptr<connection> conn_;
};

/// At most `size` connections to one database, opened on demand and lent to
/// one transaction at a time. A connection that comes back broken or still
/// inside a transaction is closed rather than lent again, and one found
/// broken when lent is replaced by a fresh one. Each live connection holds a
/// distinct slot (0 … size-1), from which its preferred aggregate shard is
/// derived.
/// Thread-safe.
class pool {
public:
    /// `first` is an open (migrated) connection to keep, in slot 0.
    pool(std::string conninfo, int size, std::chrono::milliseconds acquire_timeout,
         std::chrono::seconds connect_timeout, int base, std::unique_ptr<connection> first);

    /// Lends a connection, waiting up to the acquire timeout for one to be
    /// free. Throws `error{storage_unavailable}` when none became free in
    /// time or a new one cannot connect.
    [[nodiscard]] lease acquire();

    /// Takes a lent connection back (called by `lease`).
    void release(std::unique_ptr<connection> conn) noexcept;

    /// The shard a connection in `slot` tries first. `base` spreads
    /// the slots of several processes over the shards.
    [[nodiscard]] static int shard_of(int base, int slot) noexcept;
    /// A random base for `shard_of`, one per store.
    [[nodiscard]] static int random_base();

private:
    [[nodiscard]] std::unique_ptr<connection> open(int slot);

    std::string conninfo_;
    std::chrono::milliseconds acquire_timeout_;
    std::chrono::seconds connect_timeout_;
    int base_;
    std::mutex mutex_;
    std::condition_variable returned_;
    std::vector<std::unique_ptr<connection>> idle_;
    std::vector<int> free_slots_;
};

} // namespace helpdesk::postgres::detail
