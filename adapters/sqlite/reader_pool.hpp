#pragma once

#include "connection.hpp"
#include "connection_lease.hpp"

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

namespace helpdesk::sqlite::detail {

/// A fixed set of read-only connections to one database file. Thread-safe:
/// each connection is lent to one thread at a time.
class reader_pool {
public:
    /// Opens `count` reader connections to `path` (which must already exist).
    /// Throws the mapped `helpdesk::error`.
    reader_pool(const std::string& path, int count, const options& opts);

    /// Lends a free connection, waiting up to `timeout` for one.
    /// Throws `error{storage_unavailable}` when none became free in time.
    [[nodiscard]] connection_lease acquire(std::chrono::milliseconds timeout);

    /// Takes a lent connection back (called by `connection_lease`).
    void release(connection& db) noexcept;

    [[nodiscard]] bool empty() const noexcept { return all_.empty(); }

private:
    std::vector<std::unique_ptr<connection>> all_;
    std::vector<connection*> free_;
    std::mutex mutex_;
    std::condition_variable returned_;
};

} // namespace helpdesk::sqlite::detail
