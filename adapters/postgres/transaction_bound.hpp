#pragma once

#include <helpdesk/ports/store.hpp>

#include "connection.hpp"
#include "sql/transaction_bound.hpp"

namespace helpdesk::postgres::detail {

/// Base of the repositories: the transaction's connection until it ends,
/// and the transaction's mode (a write's `find` locks rows).
class transaction_bound : public sql::transaction_bound<connection> {
public:
    transaction_bound(connection& db, tx_mode mode) noexcept
        : sql::transaction_bound<connection>{db}, mode_{mode} {}

protected:
    [[nodiscard]] tx_mode mode() const noexcept { return mode_; }

private:
    tx_mode mode_;
};

} // namespace helpdesk::postgres::detail
