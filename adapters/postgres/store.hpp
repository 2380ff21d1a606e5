#pragma once

#include <helpdesk/ports/store.hpp>

#include "pool.hpp"

#include <memory>

namespace helpdesk::postgres::detail {

/// `helpdesk::store` over a pool of PostgreSQL connections: each transaction
/// holds one connection from `begin` until it ends. Thread-safe. Must be owned
/// by a `std::shared_ptr`: transactions keep it alive.
class store final : public helpdesk::store, public std::enable_shared_from_this<store> {
public:
    explicit store(std::unique_ptr<pool> connections) noexcept : pool_{std::move(connections)} {}

    /// Waits up to the acquire timeout for a connection, then throws
    /// `error{storage_unavailable}`. Nothing is sent to the server until the
    /// transaction's first statement.
    [[nodiscard]] std::unique_ptr<helpdesk::transaction> begin(tx_mode mode) override;

private:
    std::unique_ptr<pool> pool_;
};

} // namespace helpdesk::postgres::detail
