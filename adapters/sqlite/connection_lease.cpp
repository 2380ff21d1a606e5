#include "connection_lease.hpp"

#include "reader_pool.hpp"

namespace helpdesk::sqlite::detail {

connection_lease::~connection_lease() {
    // Cleared before lock_ (a member) unlocks.
    if (owner_ != nullptr) {
        owner_->store(std::thread::id{}, std::memory_order_relaxed);
    }
    if (pool_ != nullptr) {
        pool_->release(*db_);
    }
}

connection_lease::connection_lease(connection_lease&& other) noexcept
    : db_{other.db_}, lock_{std::move(other.lock_)}, pool_{other.pool_}, owner_{other.owner_} {
    other.pool_ = nullptr;
    other.owner_ = nullptr;
}

} // namespace helpdesk::sqlite::detail
