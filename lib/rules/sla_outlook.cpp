#include <helpdesk/rules/sla_outlook.hpp>

#include <algorithm>

namespace helpdesk {

namespace {

void keep_earliest(std::optional<time_point>& kept, const std::optional<time_point>& candidate) {
    if (candidate && (!kept || *candidate < *kept)) {
        kept = candidate;
    }
}

} // namespace

std::optional<sla_outlook> outlook_of(const sla_measure& m) noexcept {
    if (m.policy_version <= 0) {
        return std::nullopt;
    }
    // Mirrors state_at(sla_clock): a stopped clock's state never changes; a
    // paused one is breached after its due date (when it has one) and paused
    // before; a running one goes at risk, then breached. A breach for good is
    // one "after the beginning of time", so that a store finds every breached
    // ticket with one comparison on one indexed column.
    sla_outlook o{.settled = sla_state::met, .at_risk_from = std::nullopt, .breached_after = std::nullopt};
    for (const auto* clock : {&m.first_response, &m.resolution}) {
        if (clock->stopped_at) {
            if (state_at(*clock, *clock->stopped_at) == sla_state::breached) {
                o.breached_after = time_point::min();
            }
            continue;
        }
        keep_earliest(o.breached_after, clock->due);
        if (clock->paused) {
            o.settled = worse(o.settled, sla_state::paused);
        } else {
            o.settled = worse(o.settled, sla_state::on_track);
            keep_earliest(o.at_risk_from, clock->at_risk_at);
        }
    }
    return o;
}

sla_state state_at(const sla_outlook& o, time_point now) noexcept {
    auto state = o.settled;
    if (o.at_risk_from && *o.at_risk_from <= now) {
        state = worse(state, sla_state::at_risk);
    }
    if (o.breached_after && *o.breached_after < now) {
        state = sla_state::breached;
    }
    return state;
}

sla_state overall_state_at(const sla_measure& m, time_point now) noexcept {
    return worse(state_at(m.first_response, now), state_at(m.resolution, now));
}

} // namespace helpdesk
