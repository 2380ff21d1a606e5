#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace helpdesk {

/// The closed set of failure kinds every layer reports. Adapters map native
/// errors to these; the server maps these to HTTP statuses.
enum class errc {
    invalid_argument,    ///< bad input; `field_errors` says which fields
    not_found,           ///< absent, or invisible to the caller
    permission_denied,   ///< the caller may not do this
    unauthenticated,     ///< credentials missing or wrong
    invalid_state,       ///< the ticket's current state does not allow it
    conflict,            ///< duplicate, or a race lost to other writers
    precondition_failed, ///< a stale expected version (HTTP 412)
    payload_too_large,   ///< a file over its size limit (HTTP 413); `field_errors` names it
    unsupported_media_type, ///< a file of a type not accepted (HTTP 415); `field_errors` names it
    rate_limited,        ///< too many attempts
    storage_unavailable, ///< the store cannot be reached
    internal,            ///< a bug; details are logged, not shown
};

/// Stable machine name of an error code (`"invalid_argument"`, ...).
[[nodiscard]] std::string_view to_string(errc code) noexcept;

/// Per-field messages, keyed by the field's API name.
using field_errors = std::map<std::string, std::vector<std::string>>;

/// The one exception type the core and its adapters throw.
/// Thread-safety: a plain value; copies are independent.
class error : public std::runtime_error {
public:
    /// An error with a human sentence and optional field errors.
    error(errc code, std::string detail, field_errors fields = {});

    /// The machine code.
    [[nodiscard]] errc code() const noexcept { return code_; }
    /// Field messages; empty unless specific fields were at fault.
    [[nodiscard]] const field_errors& fields() const noexcept { return fields_; }

private:
    errc code_;
    field_errors fields_;
};

} // namespace helpdesk
