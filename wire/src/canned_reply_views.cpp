#include <wire/canned_reply_views.hpp>
#include <wire/json_values.hpp>

#include <helpdesk/time.hpp>

namespace helpdesk::wire {

boost::json::object canned_reply_json(const canned_reply& r) {
    return {{"id", r.id},
            {"title", r.title},
            {"body", r.body},
            {"shared", r.shared()},
            {"owner", optional_number(r.owner)},
            {"created_at", to_rfc3339(r.created_at)},
            {"created_by", r.created_by},
            {"updated_at", to_rfc3339(r.updated_at)},
            {"version", r.version}};
}

boost::json::object rendered_reply_json(const rendered_reply& r) {
    return {{"reply", r.reply}, {"ticket", r.ticket}, {"text", r.text}};
}

new_canned_reply read_new_canned_reply(request_fields& body) {
    new_canned_reply r;
    r.title = body.text("title").value_or("");
    r.body = body.text("body").value_or("");
    r.shared = body.flag("shared").value_or(false);
    body.check();
    return r;
}

canned_reply_change read_canned_reply_change(request_fields& body) {
    canned_reply_change change;
    change.title = body.text("title");
    change.body = body.text("body");
    for (const auto* fixed : {"shared", "owner"}) {
        if (body.has(fixed)) {
            body.refuse(fixed, "Cannot be changed; make a new reply instead.");
        }
    }
    body.check();
    return change;
}

} // namespace helpdesk::wire
