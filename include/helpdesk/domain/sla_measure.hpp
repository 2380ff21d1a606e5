#pragma once

#include <helpdesk/time.hpp>

#include <cstdint>
#include <optional>
#include <string_view>

namespace helpdesk {

/// Where a target stands.
enum class sla_state {
    on_track, ///< running, less than the at-risk share used
    at_risk,  ///< running, the at-risk share used
    breached, ///< used up before it stopped
    met,      ///< stopped in time
    paused,   ///< standing still, not breached
};

/// `"on_track"`, `"at_risk"`, `"breached"`, `"met"`, `"paused"`.
[[nodiscard]] std::string_view to_string(sla_state s) noexcept;
/// Inverse of `to_string(sla_state)`; nullopt for anything else.
[[nodiscard]] std::optional<sla_state> parse_sla_state(std::string_view text) noexcept;


/// One target's clock: the instants a view and the scheduler compare with now.
struct sla_clock {
    /// When the whole target is (or was) used up. A stopped clock has the
    /// date it would have had running on from its stop; a paused one has
    /// none unless the target was used up before the pause.
    std::optional<time_point> due{};
    /// When the policy's at-risk share of the target is used up; empty as `due`.
    std::optional<time_point> at_risk_at{};
    /// When the clock stopped for good (the response came; the ticket was resolved or ended).
    std::optional<time_point> stopped_at{};
    /// The clock stands still now and may run again.
    bool paused = false;
    friend bool operator==(const sla_clock&, const sla_clock&) = default;
};

/// A ticket's SLA measurement (docs/product.md#sla): the policy version it
/// was measured under (0: not measured yet) and both clocks.
struct sla_measure {
    std::int64_t policy_version = 0;
    sla_clock first_response{};
    sla_clock resolution{};
    friend bool operator==(const sla_measure&, const sla_measure&) = default;
};

} // namespace helpdesk
