#pragma once

#include <helpdesk/error.hpp>

namespace helpdesk::sql {

/// Base of a store's repositories: the connection of the transaction they
/// belong to, until the transaction ends. Using a repository after its
/// transaction's commit or rollback throws `error{internal}` instead of
/// touching a connection that another thread may own by then.
template <class Connection> class transaction_bound {
public:
    /// Bound to `db` until `detach`.
    explicit transaction_bound(Connection& db) noexcept : db_{&db} {}

    /// Called by the transaction when it ends.
    void detach() noexcept { db_ = nullptr; }

protected:
    /// The transaction's connection; throws `error{internal}` once it ended.
    [[nodiscard]] Connection& db() const {
        if (db_ == nullptr) {
            throw error{errc::internal, "repository used after its transaction ended"};
        }
        return *db_;
    }

private:
    Connection* db_;
};

} // namespace helpdesk::sql
