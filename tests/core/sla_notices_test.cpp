#include <helpdesk/rules/sla_notices.hpp>

#include "business_time_support.hpp"

#include <doctest/doctest.h>

using namespace business_time_test;
using helpdesk::next_notice_at;
using helpdesk::notices_due;
using helpdesk::priority;
using helpdesk::sla_notice;
using helpdesk::ticket_status;

namespace {

const auto utc_only = helpdesk::utc_time_zones();
const auto policy = helpdesk::sla_policy::defaults();

// A Critical ticket submitted Friday 2026-12-11 16:00: first response due
// 17:00 (at risk 16:45), resolution due 20:00 (at risk 19:00).
helpdesk::sla_timeline critical_line() {
    const auto t = utc(2026, 12, 11, 16);
    return {.submitted = t, .first_reaction = std::nullopt, .statuses = {{t, ticket_status::new_}}};
}

helpdesk::sla_measure measure(const helpdesk::sla_timeline& line) {
    return helpdesk::measure_sla(policy, *utc_only, "IT Department", priority::critical, line);
}

} // namespace

TEST_CASE("SLA notices: at risk, then breached, each once per target") {
    const auto m = measure(critical_line());
    CHECK(notices_due(m, 0, utc(2026, 12, 11, 16, 44)).empty());
    CHECK(next_notice_at(m, 0) == utc(2026, 12, 11, 16, 45));
    const auto at_risk = notices_due(m, 0, utc(2026, 12, 11, 16, 45));
    CHECK(at_risk == std::vector{sla_notice::first_response_at_risk});
    auto sent = helpdesk::with_sent(0, at_risk);
    CHECK(notices_due(m, sent, utc(2026, 12, 11, 16, 50)).empty());
    CHECK(next_notice_at(m, sent) == utc(2026, 12, 11, 17) + microseconds{1});
    CHECK(notices_due(m, sent, utc(2026, 12, 11, 17)).empty()); // due, not yet over
    const auto late = notices_due(m, sent, utc(2026, 12, 11, 19, 30));
    CHECK(late == std::vector{sla_notice::first_response_breached, sla_notice::resolution_at_risk});
    sent = helpdesk::with_sent(sent, late);
    CHECK(next_notice_at(m, sent) == utc(2026, 12, 11, 20) + microseconds{1});
    sent = helpdesk::with_sent(sent, notices_due(m, sent, utc(2026, 12, 12)));
    CHECK(sent == 15);
    CHECK_FALSE(next_notice_at(m, sent));
    CHECK(notices_due(m, sent, utc(2027, 1, 1)).empty());
}

TEST_CASE(
    "SLA notices: a breach found before the at-risk notice sends the breach only, never the at-risk after") {
    const auto m = measure(critical_line());
    const auto found = notices_due(m, 0, utc(2026, 12, 11, 21));
    CHECK(found == std::vector{sla_notice::first_response_breached, sla_notice::resolution_breached});
    const auto sent = helpdesk::with_sent(0, found);
    CHECK(sent == 15);
    CHECK(notices_due(m, sent, utc(2026, 12, 12)).empty());
}

TEST_CASE(
    "SLA notices: stopped clocks call for nothing, a paused one only for a breach that already happened") {
    auto line = critical_line();
    line.first_reaction = utc(2026, 12, 11, 16, 10);
    line.statuses.emplace_back(utc(2026, 12, 11, 16, 10), ticket_status::open);
    line.statuses.emplace_back(utc(2026, 12, 11, 19, 30), ticket_status::pending);
    auto m = measure(line);
    CHECK(m.first_response.stopped_at);
    CHECK(m.resolution.paused);
    // Paused before the due date: nothing to send, nothing to wait for.
    CHECK(notices_due(m, 0, utc(2026, 12, 12)).empty());
    CHECK_FALSE(next_notice_at(m, 0));

    line.statuses.back().first = utc(2026, 12, 11, 21); // paused after the due date
    m = measure(line);
    CHECK(notices_due(m, 0, utc(2026, 12, 12)) == std::vector{sla_notice::resolution_breached});
    CHECK(next_notice_at(m, 0) == utc(2026, 12, 11, 20) + microseconds{1});

    line.statuses.emplace_back(utc(2026, 12, 11, 22), ticket_status::closed);
    m = measure(line);
    CHECK(notices_due(m, 0, utc(2026, 12, 12)).empty());
    CHECK_FALSE(next_notice_at(m, 0));
}

TEST_CASE("SLA notices property: a notice is due exactly from the next-notice instant on") {
    for (std::uint64_t seed = 4001; seed <= 4300; ++seed) {
        std::mt19937_64 g{seed};
        auto custom = policy;
        custom.calendar = random_calendar(g, "UTC");
        const auto start = random_instant(g);
        helpdesk::sla_timeline line{
            .submitted = start, .first_reaction = std::nullopt, .statuses = {{start, ticket_status::new_}}};
        auto at = start;
        const ticket_status moves[] = {ticket_status::open, ticket_status::in_progress,
                                       ticket_status::pending, ticket_status::on_hold,
                                       ticket_status::resolved};
        for (auto n = pick(g, 0, 4); n > 0; --n) {
            at += minutes{pick(g, 1, 3 * 1440)};
            line.statuses.emplace_back(at, moves[pick(g, 0, 4)]);
            if (!line.first_reaction && pick(g, 0, 1)) {
                line.first_reaction = at;
            }
        }
        const auto m =
            helpdesk::measure_sla(custom, *utc_only, "IT", static_cast<priority>(pick(g, 0, 3)), line);
        std::int32_t sent = static_cast<std::int32_t>(pick(g, 0, 15));
        INFO("seed " << seed);
        const auto next = next_notice_at(m, sent);
        if (!next) {
            CHECK(notices_due(m, sent, start + days{400}).empty());
            continue;
        }
        CHECK(notices_due(m, sent, *next - microseconds{1}).empty());
        CHECK_FALSE(notices_due(m, sent, *next).empty());
        // Sending what is due moves the next instant strictly later (or ends it).
        const auto later = next_notice_at(m, helpdesk::with_sent(sent, notices_due(m, sent, *next)));
        CHECK((!later || *later > *next));
    }
}
