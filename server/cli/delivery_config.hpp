#pragma once

#include <helpdesk/adapters/smtp.hpp>
#include <helpdesk/delivery/outbox_relay.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace helpdesk::server {

/// How `helpdesk-server` delivers outbox events (docs/product.md#notifications): its relay threads,
/// retry policy and channels. A channel is on when its URL is set.
struct delivery_config {
    unsigned relay_threads = 1;                 ///< 0: this process records events but delivers none
    relay_options relay{};
    std::int32_t max_attempts = 8;              ///< then the event is dead
    std::chrono::seconds first_retry{30};       ///< doubled per failure, with jitter
    std::chrono::seconds lease{120};            ///< a claimed event is withheld from other relays this long
    /// Base of the links in mail (reset, set-password, tickets): the web
    /// console. Unset: `public_url`, else the listen address (the server
    /// serves the console itself).
    std::optional<std::string> frontend_url{};
    std::optional<std::string> public_url{};    ///< this server's external base URL (webhook and mail links)
    /// SMTP: the channel is on when `smtp.url` is set.
    smtp::options smtp{};
    /// Webhook with the event format, every event (or `webhook_events`).
    std::optional<std::string> webhook_url{};
    std::string webhook_secret{};
    std::vector<std::string> webhook_events{};
    /// The external workflow system's subscription (approval and finalize).
    std::optional<std::string> workflow_webhook_url{};
    std::string workflow_webhook_secret{};
    std::chrono::milliseconds webhook_timeout{10000};
    bool webhook_verify_peer = true;
    std::chrono::seconds webhook_link_lifetime{24 * 60 * 60}; ///< signed attachment links in workflow payloads
};

} // namespace helpdesk::server
