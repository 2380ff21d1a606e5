#include "services/tickets/ticket_sla.hpp"

#include <helpdesk/rules/sla_clock.hpp>

#include "services/sla_policy_cache.hpp"

namespace helpdesk::detail {

void measure_new_ticket(engine_context& context, transaction& tx, ticket& t) {
    const auto policy = context.sla_policies().current(tx, t.submit_date);
    const sla_timeline line{
        .submitted = t.submit_date, .first_reaction = std::nullopt, .statuses = {{t.submit_date, t.status}}};
    t.sla = measure_sla(*policy, context.zones(), t.department, t.ticket_priority, line);
}

void remeasure(engine_context& context, transaction& tx, ticket& t) {
    const auto policy = t.sla.policy_version > 0
                            ? context.sla_policies().version(tx, t.sla.policy_version)
                            : context.sla_policies().current(tx, context.time_source().now());
    const auto history = tx.tickets().history(t.id, true);
    t.sla = measure_sla(*policy, context.zones(), t.department, t.ticket_priority, timeline_of(t, history));
}

} // namespace helpdesk::detail
