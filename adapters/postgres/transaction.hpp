#pragma once

#include <helpdesk/ports/store.hpp>

#include "pool.hpp"
#include "repositories.hpp"
#include "sql/repository_set.hpp"

#include <memory>
#include <optional>

namespace helpdesk::postgres::detail {

/// The repository set of this store's transactions.
using repositories = sql::repository_set<account_repository, ticket_repository, outbox_repository,
                                         session_repository, rate_limit_repository, api_key_repository>;

/// `helpdesk::transaction` on a leased connection.
///
/// Both modes run at REPEATABLE READ (read ones also READ ONLY, so writes
/// through them fail with `error{internal}`). For reads that is the stable
/// snapshot a page and its count need. For writes it is what keeps the
/// core's read-then-write calls correct without row locks: every service
/// loads a row, changes it in memory and writes it back (account update,
/// outbox settle, reset-token use, ticket update), and under REPEATABLE READ
/// a row changed by another transaction since the snapshot cannot be
/// overwritten — PostgreSQL raises 40001, surfaced as `transient_conflict`,
/// and the engine re-runs the call on fresh data. READ COMMITTED would let
/// such writes silently undo each other. The price, a re-run when two
/// writers touch one row, is not paid by ordinary inserts: ids and numbers
/// come from sequences and the aggregate rows are sharded per connection.
///
/// The lease is given back as soon as the transaction ends (commit, failed
/// commit, or destruction, which rolls back unless `commit` succeeded); its
/// repositories then refuse further use with `error{internal}`. Owned and
/// used by one thread.
class transaction final : public repositories {
public:
    /// Begins (deferred to the first statement) on `held`'s connection,
    /// keeping `owner` (the store) alive.
    transaction(std::shared_ptr<const void> owner, lease held, tx_mode mode);
    ~transaction() override;
    transaction(const transaction&) = delete;
    transaction& operator=(const transaction&) = delete;

    /// Commits, in the same round trip as the writes still queued on the
    /// connection (a read transaction just ends, without waiting for the
    /// server's reply); on failure, a queued write's included, rolls back
    /// and throws the mapped error
    /// (`error{internal}` when an earlier failed statement already aborted
    /// the transaction on the server). Throws `error{internal}` when called
    /// twice.
    void commit() override;

private:
    void rollback() noexcept;
    void finish() noexcept;

    std::shared_ptr<const void> owner_; // destroyed last: outlives the lease
    std::optional<lease> lease_;        // empty once finished
    tx_mode mode_;
    bool finished_ = false;
};

} // namespace helpdesk::postgres::detail
