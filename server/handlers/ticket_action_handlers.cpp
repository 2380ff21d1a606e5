#include "handlers/handlers.hpp"

#include "app/form.hpp"
#include "app/json_views.hpp"

#include <wire/request_readers.hpp>

#include <helpdesk/error.hpp>

namespace helpdesk::server::handlers {

namespace {

response ticket_response(const call& c, const ticket_details& changed) {
    // The action answers with the detail view it read in its own transaction,
    // so clients keep one shape.
    auto r = json_response(ticket_details_json(changed, url_signer{c.shared, c.actor()}));
    r.headers.emplace_back("ETag", "\"" + std::to_string(changed.item.version) + "\"");
    return r;
}

std::optional<std::string_view> view(const std::optional<std::string>& text) {
    return text ? std::optional<std::string_view>{*text} : std::nullopt;
}

} // namespace

response approve_ticket(call& c) {
    const auto body = form::read(c, false);
    const auto r = wire::read_approve(body.fields());
    return ticket_response(c, c.desk().tickets().approve(c.actor(), c.id_param(0), r, c.if_match()));
}

response reapply_sla(call& c) {
    return ticket_response(c, c.desk().sla().reapply(c.actor(), c.id_param(0), c.if_match()));
}

response reject_ticket(call& c) {
    const auto body = form::read(c, false);
    const auto reason = body.text("rejection_reason").value_or(body.text("reason").value_or(""));
    return ticket_response(c, c.desk().tickets().reject(c.actor(), c.id_param(0), reason, c.if_match()));
}

response claim_ticket(call& c) {
    return ticket_response(c, c.desk().tickets().claim(c.actor(), c.id_param(0), c.if_match()));
}

response assign_ticket(call& c) {
    const auto body = form::read(c, false);
    const auto assignee = body.id("assigned_to");
    if (!assignee) {
        throw error(errc::invalid_argument, "Say whom to assign the ticket to.",
                    {{"assigned_to", {"This field is required."}}});
    }
    return ticket_response(c, c.desk().tickets().assign(c.actor(), c.id_param(0), *assignee, c.if_match()));
}

response update_ticket_status(call& c) {
    const auto body = form::read(c, false);
    const auto status = body.required_text("status");
    const auto note = body.text("comment");
    return ticket_response(c,
                           c.desk().tickets().update_status(c.actor(), c.id_param(0), status, view(note), c.if_match()));
}

response withdraw_ticket(call& c) {
    const auto body = form::read(c, false);
    const auto note = body.text("comment");
    return ticket_response(c, c.desk().tickets().withdraw(c.actor(), c.id_param(0), view(note), c.if_match()));
}

response close_ticket(call& c) {
    const auto body = form::read(c, false);
    const auto note = body.text("comment");
    return ticket_response(c, c.desk().tickets().close(c.actor(), c.id_param(0), view(note), c.if_match()));
}

response reopen_ticket(call& c) {
    const auto body = form::read(c, false);
    const auto note = body.text("comment").value_or("");
    return ticket_response(c, c.desk().tickets().reopen(c.actor(), c.id_param(0), note, c.if_match()));
}

response edit_ticket(call& c) {
    const auto body = form::read(c, false);
    const auto changes = wire::read_ticket_edit(body.fields());
    return ticket_response(c, c.desk().tickets().edit(c.actor(), c.id_param(0), changes, c.if_match()));
}

response finalize_ticket(call& c) {
    return ticket_response(c, c.desk().tickets().finalize(c.actor(), c.id_param(0), c.if_match()));
}

} // namespace helpdesk::server::handlers
