#pragma once

#include <helpdesk/domain/ticket.hpp>
#include <helpdesk/engine.hpp>

namespace helpdesk::detail {

/// Measures `t`, about to be stored for the first time, under the current
/// SLA policy (docs/product.md#sla): both clocks start at its submission.
void measure_new_ticket(engine_context& context, transaction& tx, ticket& t);

/// Measures `t` again from its history as stored in `tx` (the rows of the
/// change being made included), under the policy version it was measured
/// under, or the current one when it never was. Called by every change
/// before the ticket is stored, so the stored clocks always match the
/// history.
void remeasure(engine_context& context, transaction& tx, ticket& t);

} // namespace helpdesk::detail
