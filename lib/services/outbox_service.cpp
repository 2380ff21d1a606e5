#include "services/service_support.hpp"

#include <helpdesk/services/outbox_service.hpp>

#include <algorithm>

namespace helpdesk {
namespace {
outbox_event require_event(transaction& tx, row_id id) {
    auto found = tx.outbox().find(id);
    if (!found) {
        throw error(errc::not_found, "outbox event not found");
    }
    return *found;
}
} // namespace

std::vector<outbox_event> outbox_service::pending(std::int64_t limit) {
    const auto now = ctx_.time_source().now();
    return detail::in_read_transaction(ctx_, [&](transaction& tx) { return tx.outbox().due(now, limit); });
}

std::vector<outbox_event> outbox_service::claim_due(std::int64_t limit) {
    const auto now = ctx_.time_source().now();
    return detail::in_write_transaction(ctx_, [&](transaction& tx) {
        auto claimed = tx.outbox().due(now, limit);
        for (auto& event : claimed) {
            event.next_attempt_at = now + ctx_.options().delivery_lease;
            tx.outbox().update(event);
        }
        return claimed;
    });
}

void outbox_service::mark_delivered(row_id id) {
    detail::in_write_transaction(ctx_, [&](transaction& tx) {
        auto event = require_event(tx, id);
        if (event.state != outbox_state::pending) {
            return; // settled already (a late worker): nothing to undo
        }
        event.state = outbox_state::delivered;
        event.attempts += 1;
        event.last_error.reset();
        tx.outbox().update(event);
    });
}

outbox_state outbox_service::mark_failed(row_id id, std::string_view reason) {
    const auto now = ctx_.time_source().now();
    return detail::in_write_transaction(ctx_, [&](transaction& tx) {
        auto event = require_event(tx, id);
        if (event.state != outbox_state::pending) {
            return event.state; // a late failure never revives or kills a settled event
        }
        event.attempts += 1;
        event.last_error = std::string{reason};
        if (event.attempts >= ctx_.options().max_delivery_attempts) {
            event.state = outbox_state::dead;
        } else {
            // Exponential backoff: first_retry_delay × 2^(attempts-1), capped at a day.
            const auto doublings = std::min(event.attempts - 1, 12);
            const auto delay = std::min<std::chrono::seconds>(ctx_.options().first_retry_delay * (1LL << doublings),
                                                              std::chrono::hours{24});
            event.next_attempt_at = now + delay;
        }
        tx.outbox().update(event);
        return event.state;
    });
}

std::int64_t outbox_service::count(outbox_state state) {
    return detail::in_read_transaction(ctx_, [&](transaction& tx) { return tx.outbox().count(state); });
}

std::int64_t outbox_service::deliver_due(notifier& channel, std::int64_t limit) {
    std::int64_t delivered = 0;
    for (const auto& event : claim_due(limit)) {
        try {
            channel.deliver(event);
        } catch (const std::exception& failure) {
            mark_failed(event.id, failure.what());
            continue;
        }
        mark_delivered(event.id);
        ++delivered;
    }
    return delivered;
}

} // namespace helpdesk
