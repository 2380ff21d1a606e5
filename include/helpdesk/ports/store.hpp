#pragma once

#include <helpdesk/ports/account_repository.hpp>
#include <helpdesk/ports/api_key_repository.hpp>
#include <helpdesk/ports/assignment_repository.hpp>
#include <helpdesk/ports/canned_reply_repository.hpp>
#include <helpdesk/ports/outbox_repository.hpp>
#include <helpdesk/ports/rate_limit_repository.hpp>
#include <helpdesk/ports/session_repository.hpp>
#include <helpdesk/ports/sla_repository.hpp>
#include <helpdesk/ports/ticket_repository.hpp>

#include <helpdesk/error.hpp>

#include <memory>
#include <string>

namespace helpdesk {

/// Thrown by a store when a transaction lost a race that running it again may
/// win (a serialisation failure or a deadlock). The engine re-runs the whole
/// call a bounded number of times, then reports `errc::conflict`.
class transient_conflict : public error {
public:
    /// A conflict whose transaction may succeed if run again.
    explicit transient_conflict(std::string detail) : error(errc::conflict, std::move(detail)) {}
};

/// Whether a transaction may write. Read transactions may run concurrently
/// with each other and with one writer.
enum class tx_mode { read, write };

/// One open store transaction: a scope guard that rolls back in its
/// destructor unless `commit()` was called. Owned and used by one thread.
class transaction {
public:
    virtual ~transaction() = default;

    /// Accounts, audit and reset tokens, inside this transaction.
    [[nodiscard]] virtual account_repository& accounts() = 0;
    /// Tickets and everything hanging off them, inside this transaction.
    [[nodiscard]] virtual ticket_repository& tickets() = 0;
    /// The outbox, inside this transaction.
    [[nodiscard]] virtual outbox_repository& outbox() = 0;
    /// Refresh-token sessions, inside this transaction.
    [[nodiscard]] virtual session_repository& sessions() = 0;
    /// Shared rate-limit buckets, inside this transaction.
    [[nodiscard]] virtual rate_limit_repository& rate_limits() = 0;
    /// API keys of external systems, inside this transaction.
    [[nodiscard]] virtual api_key_repository& api_keys() = 0;
    /// The versions of the SLA policy, inside this transaction.
    [[nodiscard]] virtual sla_repository& sla_policies() = 0;
    /// Staff members' own and shared canned replies, inside this transaction.
    [[nodiscard]] virtual canned_reply_repository& canned_replies() = 0;
    /// Departments' assignment modes and staff availability, inside this transaction.
    [[nodiscard]] virtual assignment_repository& assignments() = 0;

    /// Makes every change durable at once. Throws `transient_conflict` when
    /// the store lost a serialisation race (any repository call may too),
    /// `error{storage_unavailable}` when it cannot be reached; the transaction
    /// is rolled back in both cases.
    virtual void commit() = 0;
};

/// A database the engine keeps its state in. Thread-safe: any number of
/// threads may call `begin` at once; each gets its own transaction.
class store {
public:
    virtual ~store() = default;

    /// Opens a transaction. Write transactions either run one at a time or are
    /// isolated so that a lost race surfaces as `transient_conflict`; a store
    /// may make a write transaction wait (up to its timeout) for another.
    [[nodiscard]] virtual std::unique_ptr<transaction> begin(tx_mode mode) = 0;
};

} // namespace helpdesk
