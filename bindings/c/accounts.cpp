// hd_bootstrap_admin, hd_sign_up, hd_account_*, hd_login.
#include "engine_handle.hpp"
#include "json_in.hpp"
#include "json_out.hpp"
#include "output.hpp"

namespace helpdesk::capi {

namespace {

/// The sign-up form of the HTTP API (`create_employee/`).
sign_up_request read_sign_up(const char* request_json) {
    auto body = request_object::parse(request_json, "request_json");
    sign_up_request r;
    r.email = body.text_or_empty("email");
    r.first_name = body.text_or_empty("first_name");
    r.middle_name = body.text("middle_name");
    r.last_name = body.text_or_empty("last_name");
    r.suffix = body.text("suffix");
    r.company_id = body.text("company_id");
    r.department = body.text_or_empty("department");
    r.password = body.text_or_empty("password");
    r.confirm_password = body.text_or_empty("confirm_password");
    // Present at all, in any type, is an attempt to choose them: the service refuses it.
    r.role = body.raw("role");
    r.status = body.raw("status");
    body.check();
    return r;
}

} // namespace

} // namespace helpdesk::capi

using namespace helpdesk;

extern "C" {

HD_API int hd_bootstrap_admin(char** out_account_json, hd_engine* engine, const char* request_json) {
    return capi::json_call(out_account_json, "out_account_json", [&] {
        auto& core = capi::core_of(engine);
        return capi::account_json(core.accounts().bootstrap_admin(capi::read_sign_up(request_json)));
    });
}

HD_API int hd_sign_up(char** out_account_json, hd_engine* engine, const char* request_json) {
    return capi::json_call(out_account_json, "out_account_json", [&] {
        auto& core = capi::core_of(engine);
        return capi::account_json(core.accounts().sign_up(capi::read_sign_up(request_json)));
    });
}

HD_API int hd_account_approve(char** out_account_json, hd_engine* engine, int64_t actor, int64_t account) {
    return capi::json_call(out_account_json, "out_account_json", [&] {
        return capi::account_json(capi::core_of(engine).accounts().approve(actor, account));
    });
}

HD_API int hd_account_reject(char** out_rejection_json, hd_engine* engine, int64_t actor, int64_t account,
                             const char* reason) {
    return capi::json_call(out_rejection_json, "out_rejection_json", [&] {
        auto& core = capi::core_of(engine);
        capi::require(reason, "reason");
        return capi::rejection_json(core.accounts().reject(actor, account, reason));
    });
}

HD_API int hd_account_get(char** out_account_json, hd_engine* engine, int64_t actor, int64_t account) {
    return capi::json_call(out_account_json, "out_account_json", [&] {
        return capi::account_json(capi::core_of(engine).accounts().get(actor, account));
    });
}

HD_API int hd_login(int64_t* out_account_id, hd_engine* engine, const char* email, const char* password, int staff) {
    if (out_account_id != nullptr) {
        *out_account_id = 0;
    }
    return capi::guard([&] {
        capi::require(out_account_id, "out_account_id");
        auto& core = capi::core_of(engine);
        capi::require(email, "email");
        capi::require(password, "password");
        const auto kind = staff != 0 ? login_kind::staff : login_kind::employee;
        *out_account_id = core.accounts().authenticate(kind, email, password).id;
    });
}

} // extern "C"
