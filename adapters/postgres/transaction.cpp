#include "transaction.hpp"

#include <helpdesk/error.hpp>

#include <cstring>

namespace helpdesk::postgres::detail {

transaction::transaction(std::shared_ptr<const void> owner, lease held, tx_mode mode)
    // The connection outlives the move of its lease: the lease owns it through a pointer.
    : store_transaction{"postgres", held.db(), mode}, owner_{std::move(owner)}, lease_{std::move(held)},
      mode_{mode} {
    lease_->db().defer_begin(mode == tx_mode::write ? "BEGIN ISOLATION LEVEL REPEATABLE READ"
                                                    : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
}

transaction::~transaction() {
    end_unfinished();
}

void transaction::commit_on_server() {
    auto& db = lease_->db();
    if (db.begin_pending()) {
        // No statement ran: there is nothing on the server to commit.
        db.cancel_begin();
        return;
    }
    if (mode_ == tx_mode::read && PQtransactionStatus(db.handle()) == PQTRANS_INTRANS) {
        // A read-only transaction has nothing to make durable: end it without
        // waiting (see rollback).
        rollback();
        return;
    }
    if (PQtransactionStatus(db.handle()) == PQTRANS_INERROR) {
        throw error{errc::internal, "postgres transaction was aborted by an earlier failed statement"};
    }
    auto r = db.execute_script("COMMIT");
    // A COMMIT of an aborted transaction "succeeds" as ROLLBACK.
    if (std::strcmp(PQcmdStatus(r.handle()), "COMMIT") != 0) {
        throw error{errc::internal, "postgres rolled the transaction back instead of committing it"};
    }
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

void transaction::release() noexcept {
    lease_->db().discard_deferred();
    lease_.reset();
}

} // namespace helpdesk::postgres::detail
