#pragma once

#include <helpdesk/time.hpp>

#include <cstdint>

namespace helpdesk {

class engine_context;

/// What one scheduler pass did.
struct scheduler_pass {
    std::int64_t tickets_checked = 0; ///< tickets whose next SLA notice instant had come
    std::int64_t sla_notices = 0;     ///< at-risk and breach notices written to the outbox
    std::int64_t auto_closed = 0;     ///< Resolved tickets closed for want of an answer from their owner
    std::int64_t owners_reminded = 0; ///< owners reminded of a ticket Pending on them
};

/// The help desk's work that is due to the passing of time rather than to a
/// request: the SLA notices (docs/product.md#sla) and the two automations
/// (docs/product.md#automations). Not actor-bound: the
/// server's delivery workers call it, and an embedder calls `run_once`
/// from its own timer. Safe with several schedulers (threads, or processes
/// sharing one store) running at once: each ticket's notices are written
/// once. Thread-safe.
class scheduler_service {
public:
    /// A service over `context`, which must outlive it.
    explicit scheduler_service(engine_context& context) noexcept : context_(context) {}

    /// The tickets a pass handles per transaction unless told otherwise.
    static constexpr std::int64_t default_batch = 200;

    /// Does everything due by `now`: for each ticket whose next SLA notice
    /// instant has come (found through an index, never by reading every
    /// ticket), writes the notices its measurement calls for and it has not
    /// had yet to the outbox (`ticket.sla_at_risk`, `ticket.sla_breached`;
    /// for its assignee, or for the coordinators when it has none) and
    /// records them as sent, without a new ticket version. Then closes the
    /// Resolved tickets whose owner has not answered for
    /// `engine_options::auto_close_after` (history `status_changed` and
    /// `closed_automatically`, `ticket.closed` to the owner), and reminds once
    /// the owner of each ticket Pending for `pending_reminder_after`
    /// (history `owner_reminded`, `ticket.pending_reminder`). Each is found
    /// through an index. Works in transactions of up to `batch` tickets until
    /// none is left due.
    scheduler_pass run_once(time_point now, std::int64_t batch = default_batch);
    /// `run_once` at the engine clock's now.
    scheduler_pass run_once(std::int64_t batch = default_batch);

private:
    engine_context& context_;
};

} // namespace helpdesk
