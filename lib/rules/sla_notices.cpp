#include <helpdesk/rules/sla_notices.hpp>

#include "domain/enum_names.hpp"

#include <algorithm>

namespace helpdesk {
namespace {

constexpr std::pair<sla_notice, std::string_view> notice_names[] = {
    {sla_notice::first_response_at_risk, "first_response_at_risk"},
    {sla_notice::first_response_breached, "first_response_breached"},
    {sla_notice::resolution_at_risk, "resolution_at_risk"},
    {sla_notice::resolution_breached, "resolution_breached"},
};

constexpr std::int32_t bit(sla_notice n) noexcept {
    return static_cast<std::int32_t>(n);
}

// One target's clock with its two notices.
struct target_notices {
    const sla_clock& clock;
    sla_notice at_risk;
    sla_notice breached;
};

// The targets whose clocks have not stopped: only they can call for a notice.
std::vector<target_notices> unstopped_targets(const sla_measure& m) {
    std::vector<target_notices> found;
    if (!m.first_response.stopped_at) {
        found.push_back(
            {m.first_response, sla_notice::first_response_at_risk, sla_notice::first_response_breached});
    }
    if (!m.resolution.stopped_at) {
        found.push_back({m.resolution, sla_notice::resolution_at_risk, sla_notice::resolution_breached});
    }
    return found;
}

// A breach is after the due date (as state_at has it), so its instant is one tick later.
time_point breach_instant(time_point due) noexcept {
    return due + time_point::duration{1};
}

} // namespace

std::string_view to_string(sla_notice n) noexcept {
    return detail::enum_name(notice_names, n);
}

std::vector<sla_notice> notices_due(const sla_measure& m, std::int32_t sent, time_point now) {
    std::vector<sla_notice> due;
    for (const target_notices& t : unstopped_targets(m)) {
        const auto state = state_at(t.clock, now);
        if (state == sla_state::breached && (sent & bit(t.breached)) == 0) {
            due.push_back(t.breached);
        } else if (state == sla_state::at_risk && (sent & bit(t.at_risk)) == 0) {
            due.push_back(t.at_risk);
        }
    }
    return due;
}

std::int32_t with_sent(std::int32_t sent, const std::vector<sla_notice>& notices) noexcept {
    for (const auto n : notices) {
        sent |= bit(n);
        if (n == sla_notice::first_response_breached) {
            sent |= bit(sla_notice::first_response_at_risk);
        } else if (n == sla_notice::resolution_breached) {
            sent |= bit(sla_notice::resolution_at_risk);
        }
    }
    return sent;
}

std::optional<time_point> next_notice_at(const sla_measure& m, std::int32_t sent) {
    std::optional<time_point> next;
    const auto consider = [&](std::optional<time_point> at) {
        if (at && (!next || *at < *next)) {
            next = at;
        }
    };
    for (const target_notices& t : unstopped_targets(m)) {
        if ((sent & bit(t.breached)) == 0 && t.clock.due) {
            consider(breach_instant(*t.clock.due));
        }
        if ((sent & bit(t.at_risk)) == 0 && !t.clock.paused && t.clock.at_risk_at) {
            consider(t.clock.at_risk_at);
        }
    }
    return next;
}

} // namespace helpdesk
