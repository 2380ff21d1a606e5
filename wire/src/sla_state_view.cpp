#include <wire/json_values.hpp>
#include <wire/sla_state_view.hpp>

#include <helpdesk/rules/sla_outlook.hpp>

namespace helpdesk::wire {

void add_sla_fields(boost::json::object& ticket_view, const sla_measure& m, time_point as_of) {
    const auto sp = ticket_view.storage();
    ticket_view["first_response_due"] = optional_time(m.first_response.due, sp);
    ticket_view["resolution_due"] = optional_time(m.resolution.due, sp);
    if (m.policy_version <= 0) {
        ticket_view["sla"] = nullptr;
        return;
    }
    boost::json::object sla(sp);
    sla["state"] = to_string(overall_state_at(m, as_of));
    sla["first_response"] = to_string(state_at(m.first_response, as_of));
    sla["resolution"] = to_string(state_at(m.resolution, as_of));
    sla["policy_version"] = m.policy_version;
    ticket_view["sla"] = std::move(sla);
}

} // namespace helpdesk::wire
