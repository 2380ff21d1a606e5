// Ticket service: one transaction per call (nothing half-written) and the outbox it fills.

#include "ticket_test_support.hpp"

TEST_SUITE("ticket_service") {

// ------------------------------------------------------------ atomicity

TEST_CASE("atomicity: a blob store failing halfway through a create leaves nothing behind") {
    desk_fixture f;
    const auto owner = f.employee("erin@example.com");
    const auto first = f.raise(owner, "Before the failure");
    REQUIRE(first.ticket_number == "TX0001");

    auto r = fixture::ticket_request("Three screenshots");
    r.attachments = {file("one.png", png_bytes), file("two.png", png_bytes), file("three.pdf", pdf_bytes)};
    const auto before = counts_of(f);
    f.blobs->fail_on_put = f.blobs->puts + 2;
    (void)expect_error(errc::storage_unavailable, [&] { (void)f.tickets().create(owner.id, r, "retry-me"); });
    f.blobs->fail_on_put.reset();

    const auto after = counts_of(f);
    CHECK(after.tickets == before.tickets);
    CHECK(after.events == before.events);
    CHECK(f.blobs->live() == 0);
    CHECK(f.blobs->puts == before.puts + 2); // the first blob was written, then removed

    // The retry (same key) succeeds; no TX number is reused and no orphan rows show up.
    const auto retry = f.tickets().create(owner.id, r, "retry-me");
    CHECK(retry.item.ticket_number != first.ticket_number);
    CHECK(parse_ticket_number(retry.item.ticket_number).value_or(0) > 1);
    CHECK(retry.attachments.size() == 3);
    CHECK(f.tickets().history(owner.id, retry.item.id).size() == 4); // created + 3 attachments
    CHECK(f.tickets().comments(owner.id, retry.item.id).empty());
    CHECK(events_of_kind(f, event_kind::ticket_created).size() == 2);
    CHECK(f.blobs->live() == 3);
    CHECK(ticket_count(f) == 2);
    CHECK(f.raise(owner).ticket_number != retry.item.ticket_number);
}

TEST_CASE("atomicity: assigning to a non-staff account leaves the ticket untouched") {
    desk_fixture f;
    const auto owner = f.employee("erin@example.com");
    const auto other = f.employee("olga@example.com");
    const auto pending_staff = f.desk.accounts().sign_up(fixture::person("newbie@example.com"));
    const auto coordinator = f.staff("coord@example.com");
    const auto t = f.raise(owner);
    (void)f.tickets().approve(coordinator.id, t.id, {});

    for (const account_id target : {owner.id, other.id, pending_staff.id, account_id{999999}}) {
        CAPTURE(target);
        const auto before = snapshot(f, t.id);
        const auto e = expect_error(errc::invalid_argument, [&] { (void)f.tickets().assign(coordinator.id, t.id, target); });
        CHECK(e.fields().count("assigned_to") == 1);
        check_untouched(f, before);
    }
    // Employees may not assign at all.
    {
        const auto before = snapshot(f, t.id);
        (void)expect_error(errc::permission_denied, [&] { (void)f.tickets().assign(owner.id, t.id, coordinator.id); });
        check_untouched(f, before);
    }
    const auto assigned = f.tickets().assign(coordinator.id, t.id, f.admin.id).item;
    CHECK(assigned.assigned_to == f.admin.id);
    CHECK(assigned.status == ticket_status::in_progress);
}

// ------------------------------------------------------------ outbox

TEST_CASE("outbox: pending lists due events in order - deliver_due hands them over and marks them delivered") {
    desk_fixture f;
    drain(f);
    const auto delivered_before = f.desk.outbox().count(outbox_state::delivered);
    const auto owner = f.employee("erin@example.com");
    f.time->advance(1s);
    const auto t = f.raise(owner);

    const auto pending = f.desk.outbox().pending();
    REQUIRE(pending.size() == 3);
    CHECK(pending[0].kind == event_kind::account_registered);
    CHECK(pending[1].kind == event_kind::account_approved);
    CHECK(pending[2].kind == event_kind::ticket_created);
    CHECK(pending[2].ticket == t.id);
    for (std::size_t i = 1; i < pending.size(); ++i) {
        CHECK(pending[i - 1].id < pending[i].id);
        CHECK(pending[i - 1].created_at <= pending[i].created_at);
    }
    for (const auto& e : pending) {
        CHECK(e.state == outbox_state::pending);
        CHECK(e.attempts == 0);
    }
    CHECK(f.desk.outbox().pending(2).size() == 2);

    recording_notifier channel;
    CHECK(f.desk.outbox().deliver_due(channel) == 3);
    REQUIRE(channel.events.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(channel.events[i].id == pending[i].id);
        CHECK(channel.events[i].kind == pending[i].kind);
    }
    CHECK(f.desk.outbox().count(outbox_state::pending) == 0);
    CHECK(f.desk.outbox().count(outbox_state::delivered) == delivered_before + 3);
    CHECK(f.desk.outbox().pending().empty());
    CHECK(f.desk.outbox().deliver_due(channel) == 0);
    CHECK(channel.events.size() == 3);

    (void)expect_error(errc::not_found, [&] { (void)f.desk.outbox().mark_delivered(999999, "lease"); });
    (void)expect_error(errc::not_found, [&] { (void)f.desk.outbox().mark_failed(999999, "lease", "x"); });
}

namespace {
/// A channel that, while delivering, lets a second worker drain the same
/// outbox: the situation of two workers running at the same time.
class overlapping_worker final : public notifier {
public:
    explicit overlapping_worker(outbox_service& second) : second_(second) {}
    void deliver(const outbox_event& event) override {
        CHECK_MESSAGE(in_flight_.count(event.id) == 0, "event " << event.id << " delivered twice at the same time");
        in_flight_.insert(event.id);
        delivered.push_back(event.id);
        if (!nested_) {
            nested_ = true;
            (void)second_.deliver_due(*this);
            nested_ = false;
        }
        in_flight_.erase(event.id);
    }
    std::vector<row_id> delivered;

private:
    outbox_service& second_;
    std::set<row_id> in_flight_;
    bool nested_ = false;
};
} // namespace

TEST_CASE("outbox: two workers sharing the outbox never deliver one event at the same time") {
    desk_fixture f;
    drain(f);
    const auto delivered_before = f.desk.outbox().count(outbox_state::delivered);
    (void)f.employee("erin@example.com");
    (void)f.raise(f.admin);
    REQUIRE(f.desk.outbox().count(outbox_state::pending) == 3);
    engine second{engine_parts{f.db, f.blobs, f.time, std::make_shared<counting_random>()}, f.options};

    overlapping_worker channel{second.outbox()};
    (void)f.desk.outbox().deliver_due(channel);
    CHECK(f.desk.outbox().count(outbox_state::pending) == 0);
    CHECK(f.desk.outbox().count(outbox_state::delivered) == delivered_before + 3);
    const std::set<row_id> distinct(channel.delivered.begin(), channel.delivered.end());
    CHECK(distinct.size() == 3);
}

TEST_CASE("outbox: failed deliveries back off exponentially and end up dead") {
    engine_options o = fixture::fast_options();
    o.max_delivery_attempts = 4;
    o.first_retry_delay = 30s;
    desk_fixture f{o};
    drain(f);
    const auto delivered_before = f.desk.outbox().count(outbox_state::delivered);
    (void)f.employee("erin@example.com"); // two events
    REQUIRE(f.desk.outbox().count(outbox_state::pending) == 2);

    recording_notifier down;
    down.fail_ = true;
    // Attempt n schedules the next one between half and all of 30 s × 2^(n-1)
    // from now (exponential backoff with equal jitter).
    for (int attempt = 1; attempt <= 3; ++attempt) {
        CAPTURE(attempt);
        const auto failed_at = f.time->now();
        const auto base = std::chrono::duration_cast<std::chrono::microseconds>(30s * (1 << (attempt - 1)));
        CHECK(f.desk.outbox().deliver_due(down) == 0);
        CHECK(f.desk.outbox().count(outbox_state::pending) == 2);
        CHECK(f.desk.outbox().pending().empty()); // not due yet
        auto tx = f.db->begin(tx_mode::read);
        const auto waiting = tx->outbox().due(failed_at + base, 10);
        tx.reset();
        REQUIRE(waiting.size() == 2);
        for (const auto& e : waiting) {
            CHECK(e.attempts == attempt);
            CHECK(e.last_error == std::optional<std::string>{"notifier down"});
            CHECK(e.next_attempt_at >= failed_at + base / 2);
            CHECK(e.next_attempt_at <= failed_at + base);
        }
        f.time->advance(base);
        REQUIRE(f.desk.outbox().pending().size() == 2);
    }

    CHECK(f.desk.outbox().deliver_due(down) == 0); // attempt 4 = max: dead
    CHECK(f.desk.outbox().count(outbox_state::dead) == 2);
    CHECK(f.desk.outbox().count(outbox_state::pending) == 0);
    f.time->advance(std::chrono::days{30});
    CHECK(f.desk.outbox().pending().empty());

    recording_notifier up;
    CHECK(f.desk.outbox().deliver_due(up) == 0);
    CHECK(up.events.empty());

    // mark_failed reports the state it left the event in.
    const auto t = f.raise(f.admin);
    (void)t;
    const auto fresh = f.desk.outbox().claim_due();
    REQUIRE(fresh.size() == 1);
    CHECK(f.desk.outbox().mark_failed(fresh[0].id, fresh[0].lease, "smtp timeout") == outbox_state::pending);
    // A success later settles it.
    f.time->advance(30s);
    CHECK(f.desk.outbox().deliver_due(up) == 1);
    CHECK(f.desk.outbox().count(outbox_state::delivered) == delivered_before + 1);
}

TEST_CASE("outbox: the default retry policy parks an event as dead after max_delivery_attempts") {
    desk_fixture f; // 8 attempts
    drain(f);
    (void)f.raise(f.admin);
    recording_notifier down;
    down.fail_ = true;
    for (int attempt = 1; attempt <= 8; ++attempt) {
        CAPTURE(attempt);
        CHECK(f.desk.outbox().count(outbox_state::dead) == 0);
        CHECK(f.desk.outbox().deliver_due(down) == 0);
        f.time->advance(std::chrono::days{1});
    }
    CHECK(f.desk.outbox().count(outbox_state::dead) == 1);
    CHECK(f.desk.outbox().count(outbox_state::pending) == 0);
}

} // TEST_SUITE
