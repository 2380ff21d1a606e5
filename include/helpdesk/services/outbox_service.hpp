#pragma once

#include <helpdesk/domain/outbox_event.hpp>
#include <helpdesk/ports/notifier.hpp>

#include <cstdint>
#include <string_view>
#include <vector>

namespace helpdesk {

class engine_context;

/// Reading and settling the outbox. Not actor-bound: this is for the
/// embedder's or server's delivery workers. Thread-safe; each call is one
/// transaction.
class outbox_service {
public:
    explicit outbox_service(engine_context& ctx) : ctx_(ctx) {}

    /// Pending events whose next attempt is due, oldest first (a read; nothing is claimed).
    [[nodiscard]] std::vector<outbox_event> pending(std::int64_t limit = 100);
    /// Claims up to `limit` due events for delivery: in one write transaction
    /// their next attempt moves `delivery_lease` ahead, so no other worker
    /// sharing the store is handed them until this one settles them or the
    /// lease runs out (a worker that died mid-delivery is covered that way).
    [[nodiscard]] std::vector<outbox_event> claim_due(std::int64_t limit = 100);
    /// Marks an event delivered. not_found for an unknown id; an event that is
    /// no longer pending (settled by another worker) is left as it is.
    void mark_delivered(row_id id);
    /// Records a failed attempt: retried later with exponential backoff, or
    /// `dead` once `max_delivery_attempts` is reached. Returns the new state;
    /// an event that is no longer pending is left as it is.
    outbox_state mark_failed(row_id id, std::string_view reason);
    /// Number of events in `state`.
    [[nodiscard]] std::int64_t count(outbox_state state);
    /// Claims due events (up to `limit`), hands each to `channel` once, and
    /// settles it as delivered or failed. Returns how many were delivered.
    std::int64_t deliver_due(notifier& channel, std::int64_t limit = 100);

private:
    engine_context& ctx_;
};

} // namespace helpdesk
