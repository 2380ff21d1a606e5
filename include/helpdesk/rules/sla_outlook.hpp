#pragma once

#include <helpdesk/rules/sla_clock.hpp>

#include <cstdint>
#include <optional>

namespace helpdesk {

/// A ticket's overall SLA state as a function of time, in a form a store can
/// index and compare with now (docs/product.md#sla): the state it has until a
/// threshold passes, the instant from which it is at risk and the instant
/// after which it is breached. Between changes to the ticket only time moves
/// its state, and only through these two instants.
struct sla_outlook {
    /// The overall state before either instant: `on_track` while a target
    /// runs, else `paused` while one stands still, else `met`.
    sla_state settled = sla_state::on_track;
    /// The earliest at-risk instant of a running target (at risk from it, inclusive).
    std::optional<time_point> at_risk_from{};
    /// The earliest due date of a target not stopped (breached after it,
    /// exclusive); `time_point::min()` when a stopped target overran (it is
    /// breached for good).
    std::optional<time_point> breached_after{};
    /// Equal when every member is.
    friend bool operator==(const sla_outlook&, const sla_outlook&) = default;
};

/// The outlook of `m`; nullopt for a ticket not measured (policy version 0).
[[nodiscard]] std::optional<sla_outlook> outlook_of(const sla_measure& m) noexcept;

/// The overall state the outlook gives at `now`.
[[nodiscard]] sla_state state_at(const sla_outlook& o, time_point now) noexcept;

/// The overall state of `m` at `now`: the worse of its two targets' states.
[[nodiscard]] sla_state overall_state_at(const sla_measure& m, time_point now) noexcept;

/// The sort key of a due date in lists ordered by it: microseconds since
/// the epoch, INT64_MAX (last) when there is none.
[[nodiscard]] constexpr std::int64_t due_sort_key(const std::optional<time_point>& due) noexcept {
    return due ? due->time_since_epoch().count() : INT64_MAX;
}

} // namespace helpdesk
