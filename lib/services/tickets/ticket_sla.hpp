#pragma once

#include <helpdesk/domain/ticket.hpp>
#include <helpdesk/engine.hpp>

#include <string>

namespace helpdesk::detail {

/// What a ticket's SLA measurement depends on besides its history's past:
/// a change that leaves all of these as they were cannot move its clocks.
struct sla_inputs {
    ticket_status status = ticket_status::new_;
    priority ticket_priority = priority::low;
    std::string department{};
    bool reacted = false;  ///< a first staff reaction is recorded
    bool measured = false; ///< measured under some policy version

    /// Equal when every input is.
    friend bool operator==(const sla_inputs&, const sla_inputs&) = default;
};

/// The inputs of `t` as it stands.
[[nodiscard]] sla_inputs sla_inputs_of(const ticket& t);

/// Measures `t`, about to be stored for the first time, under the current
/// SLA policy (docs/product.md#sla): both clocks start at its submission.
void measure_new_ticket(engine_context& context, transaction& tx, ticket& t);

/// Measures `t` again (see `remeasure`) unless its inputs are still
/// `before`: then its stored clocks are still right, and reading the
/// history again would only cost time on every change.
void remeasure_if_changed(engine_context& context, transaction& tx, ticket& t, const sla_inputs& before);

/// Measures `t` again from its history as stored in `tx` (the rows of the
/// change being made included), under the policy version it was measured
/// under, or the current one when it never was. Called by every change
/// before the ticket is stored, so the stored clocks always match the
/// history.
void remeasure(engine_context& context, transaction& tx, ticket& t);

} // namespace helpdesk::detail
