// Account administration by System Admins (docs/product.md#account-administration):
// reading one account, editing it, its role, deactivation and its history.
#include "handlers/handlers.hpp"

#include "app/form.hpp"
#include "app/json_views.hpp"
#include "app/query.hpp"
#include "handlers/list_response.hpp"

#include <wire/list_queries.hpp>
#include <wire/request_readers.hpp>

namespace helpdesk::server::handlers {

namespace {

response account_answer(const call& c, const account& a) {
    return json_response(account_json(a, url_signer{c.shared, c.actor()}));
}

} // namespace

response employee_detail(call& c) {
    return account_answer(c, c.desk().accounts().get(c.actor(), c.id_param(0)));
}

response update_employee(call& c) {
    const auto body = form::read(c, false);
    const auto changes = wire::read_account_update(body.fields());
    return account_answer(c, c.desk().accounts().update_account(c.actor(), c.id_param(0), changes));
}

response change_employee_role(call& c) {
    const auto body = form::read(c, false);
    const auto role = wire::read_role_change(body.fields());
    return account_answer(c, c.desk().accounts().change_role(c.actor(), c.id_param(0), role));
}

response deactivate_employee(call& c) {
    return account_answer(c, c.desk().accounts().deactivate(c.actor(), c.id_param(0)));
}

response reactivate_employee(call& c) {
    return account_answer(c, c.desk().accounts().reactivate(c.actor(), c.id_param(0)));
}

response employee_history(call& c) {
    const auto asked = wire::read_page_query(url_query(c));
    return list_response(c, c.desk().accounts().history(c.actor(), c.id_param(0), asked), asked,
                         [](const account_history_entry& e) { return wire::account_history_json(e); });
}

} // namespace helpdesk::server::handlers
