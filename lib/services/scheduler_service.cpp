#include <helpdesk/engine.hpp>
#include <helpdesk/rules/sla_notices.hpp>
#include <helpdesk/services/scheduler_service.hpp>

#include "services/service_support.hpp"
#include "services/ticket_support.hpp"
#include "services/tickets/ticket_change.hpp"

#include <algorithm>
#include <string>

namespace helpdesk {
namespace {

struct notice_facts {
    std::string_view kind;
    std::string_view target;
    const sla_clock* clock;
};

notice_facts facts_of(sla_notice n, const ticket& t) {
    switch (n) {
    case sla_notice::first_response_at_risk:
        return {event_kind::ticket_sla_at_risk, "first_response", &t.sla.first_response};
    case sla_notice::first_response_breached:
        return {event_kind::ticket_sla_breached, "first_response", &t.sla.first_response};
    case sla_notice::resolution_at_risk:
        return {event_kind::ticket_sla_at_risk, "resolution", &t.sla.resolution};
    case sla_notice::resolution_breached:
        break;
    }
    return {event_kind::ticket_sla_breached, "resolution", &t.sla.resolution};
}

// Writes the notices `t` calls for at `now` and records them; returns how many.
std::int64_t send_due_notices(transaction& tx, const ticket& t, time_point now) {
    const auto notices = notices_due(t.sla, t.sla_notified, now);
    for (const auto n : notices) {
        const auto facts = facts_of(n, t);
        const auto due = facts.clock->due ? to_rfc3339(*facts.clock->due) : std::string{};
        // Addressed to the assignee; an unassigned ticket's notice has no
        // account, and the outbox's audience makes it the coordinators'.
        detail::record_event(tx, now, facts.kind, t.assigned_to, t.id,
                             detail::ticket_payload(t, std::nullopt, {{"target", std::string{facts.target}},
                                                                      {"due", due}}));
    }
    const auto sent = with_sent(t.sla_notified, notices);
    tx.tickets().set_sla_notified(t.id, sent, next_notice_at(t.sla, sent));
    return static_cast<std::int64_t>(notices.size());
}

// "7 days", "36 hours", "90 minutes": a wait as people say it.
std::string spoken(std::chrono::seconds wait) {
    using namespace std::chrono;
    const auto say = [](std::int64_t n, std::string_view unit) {
        return std::to_string(n) + " " + std::string{unit} + (n == 1 ? "" : "s");
    };
    if (wait % days{1} == seconds::zero()) {
        return say(duration_cast<days>(wait).count(), "day");
    }
    if (wait % hours{1} == seconds::zero()) {
        return say(duration_cast<hours>(wait).count(), "hour");
    }
    return say(duration_cast<minutes>(wait).count(), "minute");
}

// Closes `t`, Resolved without an answer from its owner for `after`, as the
// owner's close would, with nobody as the actor and the reason in history.
void close_unanswered(engine_context& context, transaction& tx, const ticket& t, std::chrono::seconds after,
                      time_point now) {
    detail::ticket_change change;
    change.item = t;
    change.version_before = t.version;
    change.sla_before = detail::sla_inputs_of(t);
    auto& item = change.item;
    detail::move_status(tx, item, std::nullopt, *lifecycle_target(action::close, item.status), now);
    detail::record_history(tx, item, std::nullopt, now, history_kind::closed_automatically, std::nullopt, spoken(after));
    detail::record_event(tx, now, event_kind::ticket_closed, item.employee, item.id,
                         detail::ticket_payload(item, std::nullopt, {{"closed_automatically_after", spoken(after)}}));
    detail::save(context, tx, change, now, std::nullopt);
}

// Reminds the owner of `t`, Pending on them for `after` or longer, once.
void remind_owner(transaction& tx, const ticket& t, std::chrono::seconds after, time_point now) {
    detail::record_history(tx, t, std::nullopt, now, history_kind::owner_reminded, std::nullopt, spoken(after));
    detail::record_event(tx, now, event_kind::ticket_pending_reminder, t.employee, t.id,
                         detail::ticket_payload(t, std::nullopt,
                                                {{"pending_since", to_rfc3339(*t.waiting_on_owner_since)}}));
    tx.tickets().set_owner_reminded(t.id);
}

// Runs `batch_of(tx)` (which handles up to `batch` tickets and returns how
// many it found, and how many of them it acted on) in transactions until a
// batch comes back short. A full batch that acted on nothing only corrected
// stale instants: the next pass goes on, so no pass can loop for ever.
template <class Batch>
std::pair<std::int64_t, std::int64_t> drain(engine_context& context, std::int64_t batch, Batch&& batch_of) {
    std::pair<std::int64_t, std::int64_t> total{0, 0};
    for (;;) {
        const auto [found, acted] =
            detail::in_write_transaction(context, [&](transaction& tx) { return batch_of(tx); });
        total.first += found;
        total.second += acted;
        // With several schedulers, a short batch may also mean rows another one holds: they are its work.
        if (found < batch || acted == 0) {
            return total;
        }
    }
}

} // namespace

scheduler_pass scheduler_service::run_once(std::int64_t batch) { return run_once(context_.time_source().now(), batch); }

scheduler_pass scheduler_service::run_once(time_point now, std::int64_t batch) {
    batch = std::max<std::int64_t>(batch, 1);
    const auto& options = context_.options();
    scheduler_pass pass;
    const auto notices = drain(context_, batch, [&](transaction& tx) {
        const auto due = tx.tickets().due_sla_notices(now, batch);
        std::int64_t sent = 0;
        for (const auto& t : due) {
            sent += send_due_notices(tx, t, now);
        }
        return std::pair{static_cast<std::int64_t>(due.size()), sent};
    });
    pass.tickets_checked = notices.first;
    pass.sla_notices = notices.second;
    if (options.auto_close_after > std::chrono::seconds::zero()) {
        pass.auto_closed = drain(context_, batch, [&](transaction& tx) {
                               const auto found =
                                   tx.tickets().waiting_on_owner(ticket_status::resolved, now - options.auto_close_after, batch);
                               for (const auto& t : found) {
                                   close_unanswered(context_, tx, t, options.auto_close_after, now);
                               }
                               const auto n = static_cast<std::int64_t>(found.size());
                               return std::pair{n, n};
                           }).second;
    }
    if (options.pending_reminder_after > std::chrono::seconds::zero()) {
        pass.owners_reminded = drain(context_, batch, [&](transaction& tx) {
                                   const auto found = tx.tickets().waiting_on_owner(
                                       ticket_status::pending, now - options.pending_reminder_after, batch);
                                   for (const auto& t : found) {
                                       remind_owner(tx, t, options.pending_reminder_after, now);
                                   }
                                   const auto n = static_cast<std::int64_t>(found.size());
                                   return std::pair{n, n};
                               }).second;
    }
    return pass;
}

} // namespace helpdesk
