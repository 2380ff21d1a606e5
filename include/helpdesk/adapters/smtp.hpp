#pragma once

#include <helpdesk/ports/notifier.hpp>

#include <chrono>
#include <memory>
#include <string>

namespace helpdesk {
class engine;
}

namespace helpdesk::smtp {

/// When the connection to the SMTP server is encrypted.
enum class tls_mode {
    off,           ///< never (loopback relays and tests only)
    opportunistic, ///< STARTTLS when the server offers it
    required       ///< STARTTLS or `smtps://`, or the delivery fails
};

/// Where and how mail is sent.
struct options {
    std::string url{};              ///< `smtp://host:port` or `smtps://host:port`
    std::string username{};         ///< AUTH user; empty sends no AUTH
    std::string password{};         ///< AUTH password
    tls_mode tls = tls_mode::opportunistic;
    bool verify_peer = true;        ///< check the server's certificate and name
    std::string from{};             ///< envelope and header sender address (required)
    std::string from_name = "Help desk";
    std::string public_url{};       ///< front-end base URL for links (`https://desk.example.com`; required)
    std::chrono::seconds timeout{30}; ///< for the whole conversation
};

/// A notifier that emails the people spec §5 names for each outbox event
/// (recipients from `engine::outbox().audience`), one template per event
/// kind with a plain-text and an HTML part. Transient failures (4xx replies,
/// connection and timeout errors) throw a transient `delivery_failure`;
/// permanent ones (5xx) a permanent one. Events nobody hears of by email are
/// ignored. Thread-safe. The engine must outlive the notifier. Throws
/// `error{invalid_argument}` for a missing url, from or public_url.
[[nodiscard]] std::shared_ptr<notifier> make_notifier(engine& core, options opts);

} // namespace helpdesk::smtp
