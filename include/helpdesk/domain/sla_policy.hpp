#pragma once

#include <helpdesk/domain/ticket.hpp>
#include <helpdesk/domain/working_calendar.hpp>
#include <helpdesk/ids.hpp>

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace helpdesk {

/// The unit of an SLA target. A day is one business day of the calendar
/// for a target in business time, and 24 hours around the clock.
enum class sla_unit { minutes, hours, days };

/// `"minutes"`, `"hours"`, `"days"`.
[[nodiscard]] std::string_view to_string(sla_unit u) noexcept;
/// Inverse of `to_string(sla_unit)`; nullopt for anything else.
[[nodiscard]] std::optional<sla_unit> parse_sla_unit(std::string_view text) noexcept;

/// How long a target allows: `amount` of `unit` (amount ≥ 1).
struct sla_span {
    std::int32_t amount = 1;
    sla_unit unit = sla_unit::hours;
    friend bool operator==(const sla_span&, const sla_span&) = default;
};

/// The two targets of one priority: the first staff reaction and the resolution.
struct sla_targets {
    sla_span first_response{};
    sla_span resolution{};
    bool around_the_clock = false; ///< elapsed time rather than business time
    friend bool operator==(const sla_targets&, const sla_targets&) = default;
};

/// A department's own targets for one priority, in place of the policy's.
struct sla_override {
    std::string department{};
    priority for_priority = priority::low;
    sla_targets targets{};
    friend bool operator==(const sla_override&, const sla_override&) = default;
};

/// What a help desk promises (docs/product.md#sla): targets per priority,
/// optionally per department, measured in the calendar's business time.
/// Policies are versioned: a change is a new version, and a ticket keeps
/// the version it was measured under until an admin re-applies.
struct sla_policy {
    std::int64_t version = 0; ///< 0 until stored; then 1, 2, ...
    working_calendar calendar = working_calendar::office_hours();
    std::array<sla_targets, 4> by_priority{}; ///< indexed by `priority` (Low first)
    std::vector<sla_override> overrides{};    ///< at most one per (department, priority)
    std::int32_t at_risk_percent = 75;        ///< a target is at risk once this share of it is used
    /// The statuses in which the resolution clock stands still (the ticket waits on its owner, or is on
    /// hold).
    std::vector<ticket_status> pausing_statuses{ticket_status::on_hold, ticket_status::pending};
    time_point created_at{};
    std::optional<account_id> created_by{}; ///< empty for the built-in first version

    /// Critical 1 h / 4 h around the clock; High 4 h / 1 day, Medium 1 / 3
    /// days, Low 2 / 5 days in business time; office hours (Monday to
    /// Friday, 09:00–17:00 UTC); at risk at 75 %; paused in On Hold and Pending.
    [[nodiscard]] static sla_policy defaults();

    friend bool operator==(const sla_policy&, const sla_policy&) = default;
};

/// The targets that apply to a ticket of `department` at `p`: the
/// department's override when there is one, else the policy's.
[[nodiscard]] const sla_targets& targets_for(const sla_policy& policy, std::string_view department,
                                             priority p);

/// True when the resolution clock stands still in `s` under `policy`.
[[nodiscard]] bool pauses(const sla_policy& policy, ticket_status s) noexcept;

/// The calendar a target is measured in: the policy's, or every hour of
/// every day for targets around the clock. Refers to `policy` or to a
/// calendar that lives as long as the program.
[[nodiscard]] const working_calendar& calendar_for(const sla_policy& policy, const sla_targets& targets);

/// The length of `span` in `calendar`'s time (a day is `business_day(calendar)`).
[[nodiscard]] std::chrono::microseconds length_of(const sla_span& span, const working_calendar& calendar);

} // namespace helpdesk
