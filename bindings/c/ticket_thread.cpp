// hd_ticket_comment and hd_ticket_attach: what people add to a ticket.
#include "engine_handle.hpp"
#include "json_out.hpp"
#include "output.hpp"

using namespace helpdesk;

extern "C" {

HD_API int hd_ticket_comment(char** out_comment_json, hd_engine* engine, int64_t actor, int64_t ticket,
                             const char* text, int internal) {
    return capi::json_call(out_comment_json, "out_comment_json", [&] {
        auto& desk = capi::desk_of(engine);
        capi::require(text, "text");
        return wire::comment_json(desk.tickets().add_comment(actor, ticket, text, internal != 0).item, {}, capi::c_view);
    });
}

HD_API int hd_ticket_attach(char** out_attachment_json, hd_engine* engine, int64_t actor, int64_t ticket,
                            const char* file_name, const void* data, size_t size) {
    return capi::json_call(out_attachment_json, "out_attachment_json", [&] {
        auto& desk = capi::desk_of(engine);
        capi::require(file_name, "file_name");
        if (size > 0) {
            capi::require(data, "data");
        }
        new_attachment file;
        file.file_name = file_name;
        if (size > 0) {
            file.bytes.assign(static_cast<const char*>(data), size);
        }
        return wire::attachment_json(desk.tickets().add_attachment(actor, ticket, file), capi::c_view);
    });
}

} // extern "C"
