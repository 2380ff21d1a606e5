#pragma once

#include "connection.hpp"
#include "reader_pool.hpp"

#include <helpdesk/adapters/sqlite.hpp>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace helpdesk::sqlite::detail {

/// `helpdesk::store` over SQLite. A file database has one writer connection
/// (its mutex is held for a whole write transaction, so writers queue here
/// rather than spin on SQLite's lock) and a pool of reader connections that
/// read concurrently thanks to WAL. An in-memory database has a single
/// connection serving both, locked for each transaction's life. Thread-safe.
/// Must be owned by a `std::shared_ptr`: transactions keep it alive.
class store final : public helpdesk::store, public std::enable_shared_from_this<store> {
public:
    /// Takes the migrated writer (or in-memory) connection and, for files,
    /// the reader pool (null: reads go through the writer).
    store(std::unique_ptr<connection> writer, std::unique_ptr<reader_pool> readers, const options& opts);
    ~store() override;
    store(const store&) = delete;
    store& operator=(const store&) = delete;

    /// Waits up to the busy timeout for the writer (writes, and every
    /// transaction in memory) or a reader; then throws
    /// `error{storage_unavailable}`. Throws `error{internal}` when the calling
    /// thread already holds the connection it would wait for (a nested
    /// transaction that would deadlock).
    [[nodiscard]] std::unique_ptr<helpdesk::transaction> begin(tx_mode mode) override;

private:
    [[nodiscard]] connection_lease lock_writer();

    std::unique_ptr<connection> writer_;
    std::unique_ptr<reader_pool> readers_;
    std::timed_mutex writer_mutex_;
    std::atomic<std::thread::id> writer_owner_{};
    std::chrono::milliseconds busy_timeout_;
    bool in_memory_;
};

} // namespace helpdesk::sqlite::detail
