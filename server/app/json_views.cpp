#include "app/json_views.hpp"

#include "auth/signed_url.hpp"

#include <helpdesk/domain/file_types.hpp>
#include <helpdesk/rules/ticket_actions.hpp>
#include <helpdesk/security/password.hpp>
#include <helpdesk/time.hpp>

#include <boost/url/url.hpp>

namespace helpdesk::server {

std::string url_signer::sign(const std::string& path) const {
    const auto expires = unix_now() + ctx.options.signed_url_lifetime.count();
    return path + "?" + sign_url_query(path, user, expires, ctx.options.jwt_secret);
}

boost::json::value optional_text(const std::optional<std::string>& text) {
    return text ? boost::json::value(*text) : boost::json::value(nullptr);
}

namespace {
boost::json::value optional_time(const std::optional<time_point>& t) {
    return t ? boost::json::value(to_rfc3339(*t)) : boost::json::value(nullptr);
}
boost::json::value optional_number(const std::optional<std::int64_t>& n) {
    return n ? boost::json::value(*n) : boost::json::value(nullptr);
}
boost::json::value optional_id(const std::optional<account_id>& n) {
    return n ? boost::json::value(*n) : boost::json::value(nullptr);
}

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

boost::json::object account_json(const account& a, const url_signer& urls) {
    boost::json::object o;
    o["id"] = a.id;
    o["email"] = a.email;
    o["first_name"] = a.first_name;
    o["middle_name"] = optional_text(a.middle_name);
    o["last_name"] = a.last_name;
    o["suffix"] = optional_text(a.suffix);
    o["company_id"] = a.company_id;
    o["department"] = a.department;
    o["role"] = to_string(a.account_role);
    o["status"] = to_string(a.status);
    o["date_created"] = to_rfc3339(a.date_created);
    if (a.image_key) {
        o["image_url"] = urls.sign("/api/employees/" + std::to_string(a.id) + "/image/");
    } else {
        o["image_url"] = nullptr;
    }
    return o;
}

boost::json::object person_json(const account_summary& p, boost::json::storage_ptr sp) {
    return boost::json::object({{"id", p.id},
                                {"first_name", p.first_name},
                                {"last_name", p.last_name},
                                {"email", p.email},
                                {"role", to_string(p.account_role)}},
                               std::move(sp));
}

namespace {
boost::json::value person_by_id(const std::vector<account_summary>& people, std::optional<account_id> id,
                                const boost::json::storage_ptr& sp) {
    if (!id) {
        return boost::json::value(nullptr, sp);
    }
    for (const auto& p : people) {
        if (p.id == *id) {
            return person_json(p, sp);
        }
    }
    return boost::json::object({{"id", *id}}, sp);
}
} // namespace

boost::json::object ticket_json(const ticket& t, const std::vector<account_summary>& people,
                                const std::optional<actor>& viewer, boost::json::storage_ptr sp) {
    boost::json::object o(sp);
    o.reserve(26);
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

boost::json::object ticket_details_json(const ticket_details& d, const url_signer& urls,
                                        boost::json::storage_ptr sp) {
    std::vector<account_summary> people{d.employee};
    if (d.assigned_to) {
        people.push_back(*d.assigned_to);
    }
    auto o = ticket_json(d.item, people, d.viewer, sp);
    boost::json::array files(sp);
    for (const auto& a : d.attachments) {
        files.push_back(attachment_json(a, urls, sp));
    }
    o["attachments"] = std::move(files);
    boost::json::array notes(sp);
    for (const auto& c : d.comments) {
        notes.push_back(comment_json(c, d.comment_authors, sp));
    }
    o["comments"] = std::move(notes);
    return o;
}

boost::json::object comment_json(const comment& c, const std::vector<account_summary>& people,
                                 boost::json::storage_ptr sp) {
    const auto* author = find_person(people, c.author);
    return boost::json::object({{"id", c.id},
                                {"ticket", c.ticket},
                                {"author", optional_id(c.author)},
                                {"author_name", display_name(author, sp)},
                                {"author_role", role_of(author, sp)},
                                {"text", c.text},
                                {"is_internal", c.is_internal},
                                {"created_at", to_rfc3339(c.created_at)}},
                               sp);
}

boost::json::object attachment_json(const attachment& a, const url_signer& urls, boost::json::storage_ptr sp) {
    return boost::json::object({{"id", a.id},
                                {"ticket", a.ticket},
                                {"file_name", a.file_name},
                                {"content_type", a.content_type},
                                {"size", a.size},
                                {"uploaded_by", a.uploaded_by},
                                {"upload_date", to_rfc3339(a.upload_date)},
                                {"download_url", urls.sign("/api/attachments/" + std::to_string(a.id) + "/download/")}},
                               std::move(sp));
}

boost::json::object history_json(const history_event& e, const std::vector<account_summary>& people) {
    return {{"id", e.id},
            {"ticket", e.ticket},
            {"actor", optional_id(e.actor)},
            {"actor_name", display_name(find_person(people, e.actor), {})},
            {"at", to_rfc3339(e.at)},
            {"kind", to_string(e.kind)},
            {"old_value", optional_text(e.old_value)},
            {"new_value", optional_text(e.new_value)},
            {"is_internal", e.is_internal}};
}

boost::json::object rejected_json(const rejected_account& r) {
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

boost::json::object api_key_json(const api_key& k) {
    return {{"id", k.id},
            {"name", k.name},
            {"prefix", k.prefix},
            {"created_at", to_rfc3339(k.created_at)},
            {"created_by", optional_id(k.created_by)},
            {"revoked_at", optional_time(k.revoked_at)},
            {"last_used_at", optional_time(k.last_used_at)}};
}

boost::json::object catalog_json(const engine_options& options) {
    const auto names = [](const auto& values) {
        boost::json::array out;
        for (const auto& v : values) {
            out.emplace_back(to_string(v));
        }
        return out;
    };
    const auto types = [](std::span<const file_type> kinds) {
        boost::json::array out;
        for (const auto& kind : kinds) {
            boost::json::array extensions;
            for (const auto ext : kind.extensions) {
                extensions.emplace_back(ext);
            }
            out.push_back({{"content_type", kind.content_type}, {"extensions", std::move(extensions)}});
        }
        return out;
    };
    boost::json::array departments;
    for (const auto& d : options.choices.departments) {
        departments.emplace_back(d);
    }
    boost::json::array categories;
    for (const auto& c : options.choices.categories) {
        boost::json::array subs;
        for (const auto& s : c.sub_categories) {
            subs.emplace_back(s);
        }
        categories.push_back({{"name", c.name}, {"sub_categories", std::move(subs)}});
    }
    boost::json::array suffixes;
    for (const auto s : name_suffixes) {
        suffixes.emplace_back(s);
    }
    boost::json::array image_content_types;
    for (const auto& kind : image_types()) {
        image_content_types.emplace_back(kind.content_type);
    }
    return {{"departments", std::move(departments)},
            {"categories", std::move(categories)},
            {"priorities", names(priorities_by_urgency)},
            {"statuses", names(all_ticket_statuses)},
            {"roles", names(all_roles)},
            {"suffixes", std::move(suffixes)},
            {"attachments",
             {{"max_file_bytes", options.max_attachment_bytes},
              {"max_files", options.max_attachments_per_ticket},
              {"types", types(attachment_types())}}},
            {"image", {{"max_bytes", options.max_image_bytes}, {"types", std::move(image_content_types)}}},
            {"password", {{"min_length", min_password_length}, {"rule", password_rule}}}};
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

namespace {
std::string link_with(const call& c, std::string_view name, const std::string& value) {
    boost::urls::url u;
    u.set_encoded_path(c.url.encoded_path());
    for (const auto& p : c.url.params()) {
        if (p.key != name && p.key != "page" && p.key != "cursor") {
            u.params().append(p);
        }
    }
    u.params().append({name, value});
    return std::string{u.buffer()};
}
} // namespace

boost::json::object page_json(const call& c, boost::json::array results, std::optional<std::int64_t> count,
                              std::int64_t page_number, bool has_next, bool has_previous,
                              const std::optional<std::string>& next_cursor) {
    boost::json::object o(results.storage());
    o["count"] = count ? boost::json::value(*count) : boost::json::value(nullptr);
    if (next_cursor) {
        o["next"] = link_with(c, "cursor", *next_cursor);
    } else if (has_next && !c.url.params().contains("cursor")) {
        o["next"] = link_with(c, "page", std::to_string(page_number + 1));
    } else {
        o["next"] = nullptr;
    }
    if (has_previous && !c.url.params().contains("cursor")) {
        o["previous"] = link_with(c, "page", std::to_string(page_number - 1));
    } else {
        o["previous"] = nullptr;
    }
    o["results"] = std::move(results);
    return o;
}

} // namespace helpdesk::server
