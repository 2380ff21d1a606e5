#include "json_out.hpp"

#include <helpdesk/time.hpp>

#include <boost/json/array.hpp>

namespace helpdesk::capi {

namespace {

boost::json::value optional_text(const std::optional<std::string>& text) {
    return text ? boost::json::value(*text) : boost::json::value(nullptr);
}
boost::json::value optional_time(const std::optional<time_point>& t) {
    return t ? boost::json::value(to_rfc3339(*t)) : boost::json::value(nullptr);
}
boost::json::value optional_number(const std::optional<std::int64_t>& n) {
    return n ? boost::json::value(*n) : boost::json::value(nullptr);
}

boost::json::object person_json(const account_summary& p) {
    return {{"id", p.id},
            {"first_name", p.first_name},
            {"last_name", p.last_name},
            {"email", p.email},
            {"role", to_string(p.account_role)}};
}

boost::json::value person_by_id(const std::vector<account_summary>& people, std::optional<account_id> id) {
    if (!id) {
        return nullptr;
    }
    for (const auto& p : people) {
        if (p.id == *id) {
            return person_json(p);
        }
    }
    return boost::json::object{{"id", *id}};
}

} // namespace

boost::json::object account_json(const account& a) {
    return {{"id", a.id},
            {"email", a.email},
            {"first_name", a.first_name},
            {"middle_name", optional_text(a.middle_name)},
            {"last_name", a.last_name},
            {"suffix", optional_text(a.suffix)},
            {"company_id", a.company_id},
            {"department", a.department},
            {"role", to_string(a.account_role)},
            {"status", to_string(a.status)},
            {"date_created", to_rfc3339(a.date_created)}};
}

boost::json::object rejection_json(const rejected_account& r) {
    return {{"id", r.id},
            {"company_id", r.company_id},
            {"first_name", r.first_name},
            {"middle_name", optional_text(r.middle_name)},
            {"last_name", r.last_name},
            {"suffix", optional_text(r.suffix)},
            {"email", r.email},
            {"department", r.department},
            {"reason", r.reason},
            {"rejected_by", r.rejected_by},
            {"rejected_at", to_rfc3339(r.rejected_at)}};
}

boost::json::object ticket_json(const ticket& t, const std::vector<account_summary>& people) {
    boost::json::object o;
    o.reserve(22);
    o["id"] = t.id;
    o["ticket_number"] = t.ticket_number;
    o["employee"] = person_by_id(people, t.employee);
    o["subject"] = t.subject;
    o["category"] = t.category;
    o["sub_category"] = t.sub_category;
    o["description"] = t.description;
    o["scheduled_date"] = t.scheduled_date ? boost::json::value(to_iso_date(*t.scheduled_date)) : nullptr;
    o["priority"] = to_string(t.ticket_priority);
    o["department"] = t.department;
    o["status"] = to_string(t.status);
    o["assigned_to"] = person_by_id(people, t.assigned_to);
    o["submit_date"] = to_rfc3339(t.submit_date);
    o["update_date"] = to_rfc3339(t.update_date);
    o["response_time"] = optional_number(t.response_seconds);
    o["resolution_time"] = optional_number(t.resolution_seconds);
    o["time_closed"] = optional_time(t.time_closed);
    o["rejection_reason"] = optional_text(t.rejection_reason);
    o["finalized"] = t.finalized;
    o["version"] = t.version;
    return o;
}

boost::json::object ticket_details_json(const ticket_details& d) {
    std::vector<account_summary> people{d.employee};
    if (d.assigned_to) {
        people.push_back(*d.assigned_to);
    }
    auto o = ticket_json(d.item, people);
    boost::json::array files;
    for (const auto& a : d.attachments) {
        files.push_back(attachment_json(a));
    }
    o["attachments"] = std::move(files);
    boost::json::array notes;
    for (const auto& c : d.comments) {
        notes.push_back(comment_json(c));
    }
    o["comments"] = std::move(notes);
    return o;
}

boost::json::object ticket_page_json(const ticket_list& page) {
    boost::json::array rows;
    rows.reserve(page.results.size());
    for (const auto& t : page.results) {
        rows.push_back(ticket_json(t, page.people));
    }
    return {{"count", optional_number(page.count)},
            {"next_cursor", optional_text(page.next_cursor)},
            {"has_next", page.has_next},
            {"has_previous", page.has_previous},
            {"results", std::move(rows)}};
}

boost::json::object comment_json(const comment& c) {
    return {{"id", c.id},
            {"ticket", c.ticket},
            {"author", optional_number(c.author)},
            {"text", c.text},
            {"is_internal", c.is_internal},
            {"created_at", to_rfc3339(c.created_at)}};
}

boost::json::object attachment_json(const attachment& a) {
    return {{"id", a.id},
            {"file_name", a.file_name},
            {"content_type", a.content_type},
            {"size", a.size},
            {"upload_date", to_rfc3339(a.upload_date)}};
}

boost::json::object history_json(const history_event& e) {
    return {{"id", e.id},
            {"ticket", e.ticket},
            {"actor", optional_number(e.actor)},
            {"at", to_rfc3339(e.at)},
            {"kind", to_string(e.kind)},
            {"old_value", optional_text(e.old_value)},
            {"new_value", optional_text(e.new_value)},
            {"is_internal", e.is_internal}};
}

boost::json::object stats_json(const ticket_stats& s) {
    auto counts = [](const std::map<std::string, std::int64_t>& m) {
        boost::json::object o;
        for (const auto& [k, v] : m) {
            o[k] = v;
        }
        return o;
    };
    auto mean = [](const std::optional<double>& v) { return v ? boost::json::value(*v) : boost::json::value(nullptr); };
    return {{"total", s.total},
            {"by_status", counts(s.by_status)},
            {"by_priority", counts(s.by_priority)},
            {"by_department", counts(s.by_department)},
            {"mean_response_seconds", mean(s.mean_response_seconds)},
            {"mean_resolution_seconds", mean(s.mean_resolution_seconds)}};
}

} // namespace helpdesk::capi
