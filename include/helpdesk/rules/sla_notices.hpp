#pragma once

#include <helpdesk/rules/sla_clock.hpp>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace helpdesk {

/// A notice the SLA scheduler sends once per ticket: a target going at risk
/// or breaching. The values are bits of a ticket's set of sent notices.
enum class sla_notice : std::int32_t {
    first_response_at_risk = 1,
    first_response_breached = 2,
    resolution_at_risk = 4,
    resolution_breached = 8,
};

/// `"first_response_at_risk"`, `"first_response_breached"`, ... (outbox kinds end with these).
[[nodiscard]] std::string_view to_string(sla_notice n) noexcept;

/// The notices `m` calls for at `now` that `sent` (a bit set of
/// `sla_notice`) does not hold, first response first. A running target is
/// at risk from its at-risk instant and breached after its due date; a
/// paused one can still be found breached (it was used up before the
/// pause); a stopped one calls for nothing. A target found breached before
/// its at-risk notice went out gets the breach notice only.
[[nodiscard]] std::vector<sla_notice> notices_due(const sla_measure& m, std::int32_t sent, time_point now);

/// `sent` with `notices` added, and with the at-risk bit of every target
/// whose breach is among them (that notice is never sent afterwards).
[[nodiscard]] std::int32_t with_sent(std::int32_t sent, const std::vector<sla_notice>& notices) noexcept;

/// The first instant at which `notices_due` will call for a notice not in
/// `sent`; nullopt when none can come without a change to the ticket.
[[nodiscard]] std::optional<time_point> next_notice_at(const sla_measure& m, std::int32_t sent);

} // namespace helpdesk
