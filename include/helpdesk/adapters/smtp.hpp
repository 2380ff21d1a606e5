#pragma once

#include <helpdesk/ports/notifier.hpp>

#include <chrono>
#include <memory>
#include <string>

namespace helpdesk {
class engine;
}

namespace helpdesk::smtp {

/// When the connection to the SMTP server is encrypted. With an `smtps://`
/// URL the connection is TLS from the first byte whatever the mode (`off` is
/// then refused as contradictory).
enum class tls_mode {
    off,           ///< never (loopback relays and tests only)
    /// STARTTLS when the server offers it, plain text otherwise; with a
    /// username it acts as `required`, so a password never travels in the clear
    opportunistic,
    required       ///< STARTTLS or `smtps://`; a server without STARTTLS is a permanent failure
};

/// Where and how mail is sent.
struct options {
    /// `smtp://host[:port]` or `smtps://host[:port]` (required). A path sets
    /// the name sent with EHLO (`smtp://mail.example.com:587/desk.example.com`).
    std::string url{};
    std::string username{};         ///< AUTH user; empty sends no AUTH
    std::string password{};         ///< AUTH password; never appears in an error
    tls_mode tls = tls_mode::opportunistic;
    bool verify_peer = true;        ///< check the server's certificate and name (system CA store)
    std::string from{};             ///< envelope and header sender address (required)
    std::string from_name = "Help desk"; ///< the From display name; also signs the messages
    /// Front-end base URL for links (`https://desk.example.com`; required;
    /// a trailing `/` is dropped): `{public_url}/tickets/{ticket_number}`,
    /// `{public_url}/reset-password?token=…`, `{public_url}/set-password?token=…`.
    std::string public_url{};
    /// One delivery: every recipient's connection and conversation together,
    /// so a relay lease of twice this always outlasts it.
    std::chrono::seconds timeout{30};
};

/// A notifier that emails the people docs/product.md#notifications names for each outbox event
/// (recipients from `engine::outbox().audience`; `account.rejected` from its
/// payload), one template per event kind with a plain-text and an HTML part
/// (`multipart/alternative`, UTF-8, quoted-printable). Each recipient gets
/// their own message, over its own connection, with a `Message-ID` made from
/// the event and the recipient, so a message sent again after a retry can be
/// recognised as the same. Events nobody hears of by email (`ticket.finalized`,
/// unknown kinds, nobody approved left to tell) are ignored.
///
/// Failures: a 4xx reply, a connection, timeout or TLS handshake error (an
/// unverifiable certificate included) throws a transient `delivery_failure`
/// at once (the whole event is retried); a 5xx reply (550 unknown mailbox)
/// is permanent, but the other recipients still get theirs before it is
/// thrown; AUTH refused and STARTTLS required but not offered are permanent
/// (configuration faults: fix, then requeue the dead events). An event that
/// can never make a message (a payload that is not a JSON object, a reset
/// without its secret) is a permanent failure too. Error texts name the
/// recipient and the SMTP reply code, never the password or a token.
///
/// Thread-safe: `deliver` may run on several threads at once. The engine must
/// outlive the notifier. Throws `error{invalid_argument}`, with the faulty
/// option in `fields()`, for a missing or malformed url, from or public_url,
/// a from_name with a line break, a timeout that is not positive, or
/// `smtps://` with `tls_mode::off`.
[[nodiscard]] std::shared_ptr<notifier> make_notifier(engine& desk, options opts);

} // namespace helpdesk::smtp
