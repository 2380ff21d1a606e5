#pragma once

#include <helpdesk/domain/sla_measure.hpp>
#include <helpdesk/domain/sla_policy.hpp>
#include <helpdesk/domain/ticket.hpp>
#include <helpdesk/ports/time_zones.hpp>

#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace helpdesk {

/// The moments that move a ticket's SLA clocks (docs/product.md#sla).
struct sla_timeline {
    time_point submitted{};
    /// The first staff reaction: approve, reject, claim or a public staff comment.
    std::optional<time_point> first_reaction{};
    /// Every status the ticket entered, oldest first, from New at submission.
    std::vector<std::pair<time_point, ticket_status>> statuses{};
};

/// The timeline of `t`: its submission time, and from its history rows
/// (oldest first, internal rows included) each `status_changed` row and the
/// first staff reaction as the engine counts it for `response_time`: a
/// status change from New to Open or Rejected, a claim (an `assigned` row
/// naming its actor), or a public comment by someone other than the owner.
[[nodiscard]] sla_timeline timeline_of(const ticket& t, std::span<const history_event> history);

/// Measures `timeline` under `policy` with the targets of a ticket of
/// `department` at priority `p`, as if they had applied since submission
/// (so a priority change moves the due dates). The first-response clock runs
/// from submission to the first staff reaction, or to Resolved or an end
/// state if none came. The resolution clock runs while the ticket is in a
/// status that neither pauses it (`policy.pausing_statuses`) nor stops it
/// (Resolved, Closed, Rejected, Withdrawn); reopening resumes it. Throws
/// `error{invalid_argument}` for a timeline without statuses.
[[nodiscard]] sla_measure measure_sla(const sla_policy& policy, const time_zones& zones,
                                      std::string_view department, priority p, const sla_timeline& timeline);

/// The state of `clock` at `now`.
[[nodiscard]] sla_state state_at(const sla_clock& clock, time_point now) noexcept;

/// The worse of two states, for a ticket's overall state: breached, then
/// at risk, on track, paused, met.
[[nodiscard]] sla_state worse(sla_state a, sla_state b) noexcept;

} // namespace helpdesk
