#include <wire/scheduler_view.hpp>

namespace helpdesk::wire {

boost::json::object scheduler_pass_json(const scheduler_pass& pass) {
    return {{"tickets_checked", pass.tickets_checked},
            {"sla_notices", pass.sla_notices},
            {"auto_closed", pass.auto_closed},
            {"owners_reminded", pass.owners_reminded}};
}

} // namespace helpdesk::wire
