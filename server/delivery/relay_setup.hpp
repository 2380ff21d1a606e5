#pragma once

#include "cli/delivery_config.hpp"

#include <helpdesk/delivery/outbox_relay.hpp>
#include <helpdesk/engine.hpp>

#include <memory>
#include <string>
#include <vector>

namespace helpdesk::server {

/// The relay channels `config` turns on, named `email`, `webhook` and
/// `workflow`. `jwt_secret` signs the workflow payload's attachment links;
/// `listen_base` (e.g. `http://127.0.0.1:8000`) is their base when
/// `config.public_url` is unset, and the base of the mail's links (the
/// console this server serves) when `frontend_url` and `public_url` are. Throws `error{invalid_argument}` for a bad
/// channel setting. The engine must outlive the channels.
[[nodiscard]] std::vector<relay_channel> make_channels(engine& desk, const delivery_config& config,
                                                       const std::string& jwt_secret, const std::string& listen_base);

/// Engine options that carry the delivery settings (attempts, first retry, lease).
void apply_delivery_options(const delivery_config& config, engine_options& options);

/// A one-line description of the channels, for the start-up banner
/// (`email via smtp://mail:587, webhook, workflow` or `none`).
[[nodiscard]] std::string describe_channels(const delivery_config& config);

} // namespace helpdesk::server
