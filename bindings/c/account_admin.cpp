// A System Admin's account administration: hd_account_admin_create, _list,
// _update, _change_role, _deactivate, _reactivate, _history_page, and the
// rejection audit (hd_rejection_list, hd_rejection_count).
#include "calls.hpp"
#include "json_out.hpp"

#include <wire/account_views.hpp>
#include <wire/list_queries.hpp>
#include <wire/request_readers.hpp>

using namespace helpdesk;

namespace {

// Each call answering with one account: the account `act(accounts)` returns.
template <class Act>
int account_call(char** out_account_json, hd_engine* engine, Act act) noexcept {
    return capi::resource_call(
        out_account_json, "out_account_json", engine, [&](helpdesk::engine& desk) { return act(desk.accounts()); },
        [](const account& a) { return wire::account_json(a, capi::c_view); });
}

} // namespace

extern "C" {

HD_API int hd_account_admin_create(char** out_created_json, hd_engine* engine, int64_t actor, const char* request_json) {
    return capi::json_call(out_created_json, "out_created_json", [&] {
        auto& desk = capi::desk_of(engine);
        const auto request = capi::read_request_json(request_json, wire::read_admin_create);
        const auto made = desk.accounts().admin_create(actor, request);
        return boost::json::object{{"account", wire::account_json(made.created, capi::c_view)},
                                   {"set_password_token", made.set_password_token}};
    });
}

HD_API int hd_account_list(char** out_page_json, hd_engine* engine, int64_t actor, const char* query_json) {
    return capi::json_call(out_page_json, "out_page_json", [&] {
        auto& desk = capi::desk_of(engine);
        const auto request = capi::read_query(query_json, wire::read_account_list_query);
        return capi::page_json(desk.accounts().list(actor, request),
                               [](const account& a) { return wire::account_json(a, capi::c_view); });
    });
}

HD_API int hd_account_update(char** out_account_json, hd_engine* engine, int64_t actor, int64_t account,
                             const char* request_json) {
    return account_call(out_account_json, engine, [&](account_service& accounts) {
        const auto changes = capi::read_request_json(request_json, wire::read_account_update);
        return accounts.update_account(actor, account, changes);
    });
}

HD_API int hd_account_change_role(char** out_account_json, hd_engine* engine, int64_t actor, int64_t account,
                                  const char* role) {
    return account_call(out_account_json, engine, [&](account_service& accounts) {
        capi::require(role, "role");
        return accounts.change_role(actor, account, role);
    });
}

HD_API int hd_account_deactivate(char** out_account_json, hd_engine* engine, int64_t actor, int64_t account) {
    return account_call(out_account_json, engine,
                        [&](account_service& accounts) { return accounts.deactivate(actor, account); });
}

HD_API int hd_account_reactivate(char** out_account_json, hd_engine* engine, int64_t actor, int64_t account) {
    return account_call(out_account_json, engine,
                        [&](account_service& accounts) { return accounts.reactivate(actor, account); });
}

HD_API int hd_account_history_page(char** out_page_json, hd_engine* engine, int64_t actor, int64_t account,
                                   const char* query_json) {
    return capi::paged_call(
        out_page_json, engine, query_json,
        [&](helpdesk::engine& desk, const page_request& asked) { return desk.accounts().history(actor, account, asked); },
        [](const account_history_entry& e) { return wire::account_history_json(e); });
}

HD_API int hd_rejection_list(char** out_page_json, hd_engine* engine, int64_t actor, const char* query_json) {
    return capi::paged_call(
        out_page_json, engine, query_json,
        [&](helpdesk::engine& desk, const page_request& asked) { return desk.accounts().rejections(actor, asked); },
        [](const rejected_account& r) { return wire::rejection_json(r); });
}

HD_API int hd_rejection_count(int64_t* out_count, hd_engine* engine, int64_t actor) {
    if (out_count != nullptr) {
        *out_count = 0;
    }
    return capi::guard([&] {
        capi::require(out_count, "out_count");
        *out_count = capi::desk_of(engine).accounts().rejection_count(actor);
    });
}

} // extern "C"
