#pragma once

#include "connection.hpp"

#include <helpdesk/error.hpp>

namespace helpdesk::sqlite::detail {

/// Base of the repositories: the connection of the transaction they belong
/// to, until the transaction ends. Using a repository after its
/// transaction's commit or rollback throws `error{internal}` instead of
/// touching a connection that another thread may own by then.
class transaction_bound {
public:
    explicit transaction_bound(connection& db) noexcept : db_{&db} {}

    /// Called by the transaction when it ends.
    void detach() noexcept { db_ = nullptr; }

protected:
    [[nodiscard]] connection& db() const {
        if (db_ == nullptr) {
            throw error{errc::internal, "repository used after its transaction ended"};
        }
        return *db_;
    }

private:
    connection* db_;
};

} // namespace helpdesk::sqlite::detail
