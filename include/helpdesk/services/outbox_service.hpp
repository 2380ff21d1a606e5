#pragma once

#include <helpdesk/domain/outbox_event.hpp>
#include <helpdesk/ports/notifier.hpp>
#include <helpdesk/ports/queries.hpp>
#include <helpdesk/services/paging.hpp>
#include <helpdesk/services/ticket_service.hpp>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace helpdesk {

class engine_context;

/// How a delivery attempt failed.
enum class failure_kind {
    transient, ///< retried with backoff until `max_delivery_attempts`
    permanent  ///< parked as dead at once
};

/// Reading and settling the outbox. The claim/settle calls are not
/// actor-bound: they are for the embedder's or server's delivery workers
/// (see `outbox_relay`). `list` and `requeue` are for System Admins.
/// Thread-safe; each call is one transaction.
class outbox_service {
public:
    /// Uses the context's store, clock and randomness; the context must outlive the service.
    explicit outbox_service(engine_context& context) : context_(context) {}

    /// Pending events whose next attempt is due, oldest first (a read; nothing is claimed).
    [[nodiscard]] std::vector<outbox_event> pending(std::int64_t limit = 100);
    /// Claims up to `limit` due events for delivery: in one write transaction
    /// each gets a fresh random `lease` and its next attempt moves
    /// `delivery_lease` ahead, so no other worker sharing the store is handed
    /// it until this one settles it or the lease runs out (a worker that died
    /// mid-delivery is covered that way).
    [[nodiscard]] std::vector<outbox_event> claim_due(std::int64_t limit = 100);
    /// Marks a claimed event delivered and erases its `secret`. Returns false,
    /// changing nothing, when `lease` is no longer the event's lease (it ran
    /// out and another worker claimed the event, or it was settled).
    /// not_found for an unknown id.
    bool mark_delivered(row_id id, std::string_view lease);
    /// Before a delivery: makes sure the claim on `claimed` has at least half
    /// of `delivery_lease` left, renewing it (one write, `claimed.next_attempt_at`
    /// updated) when less remains, so a long batch never hands an event to a
    /// channel after its lease ran out. Returns false, changing nothing, when
    /// the lease is lost (expired, or another worker holds the event): skip it.
    [[nodiscard]] bool hold(outbox_event& claimed);
    /// Records that channel `channel` has a claimed event (a partial success),
    /// so a retry skips it. Returns false, changing nothing, for a stale lease.
    /// not_found for an unknown id; invalid_argument for an empty channel name
    /// or one with ',' (names are stored joined by ',').
    bool mark_channel_delivered(row_id id, std::string_view lease, std::string_view channel);
    /// Records a failed attempt with `reason` as the event's last error
    /// (made valid UTF-8 without control characters, at most 2000 bytes):
    /// retried later with exponential backoff and jitter, or `dead` when
    /// `kind` is permanent or `max_delivery_attempts` is reached. Returns the
    /// new state; a stale lease changes nothing and returns the current state.
    outbox_state mark_failed(row_id id, std::string_view lease, std::string_view reason,
                             failure_kind kind = failure_kind::transient);
    /// Number of events in `state`.
    [[nodiscard]] std::int64_t count(outbox_state state);
    /// Claims due events (up to `limit`), hands each to `channel` once, and
    /// settles it as delivered or failed. Returns how many were delivered.
    std::int64_t deliver_due(notifier& channel, std::int64_t limit = 100);

    /// System Admin only: a page of the events in `state`, newest first. The
    /// events' `secret` is never returned.
    [[nodiscard]] list_page<outbox_event> list(account_id actor, outbox_state state,
                                               const page_request& request = {});
    /// System Admin only: puts a dead event back in the queue, due now, with
    /// its attempts reset (its last error and the channels that already have
    /// it are kept). not_found for an unknown id; invalid_state unless dead.
    outbox_event requeue(account_id actor, row_id id);

    /// Who hears of `event` by email, per docs/product.md#notifications, resolved now: approved
    /// accounts only, without duplicates. Empty for events no person hears of
    /// (`ticket.finalized`) and for `account.rejected`, whose account is gone
    /// (its payload carries the email). An SLA notice without an account (its
    /// ticket was unassigned) is for the Ticket Coordinators, or the System
    /// Admins when there is none.
    [[nodiscard]] std::vector<account_summary> audience(const outbox_event& event);
    /// The ticket as it is now, with its people, attachments and public
    /// comments, for channels that describe it (not actor-bound; trusted
    /// callers only). Empty when the ticket no longer exists.
    [[nodiscard]] std::optional<ticket_details> ticket_snapshot(ticket_id id);

private:
    engine_context& context_;
};

} // namespace helpdesk
