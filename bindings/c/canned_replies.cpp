// Canned replies: hd_canned_reply_list, _create, _get, _update, _delete, _render.
#include "calls.hpp"
#include "ticket_actions.hpp"

#include <wire/canned_reply_views.hpp>

using namespace helpdesk;

namespace {

// Each call answering with one reply: the reply `act(replies)` returns.
template <class Act>
int reply_call(char** out_reply_json, hd_engine* engine, Act act) noexcept {
    return capi::resource_call(
        out_reply_json, "out_reply_json", engine, [&](helpdesk::engine& desk) { return act(desk.canned_replies()); },
        [](const canned_reply& r) { return wire::canned_reply_json(r); });
}

} // namespace

extern "C" {

HD_API int hd_canned_reply_list(char** out_page_json, hd_engine* engine, int64_t actor, const char* query_json) {
    return capi::paged_call(
        out_page_json, engine, query_json,
        [&](helpdesk::engine& desk, const page_request& asked) { return desk.canned_replies().list(actor, asked); },
        [](const canned_reply& r) { return wire::canned_reply_json(r); });
}

HD_API int hd_canned_reply_create(char** out_reply_json, hd_engine* engine, int64_t actor, const char* request_json) {
    return reply_call(out_reply_json, engine, [&](canned_reply_service& replies) {
        return replies.create(actor, capi::read_request_json(request_json, wire::read_new_canned_reply));
    });
}

HD_API int hd_canned_reply_get(char** out_reply_json, hd_engine* engine, int64_t actor, int64_t reply) {
    return reply_call(out_reply_json, engine, [&](canned_reply_service& replies) { return replies.get(actor, reply); });
}

HD_API int hd_canned_reply_update(char** out_reply_json, hd_engine* engine, int64_t actor, int64_t reply,
                                  const char* request_json, int64_t expected_version) {
    return reply_call(out_reply_json, engine, [&](canned_reply_service& replies) {
        const auto change = capi::read_request_json(request_json, wire::read_canned_reply_change);
        return replies.update(actor, reply, change, capi::expected(expected_version));
    });
}

HD_API int hd_canned_reply_delete(hd_engine* engine, int64_t actor, int64_t reply, int64_t expected_version) {
    return capi::guard([&] {
        capi::desk_of(engine).canned_replies().remove(actor, reply, capi::expected(expected_version));
    });
}

HD_API int hd_canned_reply_render(char** out_rendered_json, hd_engine* engine, int64_t actor, int64_t ticket,
                                  int64_t reply) {
    return capi::json_call(out_rendered_json, "out_rendered_json", [&] {
        return wire::rendered_reply_json(capi::desk_of(engine).canned_replies().render(actor, reply, ticket));
    });
}

} // extern "C"
