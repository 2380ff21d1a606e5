// hd_ticket_edit (staff's changes after approval) and hd_attachment_download.
#include "json_in.hpp"
#include "ticket_actions.hpp"

#include <wire/request_readers.hpp>

#include <cstdlib>

using namespace helpdesk;

extern "C" {

HD_API int hd_ticket_edit(char** out_ticket_json, hd_engine* engine, int64_t actor, int64_t ticket,
                          const char* request_json, int64_t expected_version) {
    return capi::ticket_action(out_ticket_json, engine, [&](ticket_service& tickets) {
        const auto request = capi::read_request_json(request_json, wire::read_ticket_edit);
        return tickets.edit(actor, ticket, request, capi::expected(expected_version));
    });
}

HD_API int hd_attachment_download(char** out_attachment_json, void** out_data, size_t* out_size,
                                  hd_engine* engine, int64_t actor, int64_t attachment) {
    if (out_attachment_json != nullptr) {
        *out_attachment_json = nullptr;
    }
    if (out_data != nullptr) {
        *out_data = nullptr;
    }
    if (out_size != nullptr) {
        *out_size = 0;
    }
    return capi::guard([&] {
        capi::require(out_attachment_json, "out_attachment_json");
        capi::require(out_data, "out_data");
        capi::require(out_size, "out_size");
        const auto file = capi::desk_of(engine).tickets().download(actor, attachment);
        // Both copies are made before either output is set, so a failure leaves them NULL.
        char* data = capi::malloc_copy(file.bytes);
        char* meta = nullptr;
        try {
            meta = capi::malloc_json(wire::attachment_json(file.meta, capi::c_view));
        } catch (...) {
            std::free(data);
            throw;
        }
        *out_attachment_json = meta;
        *out_data = data;
        *out_size = file.bytes.size();
    });
}

} // extern "C"
