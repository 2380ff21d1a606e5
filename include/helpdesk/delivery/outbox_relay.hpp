#pragma once

#include <helpdesk/ports/notifier.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace helpdesk {

class engine;

/// One named delivery channel of a relay. The name is stored on events that
/// reached it (`outbox_event::delivered_to`), so keep it stable across runs.
struct relay_channel {
    std::string name{};
    std::shared_ptr<notifier> target{};
};

/// Tunables of an `outbox_relay`.
struct relay_options {
    std::int64_t batch = 20;                    ///< events claimed per round
    std::chrono::milliseconds idle_wait{1000};  ///< pause after a round that found nothing due
    /// How often a background thread starts the engine's scheduler
    /// (`scheduler_service::run_once`: SLA notices, automations); the threads
    /// take turns, and a pass longer than this may overlap the next (safe:
    /// passes share the work). Zero never runs it (another process or the
    /// embedder does).
    std::chrono::milliseconds scheduler_every{5000};
};

/// Totals since the relay was built (for metrics).
struct relay_stats {
    std::uint64_t delivered = 0; ///< events that reached every channel
    std::uint64_t retried = 0;   ///< failed attempts scheduled for a retry
    std::uint64_t dead = 0;      ///< events parked as dead
    std::uint64_t sla_notices = 0; ///< SLA notices its scheduler runs wrote to the outbox
};

/// Drains an engine's outbox into its channels: claims due events, hands each
/// to every channel that does not have it yet, and settles it as delivered,
/// retried (exponential backoff with jitter) or dead, keeping the last error.
/// Delivery is at least once: a relay killed mid-delivery leaves the event
/// claimed until its lease runs out, then it is delivered again. Several
/// relays (threads, or processes sharing one store) never hold the same event
/// at the same time. Channel failures never escape; store failures during a
/// background round are retried after `idle_wait`. The background threads
/// also run the engine's scheduler every `scheduler_every`, so the notices
/// it writes go out with the rest.
class outbox_relay {
public:
    /// The engine must outlive the relay. Throws invalid_argument for no
    /// channels, a channel without a target, a name that is empty, repeated
    /// or contains ',', a `batch` below 1 or a negative `idle_wait` or `scheduler_every`.
    outbox_relay(engine& desk, std::vector<relay_channel> channels, relay_options options = {});
    /// Stops and joins the background threads, if any.
    ~outbox_relay();
    outbox_relay(const outbox_relay&) = delete;
    outbox_relay& operator=(const outbox_relay&) = delete;

    /// One round on the calling thread: claims up to `batch` due events and
    /// settles each. Returns how many were claimed. Throws store errors.
    std::int64_t run_once();
    /// Starts `threads` background threads that run rounds until `stop()`.
    /// invalid_state when already started (a stopped relay may start again);
    /// invalid_argument for 0 threads.
    void start(unsigned threads = 1);
    /// Asks the threads to finish their current event and joins them; events
    /// a thread had claimed but not started stay claimed until their lease
    /// runs out, then go out again. Idempotent; a started relay is also
    /// stopped by the destructor. Never call it from a channel (it would wait
    /// for its own thread).
    void stop();
    /// Wakes idle threads so newly recorded events go out without waiting for
    /// `idle_wait` (optional: a cheap nudge after a write).
    void wake();
    /// Totals so far. Thread-safe.
    [[nodiscard]] relay_stats stats() const;

private:
    struct state;
    std::unique_ptr<state> state_;
};

} // namespace helpdesk
