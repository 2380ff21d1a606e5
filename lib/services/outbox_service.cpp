#include "security/tokens.hpp"
#include "services/paging.hpp"
#include "services/service_support.hpp"
#include "services/ticket_support.hpp"
#include "services/unicode_text.hpp"

#include <helpdesk/rules/policy.hpp>
#include <helpdesk/services/outbox_service.hpp>

#include <algorithm>
#include <array>

namespace helpdesk {
namespace {

outbox_event require_event(transaction& tx, row_id id) {
    auto found = tx.outbox().find(id);
    if (!found) {
        throw error(errc::not_found, "outbox event not found");
    }
    return *found;
}

// A channel's error text as the event's last error: valid UTF-8 (stores
// refuse anything else, and a refusal here would leave the event claimed
// until its lease ran out, with no attempt counted), no control characters,
// at most `max_bytes`, cut between code points.
std::string clean_error_text(std::string_view text, std::size_t max_bytes = 2000) {
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto start = pos;
        const auto c = detail::next_code_point(text, pos);
        std::string_view piece;
        if (!c) {
            pos = start + 1;
            piece = "\xEF\xBF\xBD"; // U+FFFD for a malformed byte
        } else if (detail::is_forbidden_in_text(*c, false)) {
            piece = " ";
        } else {
            piece = text.substr(start, pos - start);
        }
        if (out.size() + piece.size() > max_bytes) {
            break;
        }
        out += piece;
    }
    return out;
}

// A uniformly random fraction in [0, 1) from the injected randomness, so tests
// with a fixed random source see fixed delays.
double random_fraction(random_source& random) {
    std::array<unsigned char, 4> bytes{};
    random.fill(bytes);
    const auto value = (std::uint32_t{bytes[0]} << 24) | (std::uint32_t{bytes[1]} << 16) |
                       (std::uint32_t{bytes[2]} << 8) | std::uint32_t{bytes[3]};
    return static_cast<double>(value) / 4294967296.0;
}

// first_retry_delay × 2^(attempts-1), capped at a day, then "equal jitter":
// between half and all of it, so workers that failed together spread out.
std::chrono::milliseconds retry_delay(const engine_options& o, std::int32_t attempts, random_source& random) {
    const auto doublings = std::clamp(attempts - 1, 0, 20);
    const auto base = std::min<std::chrono::milliseconds>(o.first_retry_delay * (1LL << doublings),
                                                          std::chrono::hours{24});
    const auto half = base / 2;
    return half + std::chrono::milliseconds{static_cast<std::int64_t>(
                      static_cast<double>(half.count()) * random_fraction(random))};
}

} // namespace

std::vector<outbox_event> outbox_service::pending(std::int64_t limit) {
    const auto now = context_.time_source().now();
    return detail::in_read_transaction(context_, [&](transaction& tx) { return tx.outbox().due(now, limit); });
}

std::vector<outbox_event> outbox_service::claim_due(std::int64_t limit) {
    const auto now = context_.time_source().now();
    return detail::in_write_transaction(context_, [&](transaction& tx) {
        auto claimed = tx.outbox().due(now, limit);
        for (auto& event : claimed) {
            event.next_attempt_at = now + context_.options().delivery_lease;
            event.lease = detail::random_hex(context_.random(), 16);
            tx.outbox().update(event);
        }
        return claimed;
    });
}

bool outbox_service::mark_delivered(row_id id, std::string_view lease) {
    return detail::in_write_transaction(context_, [&](transaction& tx) {
        auto event = require_event(tx, id);
        if (event.state != outbox_state::pending || lease.empty() || event.lease != lease) {
            return false; // settled already, or claimed by another worker since
        }
        event.state = outbox_state::delivered;
        event.attempts += 1;
        event.last_error.reset();
        event.secret.reset();
        event.lease.clear();
        return tx.outbox().update_if_leased(event, lease);
    });
}

bool outbox_service::hold(outbox_event& claimed) {
    const auto now = context_.time_source().now();
    const auto lease = context_.options().delivery_lease;
    if (claimed.lease.empty() || now >= claimed.next_attempt_at) {
        return false; // expired: another worker may hold it already
    }
    if (claimed.next_attempt_at - now >= lease / 2) {
        return true;
    }
    return detail::in_write_transaction(context_, [&](transaction& tx) {
        auto event = require_event(tx, claimed.id);
        if (event.state != outbox_state::pending || event.lease != claimed.lease) {
            return false;
        }
        event.next_attempt_at = now + lease;
        if (!tx.outbox().update_if_leased(event, claimed.lease)) {
            return false;
        }
        claimed.next_attempt_at = event.next_attempt_at;
        return true;
    });
}

bool outbox_service::mark_channel_delivered(row_id id, std::string_view lease, std::string_view channel) {
    if (channel.empty() || channel.find(',') != std::string_view::npos) {
        throw error(errc::invalid_argument, "a channel name is not empty and has no ','",
                    {{"channel", {"Must be non-empty, without ','."}}});
    }
    return detail::in_write_transaction(context_, [&](transaction& tx) {
        auto event = require_event(tx, id);
        if (event.state != outbox_state::pending || lease.empty() || event.lease != lease) {
            return false;
        }
        if (std::find(event.delivered_to.begin(), event.delivered_to.end(), channel) == event.delivered_to.end()) {
            event.delivered_to.emplace_back(channel);
        }
        return tx.outbox().update_if_leased(event, lease);
    });
}

outbox_state outbox_service::mark_failed(row_id id, std::string_view lease, std::string_view reason,
                                         failure_kind kind) {
    const auto now = context_.time_source().now();
    return detail::in_write_transaction(context_, [&](transaction& tx) {
        auto event = require_event(tx, id);
        if (event.state != outbox_state::pending || lease.empty() || event.lease != lease) {
            return event.state; // a late failure never revives or kills an event another worker holds
        }
        event.attempts += 1;
        event.last_error = clean_error_text(reason);
        event.lease.clear();
        if (kind == failure_kind::permanent || event.attempts >= context_.options().max_delivery_attempts) {
            event.state = outbox_state::dead;
        } else {
            event.next_attempt_at = now + retry_delay(context_.options(), event.attempts, context_.random());
        }
        if (!tx.outbox().update_if_leased(event, lease)) {
            return require_event(tx, id).state;
        }
        return event.state;
    });
}

std::int64_t outbox_service::count(outbox_state state) {
    return detail::in_read_transaction(context_, [&](transaction& tx) { return tx.outbox().count(state); });
}

std::int64_t outbox_service::deliver_due(notifier& channel, std::int64_t limit) {
    std::int64_t delivered = 0;
    auto claimed = claim_due(limit);
    for (auto& event : claimed) {
        if (!hold(event)) {
            continue; // the claim ran out during this batch: another worker has it
        }
        try {
            channel.deliver(event);
        } catch (const delivery_failure& failure) {
            (void)mark_failed(event.id, event.lease, failure.what(),
                              failure.permanent() ? failure_kind::permanent : failure_kind::transient);
            continue;
        } catch (const std::exception& failure) {
            (void)mark_failed(event.id, event.lease, failure.what());
            continue;
        }
        if (mark_delivered(event.id, event.lease)) {
            ++delivered;
        }
    }
    return delivered;
}

list_page<outbox_event> outbox_service::list(account_id actor_id, outbox_state state, const page_request& request) {
    // Newest first, by id.
    constexpr detail::cursor_kind events{'o', true, false};
    const auto window = detail::window_of(request, events);
    return detail::in_read_transaction(context_, [&](transaction& tx) {
        can(detail::load_actor(tx, actor_id), action::manage_outbox, nullptr).enforce();
        auto found = detail::page_by_id(tx.outbox().list(state, window), request, events);
        for (auto& event : found.results) {
            event.secret.reset();
        }
        return found;
    });
}

outbox_event outbox_service::requeue(account_id actor_id, row_id id) {
    const auto now = context_.time_source().now();
    return detail::in_write_transaction(context_, [&](transaction& tx) {
        can(detail::load_actor(tx, actor_id), action::manage_outbox, nullptr).enforce();
        auto event = require_event(tx, id);
        if (event.state != outbox_state::dead) {
            throw error(errc::invalid_state,
                        "only a dead event can be requeued; this one is " + std::string{to_string(event.state)});
        }
        event.state = outbox_state::pending;
        event.attempts = 0;
        event.next_attempt_at = now;
        event.lease.clear();
        tx.outbox().update(event);
        event.secret.reset();
        return event;
    });
}

std::vector<account_summary> outbox_service::audience(const outbox_event& event) {
    if (event.kind == event_kind::ticket_finalized || event.kind == event_kind::account_rejected) {
        return {};
    }
    // A pending account hears only that it registered; nobody else does. A
    // deactivated account hears only that it was deactivated.
    const bool registering = event.kind == event_kind::account_registered;
    const bool deactivating = event.kind == event_kind::account_deactivated;
    // An SLA notice of an unassigned ticket is for the coordinators (the
    // System Admins when there is none).
    const bool to_coordinators = !event.account && (event.kind == event_kind::ticket_sla_at_risk ||
                                                    event.kind == event_kind::ticket_sla_breached);
    return detail::in_read_transaction(context_, [&](transaction& tx) {
        std::vector<account_id> ids;
        if (event.account) {
            ids.push_back(*event.account);
        }
        if (event.kind == event_kind::ticket_created || to_coordinators) {
            for (const auto staff : tx.accounts().staff_ids()) {
                ids.push_back(staff);
            }
        }
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        std::vector<account_summary> people;
        for (const auto& a : tx.accounts().find_many(ids)) {
            const bool reachable = a.is_active || deactivating;
            if ((a.status == account_status::approved && reachable) ||
                (registering && a.status == account_status::pending)) {
                people.push_back(detail::summarize(a));
            }
        }
        if (to_coordinators && std::any_of(people.begin(), people.end(), [](const account_summary& p) {
                return p.account_role == role::ticket_coordinator;
            })) {
            std::erase_if(people, [](const account_summary& p) { return p.account_role != role::ticket_coordinator; });
        }
        return people;
    });
}

std::optional<ticket_details> outbox_service::ticket_snapshot(ticket_id id) {
    return detail::in_read_transaction(context_, [&](transaction& tx) -> std::optional<ticket_details> {
        const auto t = tx.tickets().find(id);
        if (!t) {
            return std::nullopt;
        }
        return detail::load_details(tx, *t, false, context_.time_source().now());
    });
}

} // namespace helpdesk
