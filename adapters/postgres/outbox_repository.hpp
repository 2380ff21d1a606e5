#pragma once

#include <helpdesk/ports/outbox_repository.hpp>

#include "transaction_bound.hpp"

namespace helpdesk::postgres::detail {

/// `helpdesk::outbox_repository` over one connection inside an open
/// transaction. Borrows the connection; used by the transaction's thread only.
/// Inserts and updates keep the per-state counts (`outbox_counts`, this
/// connection's shard) in the same statement. `delivered_to` is stored as the
/// channel names joined by ','.
class outbox_repository final : public helpdesk::outbox_repository, public transaction_bound {
public:
    using transaction_bound::transaction_bound;

    /// With an id reserved by this transaction's last ticket insert, sets
    /// `e.id` to it and defers the row to the next round trip (its failure
    /// is then thrown by that later call); otherwise inserts at once.
    void insert(outbox_event& e) override;
    /// In a write transaction the rows are locked `FOR UPDATE SKIP LOCKED`:
    /// concurrent claimers get disjoint events without waiting.
    [[nodiscard]] std::vector<outbox_event> due(time_point now, std::int64_t limit) override;
    [[nodiscard]] std::optional<outbox_event> find(row_id id) override;
    /// Throws `error{not_found}` when no event has id `e.id`.
    void update(const outbox_event& e) override;
    /// Locks the row only while its lease is `held_lease`; under the store's
    /// repeatable-read writes a concurrent settle of the same row fails this
    /// transaction as a transient conflict (retried by the services).
    [[nodiscard]] bool update_if_leased(const outbox_event& e, std::string_view held_lease) override;
    /// Newest first; the count sums this state's `outbox_counts` shards.
    [[nodiscard]] page<outbox_event> list(outbox_state state, std::int64_t offset, std::int64_t limit) override;
    [[nodiscard]] std::int64_t count(outbox_state state) override;
};

} // namespace helpdesk::postgres::detail
