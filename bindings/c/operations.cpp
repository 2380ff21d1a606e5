// Operations for System Admins: workflow API keys (hd_api_key_list, _create,
// _revoke) and the dead outbox events (hd_outbox_dead_list, hd_outbox_requeue).
#include "calls.hpp"

#include <wire/account_views.hpp>
#include <wire/outbox_view.hpp>

using namespace helpdesk;

extern "C" {

HD_API int hd_api_key_create(char** out_key_json, hd_engine* engine, int64_t actor, const char* name) {
    return capi::json_call(out_key_json, "out_key_json", [&] {
        auto& desk = capi::desk_of(engine);
        capi::require(name, "name");
        return wire::created_api_key_json(desk.api_keys().create(actor, name));
    });
}

HD_API int hd_api_key_list(char** out_page_json, hd_engine* engine, int64_t actor, const char* query_json) {
    return capi::paged_call(
        out_page_json, engine, query_json,
        [&](helpdesk::engine& desk, const page_request& asked) { return desk.api_keys().list(actor, asked); },
        [](const api_key& k) { return wire::api_key_json(k); });
}

HD_API int hd_api_key_revoke(char** out_key_json, hd_engine* engine, int64_t actor, int64_t key) {
    return capi::json_call(out_key_json, "out_key_json",
                           [&] { return wire::api_key_json(capi::desk_of(engine).api_keys().revoke(actor, key)); });
}

HD_API int hd_outbox_dead_list(char** out_page_json, hd_engine* engine, int64_t actor, const char* query_json) {
    return capi::paged_call(
        out_page_json, engine, query_json,
        [&](helpdesk::engine& desk, const page_request& asked) { return desk.outbox().list(actor, outbox_state::dead, asked); },
        [](const outbox_event& e) { return wire::outbox_event_json(e); });
}

HD_API int hd_outbox_requeue(char** out_event_json, hd_engine* engine, int64_t actor, int64_t event) {
    return capi::json_call(out_event_json, "out_event_json",
                           [&] { return wire::outbox_event_json(capi::desk_of(engine).outbox().requeue(actor, event)); });
}

} // extern "C"
