#include "handlers/handlers.hpp"

#include "app/form.hpp"
#include "app/json_views.hpp"
#include "app/query.hpp"
#include "handlers/list_response.hpp"

#include <wire/canned_reply_views.hpp>
#include <wire/list_queries.hpp>

namespace helpdesk::server::handlers {

namespace {

// A reply with its version as the ETag, which If-Match sends back.
response reply_response(const canned_reply& r, http::status status = http::status::ok) {
    auto out = json_response(wire::canned_reply_json(r), status);
    out.headers.emplace_back("ETag", "\"" + std::to_string(r.version) + "\"");
    return out;
}

} // namespace

response list_canned_replies(call& c) {
    const auto asked = wire::read_page_query(url_query(c));
    return list_response(c, c.desk().canned_replies().list(c.actor(), asked), asked,
                         [](const canned_reply& r) { return wire::canned_reply_json(r); });
}

response create_canned_reply(call& c) {
    const auto body = form::read(c, false);
    const auto request = wire::read_new_canned_reply(body.fields());
    return reply_response(c.desk().canned_replies().create(c.actor(), request), http::status::created);
}

response get_canned_reply(call& c) {
    return reply_response(c.desk().canned_replies().get(c.actor(), c.id_param(0)));
}

response update_canned_reply(call& c) {
    const auto body = form::read(c, false);
    const auto change = wire::read_canned_reply_change(body.fields());
    return reply_response(c.desk().canned_replies().update(c.actor(), c.id_param(0), change, c.if_match()));
}

response delete_canned_reply(call& c) {
    c.desk().canned_replies().remove(c.actor(), c.id_param(0), c.if_match());
    return empty_response(http::status::no_content);
}

response render_canned_reply(call& c) {
    return json_response(
        wire::rendered_reply_json(c.desk().canned_replies().render(c.actor(), c.id_param(1), c.id_param(0))));
}

} // namespace helpdesk::server::handlers
