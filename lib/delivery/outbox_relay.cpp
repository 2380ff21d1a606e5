#include <helpdesk/delivery/outbox_relay.hpp>
#include <helpdesk/engine.hpp>
#include <helpdesk/error.hpp>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <thread>

namespace helpdesk {

struct outbox_relay::state {
    engine& desk;
    std::vector<relay_channel> channels;
    relay_options options;

    std::atomic<std::uint64_t> delivered{0};
    std::atomic<std::uint64_t> retried{0};
    std::atomic<std::uint64_t> dead{0};
    std::atomic<std::uint64_t> sla_notices{0};
    // When the scheduler is due next (steady clock, nanoseconds since its
    // epoch); the thread that moves it on runs the scheduler.
    std::atomic<std::int64_t> next_schedule{0};

    std::mutex control;        // serialises start and stop
    std::vector<std::thread> threads;
    std::atomic<bool> stopping{false};
    std::mutex idle;           // guards wakes; the idle threads wait on `woken`
    std::condition_variable woken;
    std::uint64_t wakes = 0;

    state(engine& c, std::vector<relay_channel> ch, relay_options o)
        : desk(c), channels(std::move(ch)), options(o) {}

    [[nodiscard]] bool has(const outbox_event& event, std::string_view name) const {
        return std::find(event.delivered_to.begin(), event.delivered_to.end(), name) != event.delivered_to.end();
    }

    void record_failure(const outbox_event& event, std::string_view reason, failure_kind kind) {
        switch (desk.outbox().mark_failed(event.id, event.lease, reason, kind)) {
        case outbox_state::pending: retried.fetch_add(1, std::memory_order_relaxed); break;
        case outbox_state::dead: dead.fetch_add(1, std::memory_order_relaxed); break;
        case outbox_state::delivered: break; // settled by someone else meanwhile
        }
    }

    // Hands `event` to every channel that lacks it, in order, and settles it.
    // A failing channel does not hold up the others: each success is recorded
    // (so a retry or requeue goes only to the channels that failed), and the
    // failures are recorded together at the end, permanent only when every
    // one of them was. Store failures propagate.
    void settle(outbox_event& event) {
        std::string reasons;
        bool failed = false;
        bool all_permanent = true;
        for (std::size_t i = 0; i < channels.size(); ++i) {
            const auto& channel = channels[i];
            if (has(event, channel.name)) {
                continue;
            }
            // Late in a long batch the claim may be running out: renew it, or
            // leave the event to whoever holds it now.
            if (!desk.outbox().hold(event)) {
                return;
            }
            std::optional<std::string> failure;
            try {
                channel.target->deliver(event);
            } catch (const delivery_failure& e) {
                failure = e.what();
                all_permanent = all_permanent && e.permanent();
            } catch (const std::exception& e) {
                failure = e.what();
                all_permanent = false;
            } catch (...) {
                failure = "unknown error";
                all_permanent = false;
            }
            if (failure) {
                reasons += (failed ? "; " : "") + channel.name + ": " + *failure;
                failed = true;
                continue;
            }
            const bool others_remain = std::any_of(channels.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                                                   channels.end(), [&](const relay_channel& c) {
                                                       return !has(event, c.name);
                                                   });
            if (failed || others_remain) {
                // A stale lease means another worker holds the event now: leave it to that one.
                if (!desk.outbox().mark_channel_delivered(event.id, event.lease, channel.name)) {
                    return;
                }
                event.delivered_to.push_back(channel.name);
            }
        }
        if (failed) {
            record_failure(event, reasons, all_permanent ? failure_kind::permanent : failure_kind::transient);
        } else if (desk.outbox().mark_delivered(event.id, event.lease)) {
            delivered.fetch_add(1, std::memory_order_relaxed);
        }
    }

    // One round; a background round stops between events once asked to (the
    // events it leaves claimed go out again when their lease runs out).
    std::int64_t round(bool background) {
        auto claimed = desk.outbox().claim_due(options.batch);
        for (auto& event : claimed) {
            if (background && stopping.load()) {
                break;
            }
            settle(event);
        }
        return static_cast<std::int64_t>(claimed.size());
    }

    // Runs the engine's scheduler when it is due and no other thread took
    // this turn. Its failures (an unreachable store) wait for the next turn.
    void schedule_if_due() {
        if (options.scheduler_every == std::chrono::milliseconds::zero()) {
            return;
        }
        const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
        auto due = next_schedule.load();
        if (now < due ||
            !next_schedule.compare_exchange_strong(
                due, now + std::chrono::nanoseconds{options.scheduler_every}.count())) {
            return;
        }
        try {
            const auto pass = desk.scheduler().run_once();
            sla_notices.fetch_add(static_cast<std::uint64_t>(pass.sla_notices), std::memory_order_relaxed);
        } catch (...) {
        }
    }

    void run_thread() {
        while (!stopping.load()) {
            schedule_if_due();
            std::uint64_t seen = 0;
            {
                std::lock_guard lock(idle);
                seen = wakes;
            }
            bool busy = false;
            try {
                busy = round(true) > 0;
            } catch (...) {
                // The store is unreachable or refused: try again after a pause.
                busy = false;
            }
            if (busy) {
                continue; // more may be due right away
            }
            std::unique_lock lock(idle);
            woken.wait_for(lock, options.idle_wait, [&] { return stopping.load() || wakes != seen; });
        }
    }
};

outbox_relay::outbox_relay(engine& desk, std::vector<relay_channel> channels, relay_options options) {
    if (channels.empty()) {
        throw error(errc::invalid_argument, "an outbox relay needs at least one channel");
    }
    std::set<std::string_view> names;
    for (const auto& channel : channels) {
        if (!channel.target) {
            throw error(errc::invalid_argument, "relay channel '" + channel.name + "' has no target");
        }
        if (channel.name.empty() || channel.name.find(',') != std::string::npos) {
            throw error(errc::invalid_argument,
                        "relay channel name '" + channel.name + "' must be non-empty and contain no ','");
        }
        if (!names.insert(channel.name).second) {
            throw error(errc::invalid_argument, "relay channel name '" + channel.name + "' is used twice");
        }
    }
    if (options.batch < 1) {
        throw error(errc::invalid_argument, "relay batch must be 1 or more");
    }
    if (options.idle_wait < std::chrono::milliseconds::zero()) {
        throw error(errc::invalid_argument, "relay idle_wait must not be negative");
    }
    if (options.scheduler_every < std::chrono::milliseconds::zero()) {
        throw error(errc::invalid_argument, "relay scheduler_every must not be negative");
    }
    state_ = std::make_unique<state>(desk, std::move(channels), options);
}

outbox_relay::~outbox_relay() { stop(); }

std::int64_t outbox_relay::run_once() { return state_->round(false); }

void outbox_relay::start(unsigned threads) {
    if (threads == 0) {
        throw error(errc::invalid_argument, "an outbox relay needs at least one thread");
    }
    std::lock_guard lock(state_->control);
    if (!state_->threads.empty()) {
        throw error(errc::invalid_state, "the outbox relay is already started");
    }
    state_->stopping.store(false);
    try {
        for (unsigned i = 0; i < threads; ++i) {
            state_->threads.emplace_back([s = state_.get()] { s->run_thread(); });
        }
    } catch (...) {
        // Could not start them all: leave none running.
        state_->stopping.store(true);
        state_->woken.notify_all();
        for (auto& t : state_->threads) {
            t.join();
        }
        state_->threads.clear();
        throw;
    }
}

void outbox_relay::stop() {
    std::lock_guard lock(state_->control);
    if (state_->threads.empty()) {
        return;
    }
    {
        // Under the wait mutex, so a thread between its check and its wait
        // cannot miss the notification.
        std::lock_guard idle(state_->idle);
        state_->stopping.store(true);
    }
    state_->woken.notify_all();
    for (auto& t : state_->threads) {
        t.join();
    }
    state_->threads.clear();
}

void outbox_relay::wake() {
    {
        std::lock_guard lock(state_->idle);
        ++state_->wakes;
    }
    state_->woken.notify_all();
}

relay_stats outbox_relay::stats() const {
    return relay_stats{state_->delivered.load(), state_->retried.load(), state_->dead.load(),
                       state_->sla_notices.load()};
}

} // namespace helpdesk
