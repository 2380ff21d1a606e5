#pragma once

#include <helpdesk/domain/outbox_event.hpp>

#include <stdexcept>
#include <string>

namespace helpdesk {

/// A failed delivery, as a channel reports it. `permanent()` says retrying
/// cannot help (an SMTP 5xx, an HTTP 4xx other than 408/429): the event is
/// parked as dead at once. Any other exception a channel throws counts as a
/// transient failure and is retried with backoff.
class delivery_failure : public std::runtime_error {
public:
    /// `what` is kept on the event as its last error; keep secrets out of it.
    delivery_failure(const std::string& what, bool permanent) : std::runtime_error(what), permanent_(permanent) {}
    /// True when retrying cannot help.
    [[nodiscard]] bool permanent() const noexcept { return permanent_; }

private:
    bool permanent_;
};

/// A channel that tells people about outbox events (email, webhook, a log).
/// Called after the change committed, from whoever drains the outbox; a
/// failure never undoes the change. An event a channel has no use for is
/// simply ignored (return normally). May be called from several relay threads
/// at once: implementations are thread-safe.
class notifier {
public:
    virtual ~notifier() = default;
    /// Delivers one event. Throws `delivery_failure` (or any exception, taken
    /// as transient) to report a failure.
    virtual void deliver(const outbox_event& event) = 0;
};

} // namespace helpdesk
