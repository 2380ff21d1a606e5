// The actor's own profile and the password flows: hd_profile_update,
// hd_password_change, hd_password_check, hd_password_reset_request,
// hd_password_reset. Nothing here throttles: that is the embedder's job.
#include "engine_handle.hpp"
#include "json_in.hpp"
#include "json_out.hpp"
#include "output.hpp"

#include <wire/account_views.hpp>
#include <wire/json_values.hpp>
#include <wire/request_readers.hpp>

using namespace helpdesk;

extern "C" {

HD_API int hd_profile_update(char** out_account_json, hd_engine* engine, int64_t actor, const char* request_json) {
    return capi::json_call(out_account_json, "out_account_json", [&] {
        auto& desk = capi::desk_of(engine);
        const auto changes = capi::read_request_json(request_json, wire::read_profile_update);
        return wire::account_json(desk.accounts().update_profile(actor, changes), capi::c_view);
    });
}

HD_API int hd_password_change(hd_engine* engine, int64_t actor, const char* current_password,
                              const char* new_password, const char* confirm_password) {
    return capi::guard([&] {
        auto& desk = capi::desk_of(engine);
        capi::require(current_password, "current_password");
        capi::require(new_password, "new_password");
        capi::require(confirm_password, "confirm_password");
        desk.accounts().change_password(actor, current_password, new_password, confirm_password);
    });
}

HD_API int hd_password_check(int* out_valid, hd_engine* engine, int64_t actor, const char* password) {
    if (out_valid != nullptr) {
        *out_valid = 0;
    }
    return capi::guard([&] {
        capi::require(out_valid, "out_valid");
        auto& desk = capi::desk_of(engine);
        capi::require(password, "password");
        *out_valid = desk.accounts().check_password(actor, password) ? 1 : 0;
    });
}

HD_API int hd_password_reset_request(char** out_token_json, hd_engine* engine, const char* email) {
    return capi::json_call(out_token_json, "out_token_json", [&] {
        auto& desk = capi::desk_of(engine);
        capi::require(email, "email");
        return boost::json::object{{"token", wire::optional_text(desk.accounts().request_password_reset(email))}};
    });
}

HD_API int hd_password_reset(hd_engine* engine, const char* token, const char* new_password,
                             const char* confirm_password) {
    return capi::guard([&] {
        auto& desk = capi::desk_of(engine);
        capi::require(token, "token");
        capi::require(new_password, "new_password");
        capi::require(confirm_password, "confirm_password");
        desk.accounts().reset_password(token, new_password, confirm_password);
    });
}

} // extern "C"
