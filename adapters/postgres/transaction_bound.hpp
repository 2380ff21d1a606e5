#pragma once

#include <helpdesk/error.hpp>
#include <helpdesk/ports/store.hpp>

#include "connection.hpp"

namespace helpdesk::postgres::detail {

/// Base of the repositories: the connection of the transaction they belong
/// to, until the transaction ends. Using a repository after its
/// transaction's commit or rollback throws `error{internal}` instead of
/// touching a connection that another thread may own by then.
class transaction_bound {
public:
    transaction_bound(connection& db, tx_mode mode) noexcept : db_{&db}, mode_{mode} {}

    /// Called by the transaction when it ends.
    void detach() noexcept { db_ = nullptr; }

protected:
    [[nodiscard]] connection& db() const {
        if (db_ == nullptr) {
            throw error{errc::internal, "repository used after its transaction ended"};
        }
        return *db_;
    }
    [[nodiscard]] tx_mode mode() const noexcept { return mode_; }

private:
    connection* db_;
    tx_mode mode_;
};

} // namespace helpdesk::postgres::detail
