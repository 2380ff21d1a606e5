#include <helpdesk/error.hpp>

#include <utility>

namespace helpdesk {

std::string_view to_string(errc code) noexcept {
    switch (code) {
    case errc::invalid_argument: return "invalid_argument";
    case errc::not_found: return "not_found";
    case errc::permission_denied: return "permission_denied";
    case errc::unauthenticated: return "unauthenticated";
    case errc::invalid_state: return "invalid_state";
    case errc::conflict: return "conflict";
    case errc::precondition_failed: return "precondition_failed";
    case errc::payload_too_large: return "payload_too_large";
    case errc::unsupported_media_type: return "unsupported_media_type";
    case errc::rate_limited: return "rate_limited";
    case errc::storage_unavailable: return "storage_unavailable";
    case errc::internal: return "internal";
    }
    return "internal";
}

error::error(errc code, std::string detail, field_errors fields)
    : std::runtime_error(std::move(detail)), code_(code), fields_(std::move(fields)) {}

} // namespace helpdesk
