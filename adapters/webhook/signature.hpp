#pragma once

#include <string>
#include <string_view>

namespace helpdesk::webhook::detail {

/// The `X-Helpdesk-Signature` value: `sha256=` followed by the lowercase hex
/// HMAC-SHA256, keyed with `secret`, of `timestamp + "." + body`. Signing the
/// timestamp too lets a receiver refuse replays of an old request. Throws
/// `error{internal}` when OpenSSL fails. Thread-safe.
[[nodiscard]] std::string signature(std::string_view secret, std::string_view timestamp, std::string_view body);

} // namespace helpdesk::webhook::detail
