#include "pool.hpp"

#include <helpdesk/error.hpp>

#include "migrations.hpp"

#include <random>

namespace helpdesk::postgres::detail {

lease::~lease() {
    if (conn_) {
        owner_->release(std::move(conn_));
    }
}

pool::pool(std::string conninfo, int size, std::chrono::milliseconds acquire_timeout,
           std::chrono::seconds connect_timeout, int base, std::unique_ptr<connection> first)
    : conninfo_{std::move(conninfo)}, acquire_timeout_{acquire_timeout},
      connect_timeout_{connect_timeout}, base_{base} {
    for (int slot = size - 1; slot >= 1; --slot) {
        free_slots_.push_back(slot);
    }
    idle_.push_back(std::move(first));
}

int pool::shard_of(int base, int slot) noexcept {
    return (base + slot) % aggregate_shards;
}

int pool::random_base() {
    return static_cast<int>(std::random_device{}() % aggregate_shards);
}

std::unique_ptr<connection> pool::open(int slot) {
    try {
        return std::make_unique<connection>(conninfo_, connect_timeout_, slot, shard_of(base_, slot));
    } catch (...) {
        {
            std::lock_guard lock{mutex_};
            free_slots_.push_back(slot);
        }
        returned_.notify_one();
        throw;
    }
}

lease pool::acquire() {
    std::unique_lock lock{mutex_};
    if (!returned_.wait_for(lock, acquire_timeout_,
                            [this] { return !idle_.empty() || !free_slots_.empty(); })) {
        throw error{errc::storage_unavailable,
                    "no postgres connection became free within the acquire timeout"};
    }
    if (!idle_.empty()) {
        auto conn = std::move(idle_.back());
        idle_.pop_back();
        lock.unlock();
        if (conn->healthy()) {
            return lease{*this, std::move(conn)};
        }
        // Known broken (e.g. the server restarted): replace it in its slot.
        const int slot = conn->slot();
        conn.reset();
        return lease{*this, open(slot)};
    }
    const int slot = free_slots_.back();
    free_slots_.pop_back();
    lock.unlock();
    return lease{*this, open(slot)};
}

void pool::release(std::unique_ptr<connection> conn) noexcept {
    if (!conn->reusable()) {
        const int slot = conn->slot();
        conn.reset(); // closes it; the slot opens a fresh one when next needed
        std::lock_guard lock{mutex_};
        free_slots_.push_back(slot);
    } else {
        std::lock_guard lock{mutex_};
        idle_.push_back(std::move(conn));
    }
    returned_.notify_one();
}

} // namespace helpdesk::postgres::detail
