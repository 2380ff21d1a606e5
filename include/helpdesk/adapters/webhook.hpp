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
    /// `{"id": <event id>, "event": <kind>, "created_at": <RFC 3339 UTC>,
    /// "data": <the event's payload object>}`: the outbox event as recorded
    /// (its one-time `secret` is never sent).
    event,
    /// Spec §5's workflow payload: `{"event", "delivery": <event id>,
    /// "created_at", "ticket": {id, ticket_number, subject, category,
    /// sub_category, description, scheduled_date, priority, department,
    /// status, submit_date, update_date, time_closed, response_time,
    /// resolution_time, finalized, version, "assignee": {id, first_name,
    /// last_name, email} or null, "customer": {...}, "attachments": [{id,
    /// file_name, content_type, size, url}]}}`, the ticket as it is at send
    /// time. Only for events about a ticket.
    workflow
};

/// One subscription: an endpoint and what it hears.
struct options {
    std::string url{};                ///< `http://` or `https://` endpoint (required)
    std::string secret{};             ///< HMAC-SHA256 key for `X-Helpdesk-Signature` (required, ≥ 16 bytes)
    payload_format format = payload_format::event;
    /// Event kinds sent (`event_kind` names); empty means every kind (event
    /// format) or `ticket.approved` and `ticket.finalized` (workflow format).
    /// Others are ignored: `deliver` returns without sending.
    std::vector<std::string> events{};
    std::chrono::milliseconds timeout{10000}; ///< connect plus the whole exchange (> 0)
    bool verify_peer = true;                  ///< check an https endpoint's certificate and host name
    /// Makes the download link of an attachment for the workflow payload (the
    /// server passes a signed-URL maker; never put an API key in it). Called
    /// from delivery threads, so it must be thread-safe; what it throws counts
    /// as a transient failure. Unset: attachments are listed with `url` null.
    std::function<std::string(const ticket&, const attachment&)> attachment_link{};
};

/// A notifier that POSTs each matching outbox event as JSON (libcurl; http
/// and https only) with `Content-Type: application/json`, `User-Agent:
/// helpdesk-webhook/<version>` and the headers `X-Helpdesk-Event` (the
/// kind), `X-Helpdesk-Delivery` (the event id, the same on every retry, for
/// de-duplication), `X-Helpdesk-Timestamp` (Unix seconds from the system
/// clock at send time) and `X-Helpdesk-Signature: sha256=<lowercase hex
/// HMAC-SHA256, keyed with the secret, of timestamp + "." + body>`.
///
/// A 2xx answer is delivered; 408, 429, 5xx, timeouts, refused or reset
/// connections, DNS and TLS failures throw a transient `delivery_failure`;
/// any other answer (other 4xx, 3xx: redirects are not followed) a permanent
/// one, as do a workflow event whose ticket no longer exists, a payload
/// that is not a JSON object and a kind that cannot go into a header. Failure texts name the endpoint's origin
/// (scheme, host, port: never its path, query or the secret), the status
/// and the start of the answer, or libcurl's error.
///
/// Thread-safe: one notifier may deliver from several threads at once (one
/// connection each). The engine must outlive the notifier. Throws
/// `error{invalid_argument}` with field errors (`url`, `secret`, `timeout`,
/// `events`) for a url that is not http(s) with a host, a secret shorter than
/// 16 bytes, a timeout that is not positive, or an unknown event kind (or,
/// for the workflow format, a kind that concerns no ticket).
[[nodiscard]] std::shared_ptr<notifier> make_notifier(engine& desk, options opts);

} // namespace helpdesk::webhook
