#include <helpdesk/engine.hpp>
#include <helpdesk/rules/sla_notices.hpp>
#include <helpdesk/services/scheduler_service.hpp>

#include "services/service_support.hpp"
#include "services/ticket_support.hpp"

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

} // namespace

scheduler_pass scheduler_service::run_once() { return run_once(context_.time_source().now()); }

scheduler_pass scheduler_service::run_once(time_point now, std::int64_t batch) {
    batch = std::max<std::int64_t>(batch, 1);
    scheduler_pass pass;
    for (;;) {
        const auto [checked, sent] = detail::in_write_transaction(context_, [&](transaction& tx) {
            const auto due = tx.tickets().due_sla_notices(now, batch);
            std::int64_t notices = 0;
            for (const auto& t : due) {
                notices += send_due_notices(tx, t, now);
            }
            return std::pair{static_cast<std::int64_t>(due.size()), notices};
        });
        pass.tickets_checked += checked;
        pass.sla_notices += sent;
        // A short batch was the last; a full one may have left more (or, with
        // several schedulers, rows another one holds: they are its work). A
        // full batch that sent nothing only corrected stale next-notice
        // instants: the next pass goes on, so no pass can loop for ever.
        if (checked < batch || sent == 0) {
            return pass;
        }
    }
}

} // namespace helpdesk
