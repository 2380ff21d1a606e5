#pragma once

#include <helpdesk/ports/store.hpp>

#include "connection_lease.hpp"
#include "repositories.hpp"
#include "sql/repository_set.hpp"

#include <memory>
#include <optional>

namespace helpdesk::sqlite::detail {

/// The repository set of this store's transactions.
using repositories = sql::repository_set<account_repository, ticket_repository, outbox_repository,
                                         session_repository, rate_limit_repository, api_key_repository>;

/// `helpdesk::transaction` on a leased connection. Write transactions start
/// with `BEGIN IMMEDIATE` (the write lock is taken up front, so a transaction
/// never fails half-way for want of it); read transactions with a deferred
/// `BEGIN` on a `query_only` connection, so writes through them fail with
/// `error{internal}`. The lease, and with it the writer lock or the pooled
/// reader, is given back as soon as the transaction ends (commit, failed
/// commit, or destruction, which rolls back unless `commit` succeeded); its
/// repositories then refuse further use with `error{internal}`. Owned and
/// used by one thread.
class transaction final : public repositories {
public:
    /// Begins on `lease`'s connection, keeping `owner` (the store) alive.
    /// `toggle_query_only`: set `query_only` for a read transaction on a
    /// connection that also writes (the writer, or the in-memory connection).
    /// Throws the mapped `helpdesk::error`.
    transaction(std::shared_ptr<const void> owner, connection_lease lease, tx_mode mode, bool toggle_query_only);
    ~transaction() override;
    transaction(const transaction&) = delete;
    transaction& operator=(const transaction&) = delete;

    /// Commits; on failure rolls back and throws the mapped error. Throws
    /// `error{internal}` when called twice.
    void commit() override;

private:
    void rollback() noexcept;
    void finish() noexcept;

    std::shared_ptr<const void> owner_; // destroyed last: outlives the lease
    std::optional<connection_lease> lease_; // empty once finished
    bool toggle_query_only_;
    bool finished_ = false;
};

} // namespace helpdesk::sqlite::detail
