#pragma once

#include "templates.hpp"

#include <helpdesk/domain/outbox_event.hpp>

#include <string_view>
#include <vector>

namespace helpdesk {
class engine;
}

namespace helpdesk::smtp::detail {

/// The messages an event calls for, one per recipient (docs/product.md#notifications): who, per
/// `engine::outbox().audience` (the payload's address for
/// `account.rejected`), and what, from the payload — the ticket as the event
/// recorded it — completed by the ticket as it is now (names, the public
/// comment's text). Empty for kinds without a template and when nobody is
/// left to tell. Throws a permanent `delivery_failure` for an event that can
/// never make a message (a payload that is not a JSON object, an
/// `account.rejected` without an email, a reset or set-password event whose
/// secret is gone); store errors pass through. Thread-safe as the engine is.
[[nodiscard]] std::vector<mail_request> plan_mail(engine& desk, const outbox_event& event,
                                                  std::string_view public_url, std::string_view desk_name);

} // namespace helpdesk::smtp::detail
