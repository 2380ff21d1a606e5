// hd_bootstrap_admin, hd_sign_up, hd_account_*, hd_login.
#include "engine_handle.hpp"
#include "json_in.hpp"
#include "json_out.hpp"
#include "output.hpp"

#include <wire/account_views.hpp>
#include <wire/request_readers.hpp>

using namespace helpdesk;

extern "C" {

HD_API int hd_bootstrap_admin(char** out_account_json, hd_engine* engine, const char* request_json) {
    return capi::json_call(out_account_json, "out_account_json", [&] {
        const auto request = capi::read_request_json(request_json, wire::read_sign_up);
        return wire::account_json(capi::desk_of(engine).accounts().bootstrap_admin(request), capi::c_view);
    });
}

HD_API int hd_sign_up(char** out_account_json, hd_engine* engine, const char* request_json) {
    return capi::json_call(out_account_json, "out_account_json", [&] {
        const auto request = capi::read_request_json(request_json, wire::read_sign_up);
        return wire::account_json(capi::desk_of(engine).accounts().sign_up(request), capi::c_view);
    });
}

HD_API int hd_account_approve(char** out_account_json, hd_engine* engine, int64_t actor, int64_t account) {
    return capi::json_call(out_account_json, "out_account_json", [&] {
        return wire::account_json(capi::desk_of(engine).accounts().approve(actor, account), capi::c_view);
    });
}

HD_API int hd_account_reject(char** out_rejection_json, hd_engine* engine, int64_t actor, int64_t account,
                             const char* reason) {
    return capi::json_call(out_rejection_json, "out_rejection_json", [&] {
        auto& desk = capi::desk_of(engine);
        capi::require(reason, "reason");
        return wire::rejection_json(desk.accounts().reject(actor, account, reason));
    });
}

HD_API int hd_account_get(char** out_account_json, hd_engine* engine, int64_t actor, int64_t account) {
    return capi::json_call(out_account_json, "out_account_json", [&] {
        return wire::account_json(capi::desk_of(engine).accounts().get(actor, account), capi::c_view);
    });
}

HD_API int hd_login(int64_t* out_account_id, hd_engine* engine, const char* email, const char* password, int staff) {
    if (out_account_id != nullptr) {
        *out_account_id = 0;
    }
    return capi::guard([&] {
        capi::require(out_account_id, "out_account_id");
        auto& desk = capi::desk_of(engine);
        capi::require(email, "email");
        capi::require(password, "password");
        const auto kind = staff != 0 ? login_kind::staff : login_kind::employee;
        *out_account_id = desk.accounts().authenticate(kind, email, password).id;
    });
}

} // extern "C"
