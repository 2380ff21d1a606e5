#pragma once

#include "connection.hpp"

#include <atomic>
#include <mutex>
#include <thread>

namespace helpdesk::sqlite::detail {

class reader_pool;

/// Exclusive use of one connection for a transaction's life: either the
/// writer (holding its mutex) or a pooled reader (returned on destruction).
/// Move-only.
class connection_lease {
public:
    /// The writer (or the in-memory connection), locked by `lock`; `owner`
    /// names the calling thread until the lease ends (deadlock detection).
    connection_lease(connection& db, std::unique_lock<std::timed_mutex> lock,
                     std::atomic<std::thread::id>& owner) noexcept
        : db_{&db}, lock_{std::move(lock)}, owner_{&owner} {
        owner.store(std::this_thread::get_id(), std::memory_order_relaxed);
    }
    /// A reader taken from `pool`, given back on destruction.
    connection_lease(connection& db, reader_pool& pool) noexcept : db_{&db}, pool_{&pool} {}
    ~connection_lease();
    connection_lease(connection_lease&& other) noexcept;

    [[nodiscard]] connection& db() const noexcept { return *db_; }

private:
    connection* db_;
    std::unique_lock<std::timed_mutex> lock_;
    reader_pool* pool_ = nullptr;
    std::atomic<std::thread::id>* owner_ = nullptr;
};

} // namespace helpdesk::sqlite::detail
