// hd_ticket_create and the lifecycle actions of docs/product.md#lifecycle.
#include "json_in.hpp"
#include "ticket_actions.hpp"

#include <wire/request_readers.hpp>

using namespace helpdesk;

extern "C" {

HD_API int hd_ticket_create(char** out_ticket_json, hd_engine* engine, int64_t actor,
                            const char* request_json) {
    return capi::ticket_action(out_ticket_json, engine, [&](ticket_service& tickets) {
        return tickets.create(actor, capi::read_request_json(request_json, wire::read_create_ticket));
    });
}

HD_API int hd_ticket_approve(char** out_ticket_json, hd_engine* engine, int64_t actor, int64_t ticket,
                             const char* request_json, int64_t expected_version) {
    return capi::ticket_action(out_ticket_json, engine, [&](ticket_service& tickets) {
        const auto request = capi::read_request_json(request_json, wire::read_approve);
        return tickets.approve(actor, ticket, request, capi::expected(expected_version));
    });
}

HD_API int hd_ticket_reject(char** out_ticket_json, hd_engine* engine, int64_t actor, int64_t ticket,
                            const char* reason, int64_t expected_version) {
    return capi::ticket_action(out_ticket_json, engine, [&](ticket_service& tickets) {
        capi::require(reason, "reason");
        return tickets.reject(actor, ticket, reason, capi::expected(expected_version));
    });
}

HD_API int hd_ticket_claim(char** out_ticket_json, hd_engine* engine, int64_t actor, int64_t ticket,
                           int64_t expected_version) {
    return capi::ticket_action(out_ticket_json, engine, [&](ticket_service& tickets) {
        return tickets.claim(actor, ticket, capi::expected(expected_version));
    });
}

HD_API int hd_ticket_assign(char** out_ticket_json, hd_engine* engine, int64_t actor, int64_t ticket,
                            int64_t assignee, int64_t expected_version) {
    return capi::ticket_action(out_ticket_json, engine, [&](ticket_service& tickets) {
        return tickets.assign(actor, ticket, assignee, capi::expected(expected_version));
    });
}

HD_API int hd_ticket_update_status(char** out_ticket_json, hd_engine* engine, int64_t actor, int64_t ticket,
                                   const char* status, const char* note, int64_t expected_version) {
    return capi::ticket_action(out_ticket_json, engine, [&](ticket_service& tickets) {
        capi::require(status, "status");
        return tickets.update_status(actor, ticket, status, capi::optional_note(note),
                                     capi::expected(expected_version));
    });
}

HD_API int hd_ticket_withdraw(char** out_ticket_json, hd_engine* engine, int64_t actor, int64_t ticket,
                              const char* note, int64_t expected_version) {
    return capi::ticket_action(out_ticket_json, engine, [&](ticket_service& tickets) {
        return tickets.withdraw(actor, ticket, capi::optional_note(note), capi::expected(expected_version));
    });
}

HD_API int hd_ticket_close(char** out_ticket_json, hd_engine* engine, int64_t actor, int64_t ticket,
                           const char* note, int64_t expected_version) {
    return capi::ticket_action(out_ticket_json, engine, [&](ticket_service& tickets) {
        return tickets.close(actor, ticket, capi::optional_note(note), capi::expected(expected_version));
    });
}

HD_API int hd_ticket_reopen(char** out_ticket_json, hd_engine* engine, int64_t actor, int64_t ticket,
                            const char* note, int64_t expected_version) {
    return capi::ticket_action(out_ticket_json, engine, [&](ticket_service& tickets) {
        capi::require(note, "note");
        return tickets.reopen(actor, ticket, note, capi::expected(expected_version));
    });
}

HD_API int hd_ticket_finalize(char** out_ticket_json, hd_engine* engine, int64_t actor, int64_t ticket,
                              int64_t expected_version) {
    return capi::ticket_action(out_ticket_json, engine, [&](ticket_service& tickets) {
        return tickets.finalize(actor, ticket, capi::expected(expected_version));
    });
}

} // extern "C"
