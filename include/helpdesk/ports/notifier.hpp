#pragma once

#include <helpdesk/domain/outbox_event.hpp>

namespace helpdesk {

/// A channel that tells people about outbox events (email, webhook, a log).
/// Called after the change committed, from whoever drains the outbox; a
/// failure (any exception) never undoes the change, the event is retried.
class notifier {
public:
    virtual ~notifier() = default;
    /// Delivers one event. Throws to report a failure.
    virtual void deliver(const outbox_event& event) = 0;
};

} // namespace helpdesk
