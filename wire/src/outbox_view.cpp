#include <wire/json_values.hpp>
#include <wire/outbox_view.hpp>

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>

namespace helpdesk::wire {

boost::json::object outbox_event_json(const outbox_event& e) {
    boost::json::error_code ec;
    auto payload = boost::json::parse(e.payload, ec);
    boost::json::array channels;
    for (const auto& name : e.delivered_to) {
        channels.emplace_back(name);
    }
    return {{"id", e.id},
            {"event", e.kind},
            {"account", optional_number(e.account)},
            {"ticket", optional_number(e.ticket)},
            {"payload", ec ? boost::json::value(nullptr) : std::move(payload)},
            {"created_at", to_rfc3339(e.created_at)},
            {"state", to_string(e.state)},
            {"attempts", e.attempts},
            {"last_error", optional_text(e.last_error)},
            {"next_attempt_at", to_rfc3339(e.next_attempt_at)},
            {"delivered_to", std::move(channels)}};
}

} // namespace helpdesk::wire
