#pragma once

#include <helpdesk/domain/outbox_event.hpp>

#include <boost/json/object.hpp>

namespace helpdesk::wire {

/// An outbox event as System Admins see it: what happened and how delivery
/// went. The payload is shown as the JSON object it is (null should it not
/// parse); the secret never leaves the core.
[[nodiscard]] boost::json::object outbox_event_json(const outbox_event& e);

} // namespace helpdesk::wire
