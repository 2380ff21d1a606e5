#include <helpdesk/rules/business_time.hpp>
#include <helpdesk/rules/sla_clock.hpp>

#include <algorithm>
#include <array>
#include <iterator>
#include <string>

namespace helpdesk {
namespace {

using std::chrono::microseconds;

// A stretch in which a clock ran; `end` is empty for the stretch still running.
struct run {
    time_point begin{};
    std::optional<time_point> end{};
};

// The rows the engine counts as the first staff reaction (where it sets
// response_time): approving or rejecting a New ticket, claiming it, or a
// public comment by someone other than its owner.
bool is_staff_reaction(const history_event& row, account_id owner) {
    switch (row.kind) {
    case history_kind::status_changed:
        return row.old_value == to_string(ticket_status::new_) &&
               (row.new_value == to_string(ticket_status::open) ||
                row.new_value == to_string(ticket_status::rejected));
    case history_kind::assigned:
        return row.actor && row.new_value == std::to_string(*row.actor);
    case history_kind::comment_added:
        return row.actor && *row.actor != owner;
    default:
        return false;
    }
}

bool stops_resolution(ticket_status s) noexcept {
    return s == ticket_status::resolved || is_terminal(s);
}

// For each amount, the first instant at which that much time in `calendar`
// has been spent inside `runs`; empty when the runs end before that. One
// walk serves every amount: each closed run is measured once.
template <std::size_t N>
std::array<std::optional<time_point>, N> reached(const working_calendar& calendar, const time_zones& zones,
                                                 const std::vector<run>& runs,
                                                 std::array<microseconds, N> left) {
    std::array<std::optional<time_point>, N> at{};
    for (const auto& r : runs) {
        const auto available =
            r.end ? business_time_between(calendar, zones, r.begin, *r.end) : microseconds{};
        bool all = true;
        for (std::size_t i = 0; i < N; ++i) {
            if (at[i]) {
                continue;
            }
            if (!r.end || left[i] <= available) {
                at[i] = add_business_time(calendar, zones, r.begin, left[i]);
            } else {
                left[i] -= available;
                all = false;
            }
        }
        if (all) {
            break;
        }
    }
    return at;
}

sla_clock clock_of(const sla_policy& policy, const time_zones& zones, const working_calendar& calendar,
                   const std::vector<run>& runs, const sla_span& target) {
    const auto length = length_of(target, calendar);
    // The share without overflow: `length` may be years of microseconds.
    const auto share = length / 100 * policy.at_risk_percent + length % 100 * policy.at_risk_percent / 100;
    const auto [due, at_risk_at] = reached<2>(calendar, zones, runs, {length, share});
    sla_clock c;
    c.due = due;
    c.at_risk_at = at_risk_at;
    return c;
}

} // namespace

sla_timeline timeline_of(const ticket& t, std::span<const history_event> history) {
    sla_timeline line;
    line.submitted = t.submit_date;
    line.statuses.emplace_back(t.submit_date, ticket_status::new_);
    for (const auto& row : history) {
        if (row.kind == history_kind::status_changed && row.new_value) {
            if (const auto s = parse_ticket_status(*row.new_value)) {
                line.statuses.emplace_back(row.at, *s);
            }
        }
        if (!line.first_reaction && is_staff_reaction(row, t.employee)) {
            line.first_reaction = row.at;
        }
    }
    return line;
}

sla_measure measure_sla(const sla_policy& policy, const time_zones& zones, std::string_view department,
                        priority p, const sla_timeline& timeline) {
    if (timeline.statuses.empty()) {
        throw error{errc::invalid_argument, "an SLA timeline starts with the ticket's first status"};
    }
    const auto& targets = targets_for(policy, department, p);
    const auto& calendar = calendar_for(policy, targets);
    sla_measure m;
    m.policy_version = policy.version;

    // First response: from submission to the reaction or the end. Its due
    // date does not depend on when it stopped, so it is measured as running.
    std::optional<time_point> response_end = timeline.first_reaction;
    for (const auto& [at, status] : timeline.statuses) {
        if (stops_resolution(status)) {
            if (!response_end || at < *response_end) {
                response_end = at;
            }
            break;
        }
    }
    m.first_response =
        clock_of(policy, zones, calendar, {{timeline.submitted, std::nullopt}}, targets.first_response);
    m.first_response.stopped_at = response_end;

    // Resolution: the runs between pauses and stops.
    std::vector<run> runs;
    for (const auto& [at, status] : timeline.statuses) {
        const bool running = !pauses(policy, status) && !stops_resolution(status);
        const bool open = !runs.empty() && !runs.back().end;
        if (running && !open) {
            runs.push_back({at, std::nullopt});
        } else if (!running && open) {
            runs.back().end = at;
        }
    }
    const ticket_status now_in = timeline.statuses.back().second;
    // The clock stopped when the ticket entered the stopping statuses it is
    // still in: Resolved then Closed stops at Resolved.
    auto stop = timeline.statuses.end();
    while (stop != timeline.statuses.begin() && stops_resolution(std::prev(stop)->second)) {
        --stop;
    }
    const time_point last_at = stop == timeline.statuses.end() ? time_point{} : stop->first;
    if (stops_resolution(now_in)) {
        // A stopped clock shows the due date it would have had running on
        // from its stop, so a view can say "met, due Tuesday".
        if (!runs.empty() && runs.back().end == last_at) {
            runs.back().end.reset();
        } else {
            runs.push_back({last_at, std::nullopt});
        }
    }
    m.resolution = clock_of(policy, zones, calendar, runs, targets.resolution);
    if (stops_resolution(now_in)) {
        m.resolution.stopped_at = last_at;
    } else if (pauses(policy, now_in)) {
        m.resolution.paused = true;
    }
    return m;
}

sla_state state_at(const sla_clock& clock, time_point now) noexcept {
    if (clock.stopped_at) {
        return clock.due && *clock.due < *clock.stopped_at ? sla_state::breached : sla_state::met;
    }
    if (clock.due && *clock.due < now) {
        return sla_state::breached;
    }
    if (clock.paused) {
        return sla_state::paused;
    }
    if (clock.at_risk_at && *clock.at_risk_at <= now) {
        return sla_state::at_risk;
    }
    return sla_state::on_track;
}

sla_state worse(sla_state a, sla_state b) noexcept {
    // Most urgent first.
    static constexpr std::array order{sla_state::breached, sla_state::at_risk, sla_state::on_track,
                                      sla_state::paused, sla_state::met};
    const auto rank = [](sla_state s) { return std::find(order.begin(), order.end(), s) - order.begin(); };
    return rank(a) <= rank(b) ? a : b;
}

} // namespace helpdesk
