#include "reader_pool.hpp"

#include <helpdesk/error.hpp>

namespace helpdesk::sqlite::detail {

reader_pool::reader_pool(const std::string& path, int count, const options& opts) {
    for (int i = 0; i < count; ++i) {
        all_.push_back(std::make_unique<connection>(path, connection_role::reader, opts));
        free_.push_back(all_.back().get());
    }
}

connection_lease reader_pool::acquire(std::chrono::milliseconds timeout) {
    std::unique_lock lock{mutex_};
    if (!returned_.wait_for(lock, timeout, [this] { return !free_.empty(); })) {
        throw error{errc::storage_unavailable, "no sqlite reader connection became free in time"};
    }
    connection* db = free_.back();
    free_.pop_back();
    return connection_lease{*db, *this};
}

void reader_pool::release(connection& db) noexcept {
    {
        std::lock_guard lock{mutex_};
        free_.push_back(&db);
    }
    returned_.notify_one();
}

} // namespace helpdesk::sqlite::detail
