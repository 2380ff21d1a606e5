#include <helpdesk/domain/sla_policy.hpp>

#include "domain/enum_names.hpp"

#include <algorithm>

namespace helpdesk {

namespace {
constexpr std::pair<sla_unit, std::string_view> unit_names[] = {
    {sla_unit::minutes, "minutes"}, {sla_unit::hours, "hours"}, {sla_unit::days, "days"}};
} // namespace

std::string_view to_string(sla_unit u) noexcept {
    return detail::enum_name(unit_names, u);
}

std::optional<sla_unit> parse_sla_unit(std::string_view text) noexcept {
    return detail::parse_enum(unit_names, text);
}

sla_policy sla_policy::defaults() {
    sla_policy p;
    const auto index = [](priority x) { return static_cast<std::size_t>(x); };
    p.by_priority[index(priority::critical)] = {{1, sla_unit::hours}, {4, sla_unit::hours}, true};
    p.by_priority[index(priority::high)] = {{4, sla_unit::hours}, {1, sla_unit::days}, false};
    p.by_priority[index(priority::medium)] = {{1, sla_unit::days}, {3, sla_unit::days}, false};
    p.by_priority[index(priority::low)] = {{2, sla_unit::days}, {5, sla_unit::days}, false};
    return p;
}

const sla_targets& targets_for(const sla_policy& policy, std::string_view department, priority p) {
    const auto found =
        std::find_if(policy.overrides.begin(), policy.overrides.end(), [&](const sla_override& o) {
            return o.for_priority == p && o.department == department;
        });
    return found != policy.overrides.end() ? found->targets : policy.by_priority[static_cast<std::size_t>(p)];
}

bool pauses(const sla_policy& policy, ticket_status s) noexcept {
    return std::find(policy.pausing_statuses.begin(), policy.pausing_statuses.end(), s) !=
           policy.pausing_statuses.end();
}

const working_calendar& calendar_for(const sla_policy& policy, const sla_targets& targets) {
    // Measuring runs on every ticket change: no copy of the policy's holidays.
    static const working_calendar always = working_calendar::around_the_clock();
    return targets.around_the_clock ? always : policy.calendar;
}

std::chrono::microseconds length_of(const sla_span& span, const working_calendar& calendar) {
    switch (span.unit) {
    case sla_unit::minutes:
        return std::chrono::minutes{span.amount};
    case sla_unit::hours:
        return std::chrono::hours{span.amount};
    case sla_unit::days:
        return business_day(calendar) * span.amount;
    }
    return std::chrono::hours{span.amount};
}

} // namespace helpdesk
