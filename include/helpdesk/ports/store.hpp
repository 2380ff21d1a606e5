#pragma once

#include <helpdesk/ports/account_repository.hpp>
#include <helpdesk/ports/outbox_repository.hpp>
#include <helpdesk/ports/ticket_repository.hpp>

#include <memory>

namespace helpdesk {

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

    /// Makes every change durable at once. Throws `error{conflict}` when the
    /// store lost a serialisation race, `error{storage_unavailable}` when it
    /// cannot be reached; the transaction is rolled back in both cases.
    virtual void commit() = 0;
};

/// A database the engine keeps its state in. Thread-safe: any number of
/// threads may call `begin` at once; each gets its own transaction.
class store {
public:
    virtual ~store() = default;

    /// Opens a transaction. Write transactions are serialised by the store
    /// (they may wait, up to the store's busy timeout, for another writer).
    [[nodiscard]] virtual std::unique_ptr<transaction> begin(tx_mode mode) = 0;
};

} // namespace helpdesk
