#include "services/tickets/ticket_sla.hpp"

#include <helpdesk/rules/sla_clock.hpp>

#include "services/sla_policy_cache.hpp"

namespace helpdesk::detail {

sla_inputs sla_inputs_of(const ticket& t) {
    return {.status = t.status,
            .ticket_priority = t.ticket_priority,
            .department = t.department,
            .reacted = t.response_seconds.has_value(),
            .measured = t.sla.policy_version > 0};
}

void remeasure_if_changed(engine_context& context, transaction& tx, ticket& t, const sla_inputs& before) {
    if (!before.measured || sla_inputs_of(t) != before) {
        remeasure(context, tx, t);
    }
}

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
