#include "handlers/handlers.hpp"

#include "app/form.hpp"
#include "app/json_views.hpp"
#include "app/query.hpp"
#include "handlers/list_response.hpp"

#include <wire/account_views.hpp>
#include <wire/list_queries.hpp>

namespace helpdesk::server::handlers {

response list_api_keys(call& c) {
    const auto asked = wire::read_page_query(url_query(c));
    return list_response(c, c.desk().api_keys().list(c.actor(), asked), asked,
                         [](const api_key& k) { return wire::api_key_json(k); });
}

response create_api_key(call& c) {
    const auto body = form::read(c, false);
    const auto made = c.desk().api_keys().create(c.actor(), body.text("name").value_or(""));
    return json_response(wire::created_api_key_json(made), http::status::created);
}

response revoke_api_key(call& c) {
    (void)c.desk().api_keys().revoke(c.actor(), c.id_param(0));
    return empty_response(http::status::no_content);
}

} // namespace helpdesk::server::handlers
