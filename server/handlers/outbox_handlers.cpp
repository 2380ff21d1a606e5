#include "handlers/handlers.hpp"

#include "app/json_views.hpp"
#include "app/query.hpp"

#include <helpdesk/domain/outbox_event.hpp>

#include <boost/json/parse.hpp>

namespace helpdesk::server::handlers {

namespace {

// An outbox event as System Admins see it: what happened, how delivery went.
// The payload is shown as the JSON object it is; the secret never leaves the
// core (`outbox_service::list` and `requeue` drop it).
boost::json::object outbox_event_json(const outbox_event& e) {
    boost::json::error_code ec;
    auto payload = boost::json::parse(e.payload, ec);
    boost::json::array channels;
    for (const auto& name : e.delivered_to) {
        channels.emplace_back(name);
    }
    return {{"id", e.id},
            {"event", e.kind},
            {"account", e.account ? boost::json::value(*e.account) : nullptr},
            {"ticket", e.ticket ? boost::json::value(*e.ticket) : nullptr},
            {"payload", ec ? boost::json::value(nullptr) : std::move(payload)},
            {"created_at", to_rfc3339(e.created_at)},
            {"state", to_string(e.state)},
            {"attempts", e.attempts},
            {"last_error", e.last_error ? boost::json::value(*e.last_error) : nullptr},
            {"next_attempt_at", to_rfc3339(e.next_attempt_at)},
            {"delivered_to", std::move(channels)}};
}

} // namespace

response dead_events(call& c) {
    const auto page_number = query_int(c, "page", 1);
    const auto page_size = query_int(c, "page_size", 20);
    const auto found = c.ctx.core.outbox().list(c.actor(), outbox_state::dead, page_number, page_size);
    boost::json::array rows;
    for (const auto& e : found.rows) {
        rows.push_back(outbox_event_json(e));
    }
    const bool has_next = (page_number - 1) * page_size + static_cast<std::int64_t>(found.rows.size()) < found.count;
    return json_response(page_json(c, std::move(rows), found.count, page_number, has_next, page_number > 1, std::nullopt));
}

response requeue_event(call& c) {
    return json_response(outbox_event_json(c.ctx.core.outbox().requeue(c.actor(), c.id_param(0))));
}

} // namespace helpdesk::server::handlers
