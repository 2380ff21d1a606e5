#pragma once

#include "connection.hpp"
#include "transaction_bound.hpp"

#include <helpdesk/ports/outbox_repository.hpp>

namespace helpdesk::sqlite::detail {

/// `helpdesk::outbox_repository` over one connection inside an open
/// transaction. Borrows the connection; used by the transaction's thread only.
/// Per-state counts are kept by triggers in `outbox_counts`. SQLite runs one
/// writer at a time, so `due` in a write transaction reserves its rows
/// trivially. `delivered_to` is stored as the channel names joined by ','.
class outbox_repository final : public helpdesk::outbox_repository, public transaction_bound {
public:
    using transaction_bound::transaction_bound;

    void insert(outbox_event& e) override;
    [[nodiscard]] std::vector<outbox_event> due(time_point now, std::int64_t limit) override;
    [[nodiscard]] std::optional<outbox_event> find(row_id id) override;
    /// Throws `error{not_found}` when no event has id `e.id`.
    void update(const outbox_event& e) override;
    [[nodiscard]] bool update_if_leased(const outbox_event& e, std::string_view held_lease) override;
    [[nodiscard]] page<outbox_event> list(outbox_state state, std::int64_t offset, std::int64_t limit) override;
    [[nodiscard]] std::int64_t count(outbox_state state) override;
};

} // namespace helpdesk::sqlite::detail
