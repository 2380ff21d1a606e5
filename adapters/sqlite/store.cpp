#include "store.hpp"

#include "transaction.hpp"

#include <helpdesk/error.hpp>

namespace helpdesk::sqlite::detail {

store::store(std::unique_ptr<connection> writer, std::unique_ptr<reader_pool> readers, const options& opts)
    : writer_{std::move(writer)}, readers_{std::move(readers)}, busy_timeout_{opts.busy_timeout},
      in_memory_{writer_->role() == connection_role::memory} {}

store::~store() {
    // Lets SQLite refresh planner statistics where they drifted (cheap when
    // nothing changed much). Best effort: the store is going away anyway.
    sqlite3_exec(writer_->handle(), "PRAGMA analysis_limit=1000; PRAGMA optimize;", nullptr, nullptr, nullptr);
}

connection_lease store::lock_writer() {
    if (writer_owner_.load(std::memory_order_relaxed) == std::this_thread::get_id()) {
        throw error{errc::internal, "nested sqlite transaction on one thread would deadlock"};
    }
    std::unique_lock lock{writer_mutex_, std::defer_lock};
    if (!lock.try_lock_for(busy_timeout_)) {
        throw error{errc::storage_unavailable, "the sqlite writer stayed busy beyond the busy timeout"};
    }
    return connection_lease{*writer_, std::move(lock), writer_owner_};
}

std::unique_ptr<helpdesk::transaction> store::begin(tx_mode mode) {
    if (mode == tx_mode::read && readers_ && !readers_->empty()) {
        return std::make_unique<transaction>(shared_from_this(), readers_->acquire(busy_timeout_), mode, false);
    }
    // Reads through the writer must not write: the transaction sets query_only.
    return std::make_unique<transaction>(shared_from_this(), lock_writer(), mode, true);
}

} // namespace helpdesk::sqlite::detail
