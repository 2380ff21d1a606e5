// The SLA scheduler: each at-risk and breach notice is written to the outbox
// once per ticket and target, when its instant has come, addressed to the
// assignee or to the coordinators (docs/product.md#sla).
#include "relay_test_support.hpp"
#include "ticket_test_support.hpp"

#include <helpdesk/services/outbox_service.hpp>

#include <doctest/doctest.h>

#include <thread>

using namespace ticket_tests;

namespace {

/// Low tickets around the clock, 1 h to the first response and 4 h to the
/// resolution, at risk at 75 %: instants a test can count in minutes.
void hourly_low_targets(desk_fixture& f) {
    auto p = f.desk.sla().current(f.admin.id);
    p.by_priority[static_cast<std::size_t>(priority::low)] = {
        {1, sla_unit::hours}, {4, sla_unit::hours}, true};
    p.at_risk_percent = 75;
    (void)f.desk.sla().change(f.admin.id, p);
}

/// The outbox events of SLA kinds, oldest first.
std::vector<outbox_event> sla_events(desk_fixture& f) {
    std::vector<outbox_event> found;
    for (auto& e : f.desk.outbox().pending(1000)) {
        if (e.kind == event_kind::ticket_sla_at_risk || e.kind == event_kind::ticket_sla_breached) {
            found.push_back(std::move(e));
        }
    }
    return found;
}

bool payload_has(const outbox_event& e, const std::string& text) { return e.payload.find(text) != std::string::npos; }

} // namespace

TEST_CASE("SLA scheduler: at risk, then breached, each once, to the coordinators and then to the assignee") {
    desk_fixture f;
    hourly_low_targets(f);
    const auto owner = f.employee("owner@example.com");
    const auto coordinator = f.staff("coordinator@example.com");
    const auto t = f.raise(owner);
    auto& scheduler = f.desk.scheduler();

    CHECK(scheduler.run_once(f.time->now()).sla_notices == 0);
    f.time->advance(44min);
    CHECK(scheduler.run_once(f.time->now()).sla_notices == 0);

    f.time->advance(2min); // 46 min: 75 % of the first response used
    const auto pass = scheduler.run_once(f.time->now());
    CHECK(pass.sla_notices == 1);
    CHECK(pass.tickets_checked == 1);
    auto events = sla_events(f);
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == event_kind::ticket_sla_at_risk);
    CHECK(events[0].ticket == t.id);
    CHECK_FALSE(events[0].account); // unassigned: the coordinators'
    CHECK(payload_has(events[0], R"("target":"first_response")"));
    CHECK(payload_has(events[0], R"("due":")" + to_rfc3339(t.submit_date + 1h) + "\""));
    const auto audience = f.desk.outbox().audience(events[0]);
    REQUIRE(audience.size() == 1); // the coordinator; the System Admin only when there is none
    CHECK(audience[0].id == coordinator.id);

    // A notice is not a change: same version, same update time; never twice.
    const auto after = f.fresh(t.id);
    CHECK(after.version == t.version);
    CHECK(after.update_date == t.update_date);
    CHECK(scheduler.run_once(f.time->now()).sla_notices == 0);
    f.time->advance(1min);
    CHECK(scheduler.run_once(f.time->now()).sla_notices == 0);

    // The approval answers in time; the resolution clock runs on to its own notices.
    (void)f.tickets().approve(coordinator.id, t.id, {});
    (void)f.tickets().claim(coordinator.id, t.id);
    f.time->advance(2h + 15min); // 3 h 4 min after submission
    CHECK(scheduler.run_once(f.time->now()).sla_notices == 1);
    f.time->advance(1h); // past the 4 h
    CHECK(scheduler.run_once(f.time->now()).sla_notices == 1);
    events = sla_events(f);
    REQUIRE(events.size() == 3);
    CHECK(events[1].kind == event_kind::ticket_sla_at_risk);
    CHECK(payload_has(events[1], R"("target":"resolution")"));
    CHECK(events[1].account == coordinator.id); // the assignee
    CHECK(events[2].kind == event_kind::ticket_sla_breached);
    CHECK(payload_has(events[2], R"("target":"resolution")"));
    CHECK(events[2].account == coordinator.id);

    // A change after the notices keeps them sent.
    (void)f.tickets().add_comment(coordinator.id, t.id, "Still on it", true);
    (void)f.tickets().update_status(coordinator.id, t.id, "On Hold");
    (void)f.tickets().update_status(coordinator.id, t.id, "In Progress");
    f.time->advance(48h);
    CHECK(scheduler.run_once(f.time->now()).sla_notices == 0);
    CHECK(sla_events(f).size() == 3);
}

TEST_CASE("SLA scheduler: a pass that comes late sends the breach alone, and nothing for stopped clocks") {
    desk_fixture f;
    hourly_low_targets(f);
    const auto owner = f.employee("owner@example.com");
    const auto late = f.raise(owner, "Forgotten");
    const auto answered = f.raise(owner, "Answered");
    const auto withdrawn = f.raise(owner, "Withdrawn");
    (void)f.tickets().approve(f.admin.id, answered.id, {});
    (void)f.tickets().withdraw(owner.id, withdrawn.id);

    f.time->advance(5h);
    const auto pass = f.desk.scheduler().run_once(f.time->now());
    CHECK(pass.sla_notices == 3); // late: both breaches; answered: its resolution breach
    const auto events = sla_events(f);
    REQUIRE(events.size() == 3);
    for (const auto& e : events) {
        CHECK(e.kind == event_kind::ticket_sla_breached);
        CHECK(e.ticket != withdrawn.id);
    }
    CHECK(events[0].ticket == late.id);
    CHECK(events[1].ticket == late.id);
    CHECK(events[2].ticket == answered.id);
    CHECK(payload_has(events[2], R"("target":"resolution")"));
    // No coordinator exists: the System Admin hears of it.
    const auto audience = f.desk.outbox().audience(events[0]);
    REQUIRE(audience.size() == 1);
    CHECK(audience[0].id == f.admin.id);
    CHECK(f.desk.scheduler().run_once(f.time->now() + 100h).sla_notices == 0);
}

TEST_CASE("SLA scheduler: batches smaller than the due tickets still reach every one") {
    desk_fixture f;
    hourly_low_targets(f);
    const auto owner = f.employee("owner@example.com");
    for (int i = 0; i < 7; ++i) {
        (void)f.raise(owner, "Ticket " + std::to_string(i));
    }
    f.time->advance(50min);
    const auto pass = f.desk.scheduler().run_once(f.time->now(), 2);
    CHECK(pass.tickets_checked == 7);
    CHECK(pass.sla_notices == 7);
    CHECK(sla_events(f).size() == 7);
}

TEST_CASE("SLA scheduler: a relay's background threads run it, and deliver the notices it writes") {
    desk_fixture f;
    hourly_low_targets(f);
    const auto owner = f.employee("owner@example.com");
    const auto t = f.raise(owner);
    auto channel = std::make_shared<relay_tests::scripted_channel>();
    outbox_relay relay{f.desk, {{"test", channel}}, {.batch = 20, .idle_wait = 5ms, .scheduler_every = 5ms}};
    relay.start(2);
    f.time->advance(50min);
    const auto sent = [&] {
        for (const auto& e : channel->got()) {
            if (e.kind == event_kind::ticket_sla_at_risk) {
                return true;
            }
        }
        return false;
    };
    for (int i = 0; i < 1000 && !sent(); ++i) {
        std::this_thread::sleep_for(5ms);
    }
    relay.stop();
    CHECK(sent());
    CHECK(relay.stats().sla_notices == 1); // two threads, one notice
    CHECK(sla_events(f).empty());          // delivered, none left pending
    CHECK(f.fresh(t.id).sla_notified != 0);
}

TEST_CASE("SLA scheduler: a relay refuses a negative scheduler interval") {
    desk_fixture f;
    auto channel = std::make_shared<relay_tests::scripted_channel>();
    expect_error(errc::invalid_argument, [&] {
        outbox_relay relay{f.desk, {{"test", channel}}, {.scheduler_every = std::chrono::milliseconds{-1}}};
    });
}
