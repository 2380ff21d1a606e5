#include "errors.hpp"

#include <wire/error_body.hpp>

#include <boost/json/serialize.hpp>

#include <string>

namespace helpdesk::capi {

namespace {

/// One thread's last failure. The strings keep their capacity between calls,
/// so a failure rarely allocates.
struct last_error {
    int code = HD_OK;
    std::string message{};
    std::string fields = "{}";
    bool fallback = false; ///< the strings could not be stored; report out_of_memory_message
};

thread_local last_error last;

constexpr const char* out_of_memory_message = "out of memory while recording an error";

std::string fields_json(const field_errors& fields) {
    return boost::json::serialize(wire::field_errors_json(fields));
}

} // namespace

int code_of(errc code) noexcept {
    switch (code) {
    case errc::invalid_argument: return HD_E_INVALID_ARGUMENT;
    case errc::not_found: return HD_E_NOT_FOUND;
    case errc::permission_denied: return HD_E_PERMISSION_DENIED;
    case errc::unauthenticated: return HD_E_UNAUTHENTICATED;
    case errc::invalid_state: return HD_E_INVALID_STATE;
    case errc::conflict: return HD_E_CONFLICT;
    case errc::precondition_failed: return HD_E_PRECONDITION_FAILED;
    case errc::payload_too_large: return HD_E_PAYLOAD_TOO_LARGE;
    case errc::unsupported_media_type: return HD_E_UNSUPPORTED_MEDIA_TYPE;
    case errc::rate_limited: return HD_E_RATE_LIMITED;
    case errc::storage_unavailable: return HD_E_STORAGE_UNAVAILABLE;
    case errc::internal: return HD_E_INTERNAL;
    }
    return HD_E_INTERNAL;
}

void clear_last_error() noexcept {
    last.code = HD_OK;
    last.message.clear();
    last.fields.assign("{}"); // fits the capacity any earlier value left, so no allocation
    last.fallback = false;
}

int record_failure(int code, std::string_view message, const field_errors& fields) noexcept {
    last.code = code;
    try {
        last.message.assign(message);
        last.fields = fields.empty() ? std::string{"{}"} : fields_json(fields);
        last.fallback = false;
    } catch (...) {
        last.message.clear();
        last.fields.assign("{}");
        last.fallback = true;
    }
    return code;
}

int record_failure(const error& e) noexcept {
    return record_failure(code_of(e.code()), e.what(), e.fields());
}

int record_internal(const char* what) noexcept {
    last.code = HD_E_INTERNAL;
    try {
        last.message.assign("internal error: ");
        last.message.append(what != nullptr ? what : "");
        last.fields.assign("{}");
        last.fallback = false;
    } catch (...) {
        last.fallback = true;
    }
    return HD_E_INTERNAL;
}

void refuse_null(const char* parameter) {
    throw error(errc::invalid_argument, std::string{parameter} + " must not be NULL.",
                {{parameter, {"Must not be NULL."}}});
}

} // namespace helpdesk::capi

extern "C" {

HD_API const char* hd_error_last(void) {
    using helpdesk::capi::last;
    return last.fallback ? helpdesk::capi::out_of_memory_message : last.message.c_str();
}

HD_API int hd_error_last_code(void) {
    return helpdesk::capi::last.code;
}

HD_API const char* hd_error_last_fields(void) {
    using helpdesk::capi::last;
    return last.fallback ? "{}" : last.fields.c_str();
}

HD_API const char* hd_error_name(int code) {
    switch (code) {
    case HD_OK: return "ok";
    case HD_E_INVALID_ARGUMENT: return "invalid_argument";
    case HD_E_NOT_FOUND: return "not_found";
    case HD_E_PERMISSION_DENIED: return "permission_denied";
    case HD_E_UNAUTHENTICATED: return "unauthenticated";
    case HD_E_INVALID_STATE: return "invalid_state";
    case HD_E_CONFLICT: return "conflict";
    case HD_E_PRECONDITION_FAILED: return "precondition_failed";
    case HD_E_PAYLOAD_TOO_LARGE: return "payload_too_large";
    case HD_E_UNSUPPORTED_MEDIA_TYPE: return "unsupported_media_type";
    case HD_E_RATE_LIMITED: return "rate_limited";
    case HD_E_STORAGE_UNAVAILABLE: return "storage_unavailable";
    case HD_E_INTERNAL: return "internal";
    default: return "unknown";
    }
}

} // extern "C"
