#include "transaction.hpp"

#include "error_mapping.hpp"

namespace helpdesk::sqlite::detail {

transaction::transaction(std::shared_ptr<const void> owner, connection_lease lease, tx_mode mode,
                         bool toggle_query_only)
    // The connection outlives the move of its lease: the lease only points to it.
    : store_transaction{"sqlite", lease.db()}, owner_{std::move(owner)}, lease_{std::move(lease)},
      toggle_query_only_{toggle_query_only && mode == tx_mode::read} {
    auto& db = lease_->db();
    if (toggle_query_only_) {
        db.prepare("PRAGMA query_only = 1").run();
    }
    try {
        db.prepare(mode == tx_mode::write ? "BEGIN IMMEDIATE" : "BEGIN").run();
    } catch (...) {
        finish();
        throw;
    }
}

transaction::~transaction() {
    end_unfinished();
}

void transaction::commit_on_server() {
    auto& db = lease_->db();
    // SQLite rolls a transaction back by itself on some errors (I/O, full
    // disk); committing then would silently commit nothing.
    if (sqlite3_get_autocommit(db.handle()) != 0) {
        throw error{errc::storage_unavailable, "sqlite rolled the transaction back after an earlier error"};
    }
    db.prepare("COMMIT").run();
}

void transaction::rollback() noexcept {
    auto& db = lease_->db();
    if (sqlite3_get_autocommit(db.handle()) == 0) {
        try {
            db.prepare("ROLLBACK").run();
        } catch (...) {
            // Nothing more can be done; the next BEGIN would report it.
        }
    }
}

void transaction::release() noexcept {
    if (toggle_query_only_) {
        try {
            lease_->db().prepare("PRAGMA query_only = 0").run();
        } catch (...) {
            // Only fails on out-of-memory; the connection stays read-only.
        }
    }
    lease_.reset();
}

} // namespace helpdesk::sqlite::detail
