#pragma once

#include "endpoint.hpp"

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace helpdesk::webhook::detail {

/// One POST to make.
struct post_request {
    const endpoint* target = nullptr;   ///< borrowed; where to send
    std::vector<std::string> headers{}; ///< `Name: value` lines
    std::string_view body{};            ///< borrowed
    std::string user_agent{};
    std::chrono::milliseconds timeout{}; ///< connect plus the whole exchange
    bool verify_peer = true;
};

/// What the receiver answered.
struct http_answer {
    long status = 0;
    std::string excerpt{}; ///< the start of the response body, printable ASCII only, for error texts
};

/// POSTs with libcurl on a fresh handle: http and https only, redirects not
/// followed, no signals, the request's timeout. Returns the answer whatever
/// its status. Throws `delivery_failure` when no answer came (transient or
/// permanent per `classify_transport`; the text names the origin and curl's
/// error, never headers or body), `error{internal}` when libcurl refuses an
/// option. Thread-safe (nothing shared but libcurl's global state).
[[nodiscard]] http_answer post(const post_request& request);

} // namespace helpdesk::webhook::detail
