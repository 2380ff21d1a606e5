// An embedder's own delivery channel: a notifier that appends one line per
// outbox event to a log file, drained by helpdesk's outbox relay. Email and
// webhooks (helpdesk::smtp, helpdesk::webhook) are channels of the same kind;
// a relay can carry several at once.
//
//   custom_notifier [path/to/events.log]

#include <helpdesk/adapters/sqlite.hpp>
#include <helpdesk/delivery/outbox_relay.hpp>
#include <helpdesk/engine.hpp>
#include <helpdesk/error.hpp>
#include <helpdesk/ports/notifier.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>

namespace hd = helpdesk;

namespace {

// One line per event: when, what, which ticket or account, who hears of it,
// and the event's facts. The relay may call it from several threads, hence
// the mutex; a write that fails is reported as a transient failure, so the
// relay retries the event later instead of losing it.
class event_log final : public hd::notifier {
public:
    event_log(const std::filesystem::path& file, hd::outbox_service& outbox)
        : out_(file, std::ios::app), outbox_(outbox) {
        if (!out_) {
            throw std::runtime_error("cannot open " + file.string());
        }
    }

    void deliver(const hd::outbox_event& event) override {
        std::string line = hd::to_rfc3339(event.created_at) + " " + event.kind;
        if (event.ticket) {
            line += " ticket=" + std::to_string(*event.ticket);
        }
        if (event.account) {
            line += " account=" + std::to_string(*event.account);
        }
        line += " to=";
        const char* separator = "";
        for (const auto& person : outbox_.audience(event)) {
            line += separator + person.email;
            separator = ",";
        }
        // Never `event.secret`: a reset token has no place in a log.
        line += " " + event.payload;

        std::lock_guard lock(mutex_);
        out_ << line << '\n' << std::flush;
        if (!out_) {
            throw hd::delivery_failure("the event log could not be written", /*permanent=*/false);
        }
    }

private:
    std::mutex mutex_;
    std::ofstream out_;
    hd::outbox_service& outbox_;
};

hd::sign_up_request person(std::string email, std::string first, std::string last) {
    hd::sign_up_request r;
    r.email = std::move(email);
    r.first_name = std::move(first);
    r.last_name = std::move(last);
    r.department = "IT Department";
    r.password = "Custom-Notifier-1";
    r.confirm_password = r.password;
    return r;
}

} // namespace

int main(int argc, char** argv) try {
    const std::filesystem::path log_file = argc > 1 ? argv[1] : "custom_notifier.log";
    std::filesystem::remove(log_file);
    hd::engine desk{hd::engine_parts{.db = hd::sqlite::open("sqlite::memory:")}};

    // A few service calls; each records its events in the outbox, in the
    // same transaction as the change.
    const auto admin = desk.accounts().bootstrap_admin(person("admin@example.com", "Ada", "Admin"));
    auto erin = desk.accounts().sign_up(person("erin@example.com", "Erin", "Employee"));
    erin = desk.accounts().approve(admin.id, erin.id);
    hd::create_ticket_request request;
    request.subject = "Printer on floor 2 jams";
    request.category = "IT Category";
    request.sub_category = "Technical Support & Troubleshooting";
    request.description = "Every second page jams since the toner change.";
    const auto created = desk.tickets().create(erin.id, request).item;
    desk.tickets().approve(admin.id, created.id, {.priority = "Medium", .department = "IT Department"});
    desk.tickets().add_comment(admin.id, created.id, "A technician is on the way.");
    const auto pending = desk.outbox().count(hd::outbox_state::pending);
    std::cout << "events waiting in the outbox: " << pending << "\n";

    // The relay hands each event to every channel and settles it. Here one
    // round at a time on this thread; a long-running process calls
    // `relay.start()` instead and lets background threads do it.
    hd::outbox_relay relay{desk, {{.name = "event-log", .target = std::make_shared<event_log>(log_file, desk.outbox())}}};
    while (relay.run_once() > 0) {
    }
    const auto stats = relay.stats();
    std::cout << "delivered " << stats.delivered << ", retried " << stats.retried << ", dead " << stats.dead
              << "; the log " << log_file << " now reads:\n";
    std::ifstream in(log_file);
    std::int64_t lines = 0;
    for (std::string line; std::getline(in, line); ++lines) {
        std::cout << "  " << line << "\n";
    }

    // Every event reached the log exactly once and the outbox is drained.
    const bool ok = stats.delivered == static_cast<std::uint64_t>(pending) && lines == pending &&
                    desk.outbox().count(hd::outbox_state::pending) == 0;
    if (!ok) {
        std::cerr << "custom_notifier: not every event was delivered once\n";
    }
    return ok ? 0 : 1;
} catch (const std::exception& e) {
    std::cerr << "custom_notifier: " << e.what() << "\n";
    return 1;
}
