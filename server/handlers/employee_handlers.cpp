#include "handlers/handlers.hpp"

#include "app/form.hpp"
#include "app/json_views.hpp"
#include "app/query.hpp"

#include <helpdesk/error.hpp>

namespace helpdesk::server::handlers {

namespace {

template <class Parse>
auto parse_choice(const call& c, std::string_view name, Parse parse) {
    using value_type = typename decltype(parse(std::string_view{}))::value_type;
    std::optional<value_type> out;
    if (const auto text = query_text(c, name)) {
        out = parse(*text);
        if (!out) {
            throw error(errc::invalid_argument, "The " + std::string{name} + " filter is not a known value.",
                        {{std::string{name}, {"Not a known value."}}});
        }
    }
    return out;
}

} // namespace

response admin_create_employee(call& c) {
    const auto body = form::read(c, false);
    admin_create_request r;
    r.email = body.text("email").value_or("");
    r.first_name = body.text("first_name").value_or("");
    r.middle_name = body.text("middle_name");
    r.last_name = body.text("last_name").value_or("");
    r.suffix = body.text("suffix");
    r.department = body.text("department").value_or("");
    r.role = body.text("role").value_or("Employee");
    if (body.has("password")) {
        throw error(errc::invalid_argument, "Accounts made by an admin get a set-password link, not a password.",
                    {{"password", {"Not accepted: the person sets it through the mailed link."}}});
    }
    const auto created = c.ctx.core.accounts().admin_create(c.actor(), r);
    return json_response(account_json(created.created, url_signer{c.ctx, c.actor()}), http::status::created);
}

response list_employees(call& c) {
    account_filter filter;
    filter.account_role = parse_choice(c, "role", parse_role);
    filter.status = parse_choice(c, "status", parse_account_status);
    filter.department = query_text(c, "department");
    const auto page_number = query_int(c, "page", 1);
    const auto page_size = query_int(c, "page_size", 20);
    const auto found = c.ctx.core.accounts().list(c.actor(), filter, page_number, page_size);
    boost::json::array rows;
    const url_signer urls{c.ctx, c.actor()};
    for (const auto& a : found.rows) {
        rows.push_back(account_json(a, urls));
    }
    const bool has_next = (page_number - 1) * page_size + static_cast<std::int64_t>(found.rows.size()) < found.count;
    return json_response(page_json(c, std::move(rows), found.count, page_number, has_next, page_number > 1, std::nullopt));
}

response approve_employee(call& c) {
    const auto approved = c.ctx.core.accounts().approve(c.actor(), c.id_param(0));
    return json_response(account_json(approved, url_signer{c.ctx, c.actor()}));
}

response reject_employee(call& c) {
    const auto body = form::read(c, false);
    const auto reason = body.text("reason").value_or("");
    const auto audit = c.ctx.core.accounts().reject(c.actor(), c.id_param(0), reason);
    return json_response(rejected_json(audit));
}

response employee_image(call& c) {
    auto image = c.ctx.core.accounts().image(c.actor(), c.id_param(0));
    if (!image) {
        throw error(errc::not_found, "That account has no picture.");
    }
    response r;
    r.content_type = std::move(image->content_type);
    r.body = std::move(image->bytes);
    r.headers.emplace_back("Content-Disposition", "inline");
    return r;
}

response rejected_employees(call& c) {
    const auto page_number = query_int(c, "page", 1);
    const auto page_size = query_int(c, "page_size", 20);
    const auto found = c.ctx.core.accounts().rejections(c.actor(), page_number, page_size);
    boost::json::array rows;
    for (const auto& r : found.rows) {
        rows.push_back(rejected_json(r));
    }
    const bool has_next = (page_number - 1) * page_size + static_cast<std::int64_t>(found.rows.size()) < found.count;
    return json_response(page_json(c, std::move(rows), found.count, page_number, has_next, page_number > 1, std::nullopt));
}

response rejected_count(call& c) {
    return json_response(boost::json::object{{"count", c.ctx.core.accounts().rejection_count(c.actor())}});
}

} // namespace helpdesk::server::handlers
