#pragma once

#include <helpdesk/domain/outbox_event.hpp>
#include <helpdesk/services/ticket_service.hpp>

#include <functional>
#include <string>

namespace helpdesk::webhook::detail {

/// Makes an attachment's download link; may be empty (no links).
using link_maker = std::function<std::string(const ticket&, const attachment&)>;

/// The event-format body: `{"id", "event", "created_at", "data"}` with the
/// event's payload object as `data` (its `secret` is never included). Throws
/// a permanent `delivery_failure` when the payload is not a JSON object.
[[nodiscard]] std::string event_body(const outbox_event& event);

/// The workflow-format body (docs/product.md#workflow-system): `{"event", "delivery", "created_at",
/// "ticket"}` where `ticket` describes `details` as it is now, with its
/// assignee, customer and attachments (each with a `url` from `link`, or null
/// without one). Exceptions from `link` propagate.
[[nodiscard]] std::string workflow_body(const outbox_event& event, const ticket_details& details,
                                        const link_maker& link);

} // namespace helpdesk::webhook::detail
