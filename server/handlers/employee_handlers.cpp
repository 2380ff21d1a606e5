#include "handlers/handlers.hpp"

#include "app/form.hpp"
#include "app/json_views.hpp"
#include "app/query.hpp"
#include "handlers/list_response.hpp"

#include <wire/list_queries.hpp>
#include <wire/request_readers.hpp>
#include <wire/small_views.hpp>

#include <helpdesk/error.hpp>

namespace helpdesk::server::handlers {

response admin_create_employee(call& c) {
    const auto body = form::read(c, false);
    const auto r = wire::read_admin_create(body.fields());
    if (body.has("password")) {
        throw error(errc::invalid_argument, "Accounts made by an admin get a set-password link, not a password.",
                    {{"password", {"Not accepted: the person sets it through the mailed link."}}});
    }
    const auto created = c.desk().accounts().admin_create(c.actor(), r);
    return json_response(account_json(created.created, url_signer{c.shared, c.actor()}), http::status::created);
}

response list_employees(call& c) {
    const auto asked = wire::read_account_list_query(url_query(c));
    const url_signer urls{c.shared, c.actor()};
    return list_response(c, c.desk().accounts().list(c.actor(), asked), asked,
                         [&](const account& a) { return account_json(a, urls); });
}

response approve_employee(call& c) {
    const auto approved = c.desk().accounts().approve(c.actor(), c.id_param(0));
    return json_response(account_json(approved, url_signer{c.shared, c.actor()}));
}

response reject_employee(call& c) {
    const auto body = form::read(c, false);
    const auto reason = body.text("reason").value_or("");
    const auto audit = c.desk().accounts().reject(c.actor(), c.id_param(0), reason);
    return json_response(wire::rejection_json(audit));
}

response employee_image(call& c) {
    auto image = c.desk().accounts().image(c.actor(), c.id_param(0));
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
    const auto asked = wire::read_page_query(url_query(c));
    return list_response(c, c.desk().accounts().rejections(c.actor(), asked), asked,
                         [](const rejected_account& r) { return wire::rejection_json(r); });
}

response rejected_count(call& c) {
    return json_response(wire::count_json(c.desk().accounts().rejection_count(c.actor())));
}

} // namespace helpdesk::server::handlers
