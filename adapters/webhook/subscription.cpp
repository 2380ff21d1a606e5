#include "subscription.hpp"

#include <helpdesk/domain/outbox_event.hpp>
#include <helpdesk/error.hpp>

#include <algorithm>
#include <array>

namespace helpdesk::webhook::detail {
namespace {

constexpr std::size_t min_secret_bytes = 16;

struct known_kind {
    std::string_view name;
    bool about_ticket;
};

// Every kind the core records; a subscription naming anything else has a typo
// and would silently never fire.
constexpr std::array<known_kind, 21> known_kinds{{
    {event_kind::account_registered, false},
    {event_kind::account_approved, false},
    {event_kind::account_rejected, false},
    {event_kind::account_created, false},
    {event_kind::account_deactivated, false},
    {event_kind::account_reactivated, false},
    {event_kind::account_role_changed, false},
    {event_kind::password_reset_requested, false},
    {event_kind::ticket_created, true},
    {event_kind::ticket_approved, true},
    {event_kind::ticket_rejected, true},
    {event_kind::ticket_status_changed, true},
    {event_kind::ticket_resolved, true},
    {event_kind::ticket_closed, true},
    {event_kind::ticket_assigned, true},
    {event_kind::ticket_finalized, true},
    {event_kind::ticket_updated, true},
    {event_kind::comment_added, true},
    {event_kind::ticket_sla_at_risk, true},
    {event_kind::ticket_sla_breached, true},
    {event_kind::ticket_pending_reminder, true},
}};

const known_kind* find_kind(std::string_view name) noexcept {
    const auto it = std::find_if(known_kinds.begin(), known_kinds.end(),
                                 [&](const known_kind& k) { return k.name == name; });
    return it == known_kinds.end() ? nullptr : &*it;
}

} // namespace

subscription check(const options& opts) {
    field_errors faults;
    subscription sub;

    auto parsed = parse_endpoint(opts.url);
    if (auto* problem = std::get_if<std::string>(&parsed)) {
        faults["url"].push_back(*problem);
    } else {
        sub.target = std::move(std::get<endpoint>(parsed));
    }
    if (opts.secret.size() < min_secret_bytes) {
        faults["secret"].push_back("Must be at least " + std::to_string(min_secret_bytes) + " bytes long.");
    }
    if (opts.timeout.count() <= 0) {
        faults["timeout"].push_back("Must be positive.");
    }
    for (const auto& name : opts.events) {
        const auto* kind = find_kind(name);
        if (kind == nullptr) {
            faults["events"].push_back("\"" + name + "\" is not an event kind.");
        } else if (opts.format == payload_format::workflow && !kind->about_ticket) {
            faults["events"].push_back("\"" + name + "\" concerns no ticket, so the workflow format cannot carry it.");
        } else if (std::find(sub.kinds.begin(), sub.kinds.end(), name) == sub.kinds.end()) {
            sub.kinds.push_back(name);
        }
    }
    if (!faults.empty()) {
        throw error(errc::invalid_argument, "the webhook options are not valid", std::move(faults));
    }
    if (opts.format == payload_format::workflow && sub.kinds.empty()) {
        sub.kinds = {std::string{event_kind::ticket_approved}, std::string{event_kind::ticket_finalized}};
    }
    return sub;
}

bool wants(const subscription& sub, std::string_view kind) noexcept {
    return sub.kinds.empty() || std::find(sub.kinds.begin(), sub.kinds.end(), kind) != sub.kinds.end();
}

} // namespace helpdesk::webhook::detail
