#include <helpdesk/rules/business_time.hpp>
#include <helpdesk/rules/sla_policy_rules.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <utility>

namespace helpdesk {
namespace {

void check_span(field_errors& errors, const std::string& field, const sla_span& span) {
    if (span.amount < 1 || span.amount > max_sla_amount) {
        errors[field].push_back("must be between 1 and " + std::to_string(max_sla_amount) + " " +
                                std::string{to_string(span.unit)});
    }
}

void check_targets(field_errors& errors, const std::string& field, const sla_targets& targets) {
    check_span(errors, field + ".first_response", targets.first_response);
    check_span(errors, field + ".resolution", targets.resolution);
}

bool may_pause(ticket_status s) noexcept {
    return s == ticket_status::open || s == ticket_status::in_progress || s == ticket_status::on_hold ||
           s == ticket_status::pending;
}

} // namespace

field_errors sla_policy_errors(const sla_policy& policy, const time_zones& zones, const catalog& choices) {
    field_errors errors;
    for (auto& [field, messages] : calendar_errors(policy.calendar, zones)) {
        errors["calendar." + field] = std::move(messages);
    }
    for (const auto p : priorities_by_urgency) {
        check_targets(errors, "targets." + std::string{to_string(p)},
                      policy.by_priority[static_cast<std::size_t>(p)]);
    }
    std::set<std::pair<std::string, priority>> overridden;
    for (std::size_t i = 0; i < policy.overrides.size(); ++i) {
        const auto& o = policy.overrides[i];
        const std::string field = "overrides[" + std::to_string(i) + "]";
        if (!choices.has_department(o.department)) {
            errors[field + ".department"].push_back("unknown department: " + o.department);
        }
        if (!overridden.emplace(o.department, o.for_priority).second) {
            errors[field + ".priority"].push_back("the department already has targets for " +
                                                  std::string{to_string(o.for_priority)});
        }
        check_targets(errors, field, o.targets);
    }
    if (policy.at_risk_percent < 1 || policy.at_risk_percent > 99) {
        errors["at_risk_percent"].push_back("must be between 1 and 99");
    }
    std::set<ticket_status> pausing;
    for (const auto s : policy.pausing_statuses) {
        if (!may_pause(s)) {
            errors["pausing_statuses"].push_back(std::string{to_string(s)} +
                                                 " cannot pause the resolution clock");
        } else if (!pausing.insert(s).second) {
            errors["pausing_statuses"].push_back(std::string{to_string(s)} + " is listed twice");
        }
    }
    return errors;
}

} // namespace helpdesk
