#include "payload.hpp"

#include <helpdesk/ports/notifier.hpp>
#include <helpdesk/time.hpp>

#include <boost/json.hpp>

namespace helpdesk::webhook::detail {
namespace {

template <class T, class Convert>
boost::json::value optional_value(const std::optional<T>& v, Convert convert) {
    return v ? boost::json::value(convert(*v)) : boost::json::value(nullptr);
}

boost::json::object person(const account_summary& p) {
    return {{"id", p.id}, {"first_name", p.first_name}, {"last_name", p.last_name}, {"email", p.email}};
}

} // namespace

std::string event_body(const outbox_event& event) {
    boost::system::error_code ec;
    auto data = boost::json::parse(event.payload, ec);
    if (ec || !data.is_object()) {
        throw delivery_failure("outbox event " + std::to_string(event.id) + " has a payload that is not a JSON object",
                               true);
    }
    boost::json::object body;
    body["id"] = event.id;
    body["event"] = event.kind;
    body["created_at"] = to_rfc3339(event.created_at);
    body["data"] = std::move(data);
    return boost::json::serialize(body);
}

std::string workflow_body(const outbox_event& event, const ticket_details& details, const link_maker& link) {
    const auto& t = details.item;
    boost::json::object item;
    item["id"] = t.id;
    item["ticket_number"] = t.ticket_number;
    item["subject"] = t.subject;
    item["category"] = t.category;
    item["sub_category"] = t.sub_category;
    item["description"] = t.description;
    item["scheduled_date"] = optional_value(t.scheduled_date, [](date d) { return to_iso_date(d); });
    item["priority"] = to_string(t.ticket_priority);
    item["department"] = t.department;
    item["status"] = to_string(t.status);
    item["submit_date"] = to_rfc3339(t.submit_date);
    item["update_date"] = to_rfc3339(t.update_date);
    item["time_closed"] = optional_value(t.time_closed, [](time_point p) { return to_rfc3339(p); });
    item["response_time"] = optional_value(t.response_seconds, [](std::int64_t s) { return s; });
    item["resolution_time"] = optional_value(t.resolution_seconds, [](std::int64_t s) { return s; });
    item["finalized"] = t.finalized;
    item["version"] = t.version;
    item["assignee"] = details.assigned_to ? boost::json::value(person(*details.assigned_to)) : nullptr;
    item["customer"] = person(details.employee);
    boost::json::array files;
    for (const auto& a : details.attachments) {
        boost::json::object file{{"id", a.id},
                                 {"file_name", a.file_name},
                                 {"content_type", a.content_type},
                                 {"size", a.size},
                                 {"url", nullptr}};
        if (link) {
            file["url"] = link(t, a);
        }
        files.push_back(std::move(file));
    }
    item["attachments"] = std::move(files);

    boost::json::object body;
    body["event"] = event.kind;
    body["delivery"] = event.id;
    body["created_at"] = to_rfc3339(event.created_at);
    body["ticket"] = std::move(item);
    return boost::json::serialize(body);
}

} // namespace helpdesk::webhook::detail
