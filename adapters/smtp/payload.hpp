#pragma once

#include <map>
#include <string>
#include <string_view>

namespace helpdesk::smtp::detail {

/// The top-level fields of an event payload as text: strings as they are,
/// numbers and booleans printed, nulls, arrays and objects left out.
using payload_fields = std::map<std::string, std::string, std::less<>>;

/// Reads an outbox event's payload. Throws `std::invalid_argument` when it is
/// not a JSON object.
[[nodiscard]] payload_fields read_payload(std::string_view json);

/// The field `key`, or an empty string.
[[nodiscard]] std::string field(const payload_fields& fields, std::string_view key);

} // namespace helpdesk::smtp::detail
