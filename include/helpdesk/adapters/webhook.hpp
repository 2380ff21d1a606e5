#pragma once

#include <helpdesk/ports/notifier.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace helpdesk {
class engine;
struct ticket;
struct attachment;
}

namespace helpdesk::webhook {

/// What the POSTed JSON looks like.
enum class payload_format {
    event,   ///< `{"id", "event", "created_at", "data"}`: the outbox event as recorded
    workflow ///< spec §5's workflow payload: the ticket as it is now, attachment links included
};

/// One subscription: an endpoint and what it hears.
struct options {
    std::string url{};                ///< `http://` or `https://` endpoint (required)
    std::string secret{};             ///< HMAC-SHA256 key for `X-Helpdesk-Signature` (required, ≥ 16 bytes)
    payload_format format = payload_format::event;
    /// Event kinds sent; empty means every kind (event format) or
    /// `ticket.approved` and `ticket.finalized` (workflow format).
    std::vector<std::string> events{};
    std::chrono::milliseconds timeout{10000}; ///< connect plus the whole exchange
    bool verify_peer = true;                  ///< check an https endpoint's certificate
    /// Makes the download link of an attachment for the workflow payload (the
    /// server passes a signed-URL maker; never put an API key in it). Unset:
    /// attachments are listed without links.
    std::function<std::string(const ticket&, const attachment&)> attachment_link{};
};

/// A notifier that POSTs each matching outbox event as JSON with the headers
/// `X-Helpdesk-Event` (the kind), `X-Helpdesk-Delivery` (the event id, for
/// de-duplication), `X-Helpdesk-Timestamp` (Unix seconds) and
/// `X-Helpdesk-Signature: sha256=<hex HMAC-SHA256 of timestamp + "." + body>`.
/// A 2xx answer is delivered; 408, 429, 5xx, timeouts and connection errors
/// throw a transient `delivery_failure`; any other answer (other 4xx, 3xx:
/// redirects are not followed) a permanent one. Thread-safe. The engine must
/// outlive the notifier. Throws `error{invalid_argument}` for a bad url or
/// secret.
[[nodiscard]] std::shared_ptr<notifier> make_notifier(engine& core, options opts);

} // namespace helpdesk::webhook
