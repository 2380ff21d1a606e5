#include "handlers/handlers.hpp"

#include "app/form.hpp"
#include "app/json_views.hpp"

#include <wire/account_views.hpp>

namespace helpdesk::server::handlers {

response list_api_keys(call& c) {
    boost::json::array rows;
    page_request request{.page_size = 100, .cursor = ""};
    for (;;) {
        const auto found = c.ctx.core.api_keys().list(c.actor(), request);
        for (const auto& k : found.results) {
            rows.push_back(wire::api_key_json(k));
        }
        if (!found.next_cursor) {
            break;
        }
        request.cursor = found.next_cursor;
    }
    return json_response(rows);
}

response create_api_key(call& c) {
    const auto body = form::read(c, false);
    const auto made = c.ctx.core.api_keys().create(c.actor(), body.text("name").value_or(""));
    auto shown = wire::api_key_json(made.record);
    shown["key"] = made.key; // the only time it is ever shown
    return json_response(shown, http::status::created);
}

response revoke_api_key(call& c) {
    (void)c.ctx.core.api_keys().revoke(c.actor(), c.id_param(0));
    return empty_response(http::status::no_content);
}

} // namespace helpdesk::server::handlers
