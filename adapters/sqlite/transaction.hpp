#pragma once

#include "connection_lease.hpp"
#include "repositories.hpp"

#include <memory>
#include <optional>

namespace helpdesk::sqlite::detail {

/// `helpdesk::transaction` on a leased connection. Write transactions start
/// with `BEGIN IMMEDIATE` (the write lock is taken up front, so a transaction
/// never fails half-way for want of it); read transactions with a deferred
/// `BEGIN` on a `query_only` connection, so writes through them fail with
/// `error{internal}`. The lease, and with it the writer lock or the pooled
/// reader, is given back as soon as the transaction ends (commit, failed
/// commit, or destruction, which rolls back unless `commit` succeeded); its
/// repositories then refuse further use with `error{internal}`. Owned and
/// used by one thread.
class transaction final : public store_transaction {
public:
    /// Begins on `lease`'s connection, keeping `owner` (the store) alive.
    /// `toggle_query_only`: set `query_only` for a read transaction on a
    /// connection that also writes (the writer, or the in-memory connection).
    /// Throws the mapped `helpdesk::error`.
    transaction(std::shared_ptr<const void> owner, connection_lease lease, tx_mode mode, bool toggle_query_only);
    ~transaction() override;

private:
    std::shared_ptr<const void> owner_; // destroyed last: outlives the lease
    std::optional<connection_lease> lease_; // empty once finished
    bool toggle_query_only_;

    /// Throws `error{storage_unavailable}` when SQLite already rolled the
    /// transaction back; otherwise runs `COMMIT`.
    void commit_on_server() override;
    void rollback() noexcept override;
    /// Clears `query_only` again when this transaction set it, then gives
    /// the lease back.
    void release() noexcept override;
};

} // namespace helpdesk::sqlite::detail
