#include "transaction.hpp"

#include <helpdesk/error.hpp>

#include <cstring>

namespace helpdesk::postgres::detail {

transaction::transaction(std::shared_ptr<const void> owner, lease held, tx_mode mode)
    // The connection outlives the move of its lease: the lease owns it through a pointer.
    : repositories{held.db(), mode}, owner_{std::move(owner)}, lease_{std::move(held)}, mode_{mode} {
    lease_->db().defer_begin(mode == tx_mode::write ? "BEGIN ISOLATION LEVEL REPEATABLE READ"
                                                    : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
}

transaction::~transaction() {
    if (!finished_) {
        rollback();
        finish();
    }
}

void transaction::commit() {
    if (finished_) {
        throw error{errc::internal, "postgres transaction already finished"};
    }
    auto& db = lease_->db();
    if (db.begin_pending()) {
        // No statement ran: there is nothing on the server to commit.
        db.cancel_begin();
        finish();
        return;
    }
    if (mode_ == tx_mode::read && PQtransactionStatus(db.handle()) == PQTRANS_INTRANS) {
        // A read-only transaction has nothing to make durable: end it without
        // waiting (see rollback).
        rollback();
        finish();
        return;
    }
    if (PQtransactionStatus(db.handle()) == PQTRANS_INERROR) {
        rollback();
        finish();
        throw error{errc::internal, "postgres transaction was aborted by an earlier failed statement"};
    }
    try {
        auto r = db.execute_script("COMMIT");
        // A COMMIT of an aborted transaction "succeeds" as ROLLBACK.
        if (std::strcmp(PQcmdStatus(r.handle()), "COMMIT") != 0) {
            throw error{errc::internal, "postgres rolled the transaction back instead of committing it"};
        }
    } catch (...) {
        rollback();
        finish();
        throw;
    }
    finish();
}

void transaction::rollback() noexcept {
    auto& db = lease_->db();
    if (db.begin_pending()) {
        db.cancel_begin();
        return;
    }
    if (db.healthy() && db.in_transaction()) {
        // Sent without waiting: the server ends the transaction (and drops
        // its snapshot and locks) at once, and the reply is read before the
        // connection's next command, so the caller does not wait a round
        // trip. A connection where it cannot even be sent is closed by the
        // pool instead of being lent again.
        (void)db.send_end("ROLLBACK");
    }
}

void transaction::finish() noexcept {
    finished_ = true;
    lease_->db().discard_deferred();
    detach_repositories();
    lease_.reset();
}

} // namespace helpdesk::postgres::detail
