// hd_ticket_create and the lifecycle actions of docs/product.md#lifecycle.
#include "engine_handle.hpp"
#include "json_in.hpp"
#include "json_out.hpp"
#include "output.hpp"
#include "ticket_actions.hpp"

#include <wire/request_readers.hpp>

namespace helpdesk::capi {

namespace {

create_ticket_request read_create(const char* request_json) {
    auto body = parse_request(request_json, "request_json");
    return wire::read_create_ticket(body);
}

approve_request read_approve(const char* request_json) {
    auto body = parse_request(request_json, "request_json");
    return wire::read_approve(body);
}

} // namespace

} // namespace helpdesk::capi

using namespace helpdesk;

extern "C" {

HD_API int hd_ticket_create(char** out_ticket_json, hd_engine* engine, int64_t actor, const char* request_json) {
    return capi::json_call(out_ticket_json, "out_ticket_json", [&] {
        auto& core = capi::core_of(engine);
        return capi::ticket_details_json(core.tickets().create(actor, capi::read_create(request_json)));
    });
}

HD_API int hd_ticket_approve(char** out_ticket_json, hd_engine* engine, int64_t actor, int64_t ticket,
                             const char* request_json, int64_t expected_version) {
    return capi::json_call(out_ticket_json, "out_ticket_json", [&] {
        auto& core = capi::core_of(engine);
        const auto request = capi::read_approve(request_json);
        const auto changed = core.tickets().approve(actor, ticket, request, capi::expected(expected_version));
        return capi::ticket_details_json(changed);
    });
}

HD_API int hd_ticket_reject(char** out_ticket_json, hd_engine* engine, int64_t actor, int64_t ticket,
                            const char* reason, int64_t expected_version) {
    return capi::json_call(out_ticket_json, "out_ticket_json", [&] {
        auto& core = capi::core_of(engine);
        capi::require(reason, "reason");
        const auto changed = core.tickets().reject(actor, ticket, reason, capi::expected(expected_version));
        return capi::ticket_details_json(changed);
    });
}

HD_API int hd_ticket_claim(char** out_ticket_json, hd_engine* engine, int64_t actor, int64_t ticket,
                           int64_t expected_version) {
    return capi::json_call(out_ticket_json, "out_ticket_json", [&] {
        auto& core = capi::core_of(engine);
        const auto changed = core.tickets().claim(actor, ticket, capi::expected(expected_version));
        return capi::ticket_details_json(changed);
    });
}

HD_API int hd_ticket_assign(char** out_ticket_json, hd_engine* engine, int64_t actor, int64_t ticket,
                            int64_t assignee, int64_t expected_version) {
    return capi::json_call(out_ticket_json, "out_ticket_json", [&] {
        auto& core = capi::core_of(engine);
        const auto changed = core.tickets().assign(actor, ticket, assignee, capi::expected(expected_version));
        return capi::ticket_details_json(changed);
    });
}

HD_API int hd_ticket_update_status(char** out_ticket_json, hd_engine* engine, int64_t actor, int64_t ticket,
                                   const char* status, const char* note, int64_t expected_version) {
    return capi::json_call(out_ticket_json, "out_ticket_json", [&] {
        auto& core = capi::core_of(engine);
        capi::require(status, "status");
        const auto changed = core.tickets().update_status(actor, ticket, status, capi::optional_note(note),
                                                          capi::expected(expected_version));
        return capi::ticket_details_json(changed);
    });
}

HD_API int hd_ticket_withdraw(char** out_ticket_json, hd_engine* engine, int64_t actor, int64_t ticket,
                              const char* note, int64_t expected_version) {
    return capi::json_call(out_ticket_json, "out_ticket_json", [&] {
        auto& core = capi::core_of(engine);
        const auto changed =
            core.tickets().withdraw(actor, ticket, capi::optional_note(note), capi::expected(expected_version));
        return capi::ticket_details_json(changed);
    });
}

HD_API int hd_ticket_close(char** out_ticket_json, hd_engine* engine, int64_t actor, int64_t ticket,
                           const char* note, int64_t expected_version) {
    return capi::json_call(out_ticket_json, "out_ticket_json", [&] {
        auto& core = capi::core_of(engine);
        const auto changed =
            core.tickets().close(actor, ticket, capi::optional_note(note), capi::expected(expected_version));
        return capi::ticket_details_json(changed);
    });
}

HD_API int hd_ticket_reopen(char** out_ticket_json, hd_engine* engine, int64_t actor, int64_t ticket,
                            const char* note, int64_t expected_version) {
    return capi::json_call(out_ticket_json, "out_ticket_json", [&] {
        auto& core = capi::core_of(engine);
        capi::require(note, "note");
        const auto changed = core.tickets().reopen(actor, ticket, note, capi::expected(expected_version));
        return capi::ticket_details_json(changed);
    });
}

HD_API int hd_ticket_finalize(char** out_ticket_json, hd_engine* engine, int64_t actor, int64_t ticket,
                              int64_t expected_version) {
    return capi::json_call(out_ticket_json, "out_ticket_json", [&] {
        auto& core = capi::core_of(engine);
        const auto changed = core.tickets().finalize(actor, ticket, capi::expected(expected_version));
        return capi::ticket_details_json(changed);
    });
}

} // extern "C"
