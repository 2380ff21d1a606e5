#include <algorithm>
#include <boost/json/array.hpp>
#include <cstdio>
#include <wire/json_values.hpp>
#include <wire/sla_policy_names.hpp>
#include <wire/sla_policy_view.hpp>

namespace helpdesk::wire {
namespace {

boost::json::object span_json(const sla_span& span) {
    return {{"amount", span.amount}, {"unit", to_string(span.unit)}};
}

boost::json::object targets_json(const sla_targets& t) {
    return {{"first_response", span_json(t.first_response)},
            {"resolution", span_json(t.resolution)},
            {"around_the_clock", t.around_the_clock}};
}

boost::json::object calendar_json(const working_calendar& c) {
    boost::json::object week;
    for (std::size_t day = 0; day < c.week.size(); ++day) {
        boost::json::array hours;
        for (const auto& h : c.week[day]) {
            hours.push_back(boost::json::object{{"start", clock_time(h.start_minute)},
                                                {"end", clock_time(h.end_minute)}});
        }
        week[weekday_names[day]] = std::move(hours);
    }
    boost::json::array holidays;
    for (const auto d : c.holidays) {
        holidays.emplace_back(to_iso_date(d));
    }
    return {{"time_zone", c.time_zone}, {"week", std::move(week)}, {"holidays", std::move(holidays)}};
}

} // namespace

std::string clock_time(std::int32_t minute) {
    const int m = std::clamp(static_cast<int>(minute), 0, 1440);
    char text[16];
    std::snprintf(text, sizeof text, "%02d:%02d", m / 60, m % 60);
    return text;
}

std::optional<std::int32_t> parse_clock_time(std::string_view text) noexcept {
    const auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
    if (text.size() != 5 || text[2] != ':' || !digit(0) || !digit(1) || !digit(3) || !digit(4)) {
        return std::nullopt;
    }
    const int hours = (text[0] - '0') * 10 + (text[1] - '0');
    const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
    if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) {
        return std::nullopt;
    }
    return hours * 60 + minutes;
}

boost::json::object sla_policy_json(const sla_policy& policy) {
    boost::json::object targets;
    for (const auto p : priorities_by_urgency) {
        targets[to_string(p)] = targets_json(policy.by_priority[static_cast<std::size_t>(p)]);
    }
    boost::json::array overrides;
    for (const auto& o : policy.overrides) {
        auto entry = targets_json(o.targets);
        entry["department"] = o.department;
        entry["priority"] = to_string(o.for_priority);
        overrides.push_back(std::move(entry));
    }
    boost::json::array pausing;
    for (const auto s : policy.pausing_statuses) {
        pausing.emplace_back(to_string(s));
    }
    return {{"version", policy.version},
            {"created_at", to_rfc3339(policy.created_at)},
            {"created_by", optional_number(policy.created_by)},
            {"calendar", calendar_json(policy.calendar)},
            {"targets", std::move(targets)},
            {"overrides", std::move(overrides)},
            {"at_risk_percent", policy.at_risk_percent},
            {"pausing_statuses", std::move(pausing)}};
}

} // namespace helpdesk::wire
