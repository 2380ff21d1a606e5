#include <wire/account_views.hpp>
#include <wire/json_values.hpp>

#include <helpdesk/time.hpp>

#include <string>

namespace helpdesk::wire {

boost::json::object account_json(const account& a, const view_options& options) {
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
    o["is_active"] = a.is_active;
    o["date_created"] = to_rfc3339(a.date_created);
    if (options.links) {
        o["image_url"] = a.image_key ? boost::json::value(options.links->link("/api/employees/" + std::to_string(a.id) + "/image/"))
                                     : boost::json::value(nullptr);
    }
    return o;
}

boost::json::object account_history_json(const account_history_entry& e) {
    return {{"id", e.id},
            {"account", e.account},
            {"actor", optional_number(e.actor)},
            {"at", to_rfc3339(e.at)},
            {"field", e.field},
            {"old_value", optional_text(e.old_value)},
            {"new_value", optional_text(e.new_value)}};
}

boost::json::object person_json(const account_summary& p, boost::json::storage_ptr sp) {
    return boost::json::object({{"id", p.id},
                                {"first_name", p.first_name},
                                {"last_name", p.last_name},
                                {"email", p.email},
                                {"role", to_string(p.account_role)}},
                               std::move(sp));
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

boost::json::object api_key_json(const api_key& k) {
    return {{"id", k.id},
            {"name", k.name},
            {"prefix", k.prefix},
            {"created_at", to_rfc3339(k.created_at)},
            {"created_by", optional_number(k.created_by)},
            {"revoked_at", optional_time(k.revoked_at)},
            {"last_used_at", optional_time(k.last_used_at)}};
}

boost::json::object created_api_key_json(const created_api_key& made) {
    auto shown = api_key_json(made.record);
    shown["key"] = made.key;
    return shown;
}

} // namespace helpdesk::wire
