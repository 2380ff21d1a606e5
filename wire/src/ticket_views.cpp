#include <wire/account_views.hpp>
#include <wire/json_values.hpp>
#include <wire/sla_state_view.hpp>
#include <wire/ticket_views.hpp>

#include <helpdesk/rules/ticket_actions.hpp>
#include <helpdesk/time.hpp>

#include <boost/json/array.hpp>

#include <map>
#include <string>

namespace helpdesk::wire {

namespace {

const account_summary* find_person(const std::vector<account_summary>& people, std::optional<account_id> id) {
    if (!id) {
        return nullptr;
    }
    for (const auto& p : people) {
        if (p.id == *id) {
            return &p;
        }
    }
    return nullptr;
}

boost::json::value person_by_id(const std::vector<account_summary>& people, std::optional<account_id> id,
                                const boost::json::storage_ptr& sp) {
    if (!id) {
        return boost::json::value(nullptr, sp);
    }
    if (const auto* p = find_person(people, id)) {
        return person_json(*p, sp);
    }
    return boost::json::object({{"id", *id}}, sp);
}

// "First Last" as people are addressed; null when unknown.
boost::json::value display_name(const account_summary* p, const boost::json::storage_ptr& sp) {
    if (!p) {
        return boost::json::value(nullptr, sp);
    }
    std::string name = p->first_name;
    if (!p->last_name.empty()) {
        name += (name.empty() ? "" : " ") + p->last_name;
    }
    return boost::json::value(name, sp);
}

boost::json::value role_of(const account_summary* p, const boost::json::storage_ptr& sp) {
    return p ? boost::json::value(to_string(p->account_role), sp) : boost::json::value(nullptr, sp);
}

} // namespace

boost::json::object ticket_json(const ticket& t, const std::vector<account_summary>& people,
                                const std::optional<actor>& viewer, time_point as_of, const view_options& options,
                                boost::json::storage_ptr sp) {
    boost::json::object o(sp);
    o.reserve(29);
    o["id"] = t.id;
    o["ticket_number"] = t.ticket_number;
    o["employee"] = person_by_id(people, t.employee, sp);
    o["subject"] = t.subject;
    o["category"] = t.category;
    o["sub_category"] = t.sub_category;
    o["description"] = t.description;
    o["scheduled_date"] = t.scheduled_date ? boost::json::value(to_iso_date(*t.scheduled_date)) : nullptr;
    o["priority"] = to_string(t.ticket_priority);
    o["department"] = t.department;
    o["status"] = to_string(t.status);
    o["assigned_to"] = person_by_id(people, t.assigned_to, sp);
    o["submit_date"] = to_rfc3339(t.submit_date);
    o["update_date"] = to_rfc3339(t.update_date);
    o["response_time"] = optional_number(t.response_seconds);
    o["resolution_time"] = optional_number(t.resolution_seconds);
    o["time_closed"] = optional_time(t.time_closed);
    o["rejection_reason"] = optional_text(t.rejection_reason);
    o["finalized"] = t.finalized;
    o["version"] = t.version;
    add_sla_fields(o, t.sla, as_of);
    if (options.compact) {
        return o;
    }
    boost::json::array actions(sp);
    boost::json::array targets(sp);
    if (viewer) {
        const auto allowed = permitted_actions(*viewer, t);
        for (const auto act : allowed.actions) {
            actions.emplace_back(client_action_name(act));
        }
        for (const auto to : allowed.status_targets) {
            targets.emplace_back(to_string(to));
        }
    }
    o["actions"] = std::move(actions);
    o["status_targets"] = std::move(targets);
    return o;
}

boost::json::object ticket_details_json(const ticket_details& d, const view_options& options,
                                        boost::json::storage_ptr sp) {
    std::vector<account_summary> people{d.employee};
    if (d.assigned_to) {
        people.push_back(*d.assigned_to);
    }
    auto o = ticket_json(d.item, people, d.viewer, d.as_of, options, sp);
    boost::json::array files(sp);
    for (const auto& a : d.attachments) {
        files.push_back(attachment_json(a, options, sp));
    }
    o["attachments"] = std::move(files);
    boost::json::array notes(sp);
    for (const auto& c : d.comments) {
        notes.push_back(comment_json(c, d.comment_authors, options, sp));
    }
    o["comments"] = std::move(notes);
    return o;
}

boost::json::object comment_json(const comment& c, const std::vector<account_summary>& people,
                                 const view_options& options, boost::json::storage_ptr sp) {
    boost::json::object o(sp);
    o["id"] = c.id;
    o["ticket"] = c.ticket;
    o["author"] = optional_number(c.author);
    if (!options.compact) {
        const auto* author = find_person(people, c.author);
        o["author_name"] = display_name(author, sp);
        o["author_role"] = role_of(author, sp);
    }
    o["text"] = c.text;
    o["is_internal"] = c.is_internal;
    o["created_at"] = to_rfc3339(c.created_at);
    return o;
}

boost::json::object attachment_json(const attachment& a, const view_options& options, boost::json::storage_ptr sp) {
    boost::json::object o(sp);
    o["id"] = a.id;
    if (!options.compact) {
        o["ticket"] = a.ticket;
    }
    o["file_name"] = a.file_name;
    o["content_type"] = a.content_type;
    o["size"] = a.size;
    if (!options.compact) {
        o["uploaded_by"] = a.uploaded_by;
    }
    o["upload_date"] = to_rfc3339(a.upload_date);
    if (options.links) {
        o["download_url"] = options.links->link("/api/attachments/" + std::to_string(a.id) + "/download/");
    }
    return o;
}

boost::json::object history_json(const history_event& e, const std::vector<account_summary>& people,
                                 const view_options& options) {
    boost::json::object o;
    o["id"] = e.id;
    o["ticket"] = e.ticket;
    o["actor"] = optional_number(e.actor);
    if (!options.compact) {
        o["actor_name"] = display_name(find_person(people, e.actor), {});
    }
    o["at"] = to_rfc3339(e.at);
    o["kind"] = to_string(e.kind);
    o["old_value"] = optional_text(e.old_value);
    o["new_value"] = optional_text(e.new_value);
    o["is_internal"] = e.is_internal;
    return o;
}

namespace {

boost::json::object compliance_json(const sla_compliance& c) {
    auto target = [](const sla_target_compliance& t) {
        return boost::json::object{{"met", t.met}, {"breached", t.breached}, {"pending", t.pending}};
    };
    return {{"first_response", target(c.first_response)}, {"resolution", target(c.resolution)}};
}

boost::json::object sla_stats_json(const ticket_stats& s) {
    auto keyed = [](const std::map<std::string, sla_compliance>& m) {
        boost::json::object o;
        for (const auto& [k, v] : m) {
            o[k] = compliance_json(v);
        }
        return o;
    };
    auto o = compliance_json(s.sla);
    o["by_priority"] = keyed(s.sla_by_priority);
    o["by_department"] = keyed(s.sla_by_department);
    return o;
}

} // namespace

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
            {"mean_resolution_seconds", mean(s.mean_resolution_seconds)},
            {"sla", sla_stats_json(s)}};
}

} // namespace helpdesk::wire
