#pragma once

#include <curl/curl.h>

namespace helpdesk::webhook::detail {

/// What an attempt's result means for the outbox.
enum class verdict {
    delivered, ///< the receiver took it
    transient, ///< worth retrying later
    permanent  ///< retrying cannot help; park the event
};

/// The meaning of an HTTP status: 2xx delivered; 408, 429 and 5xx transient
/// (the receiver is busy or broken for now); anything else permanent (3xx are
/// not followed, other 4xx say the request itself is refused).
[[nodiscard]] verdict classify_status(long status) noexcept;

/// The meaning of a libcurl failure: transient (timeouts, refused or reset
/// connections, DNS and TLS trouble: all may pass), except a URL or protocol
/// libcurl cannot use at all, which is permanent.
[[nodiscard]] verdict classify_transport(CURLcode code) noexcept;

} // namespace helpdesk::webhook::detail
