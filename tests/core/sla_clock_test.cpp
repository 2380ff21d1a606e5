#include <helpdesk/rules/business_time.hpp>
#include <helpdesk/rules/sla_clock.hpp>

#include "business_time_support.hpp"

#include <doctest/doctest.h>

using namespace business_time_test;
using helpdesk::priority;
using helpdesk::sla_policy;
using helpdesk::sla_state;
using helpdesk::sla_timeline;
using helpdesk::ticket_status;

namespace {

const auto utc_only = helpdesk::utc_time_zones();
const auto policy = sla_policy::defaults();

// 2026-12-11 is a Friday.
helpdesk::time_point friday(int hh, int mm = 0) {
    return utc(2026, 12, 11, hh, mm);
}

sla_timeline submitted_at(helpdesk::time_point t) {
    return {.submitted = t, .first_reaction = std::nullopt, .statuses = {{t, ticket_status::new_}}};
}

helpdesk::sla_measure measure(const sla_timeline& line, priority p,
                              std::string_view department = "IT Department") {
    return helpdesk::measure_sla(policy, *utc_only, department, p, line);
}

} // namespace

TEST_CASE("SLA defaults: Critical runs around the clock, the rest in office hours") {
    // Friday 16:00: High has 4 business hours to respond (Monday 12:00) and
    // one business day of 8 hours to resolve (Monday 16:00).
    auto high = measure(submitted_at(friday(16)), priority::high);
    CHECK(high.first_response.due == utc(2026, 12, 14, 12));
    CHECK(high.resolution.due == utc(2026, 12, 14, 16));
    // At risk at 75 %: 3 of 4 hours, 6 of 8.
    CHECK(high.first_response.at_risk_at == utc(2026, 12, 14, 11));
    CHECK(high.resolution.at_risk_at == utc(2026, 12, 14, 14));
    CHECK(high.policy_version == 0);

    const auto critical = measure(submitted_at(friday(16)), priority::critical);
    CHECK(critical.first_response.due == friday(17));
    CHECK(critical.resolution.due == friday(20));

    const auto medium = measure(submitted_at(friday(16)), priority::medium);
    CHECK(medium.first_response.due == utc(2026, 12, 14, 16)); // 1 day
    CHECK(medium.resolution.due == utc(2026, 12, 16, 16));     // 3 days
    const auto low = measure(submitted_at(friday(16)), priority::low);
    CHECK(low.first_response.due == utc(2026, 12, 15, 16)); // 2 days
    CHECK(low.resolution.due == utc(2026, 12, 18, 16));     // 5 days
}

TEST_CASE("SLA states: on track, at risk, breached while running, met or breached when stopped") {
    auto line = submitted_at(friday(16));
    auto m = measure(line, priority::high);
    CHECK(state_at(m.first_response, friday(17)) == sla_state::on_track);
    CHECK(state_at(m.first_response, utc(2026, 12, 14, 11)) == sla_state::at_risk);
    CHECK(state_at(m.first_response, utc(2026, 12, 14, 12)) == sla_state::at_risk); // due, not yet over
    CHECK(state_at(m.first_response, utc(2026, 12, 14, 12, 1)) == sla_state::breached);

    line.first_reaction = utc(2026, 12, 14, 10);
    line.statuses.emplace_back(utc(2026, 12, 14, 10), ticket_status::open);
    m = measure(line, priority::high);
    CHECK(m.first_response.stopped_at == utc(2026, 12, 14, 10));
    CHECK(m.first_response.due == utc(2026, 12, 14, 12));
    CHECK(state_at(m.first_response, utc(2027, 1, 1)) == sla_state::met);

    line.first_reaction = utc(2026, 12, 14, 13);
    CHECK(state_at(measure(line, priority::high).first_response, utc(2027, 1, 1)) == sla_state::breached);
}

TEST_CASE("SLA resolution: Pending and On Hold pause it, Resolved stops it, reopening resumes it") {
    auto line = submitted_at(utc(2026, 12, 14, 9)); // Monday 09:00, High: resolve by 17:00
    line.first_reaction = utc(2026, 12, 14, 10);
    line.statuses.emplace_back(utc(2026, 12, 14, 10), ticket_status::open);
    line.statuses.emplace_back(utc(2026, 12, 14, 11), ticket_status::in_progress);
    line.statuses.emplace_back(utc(2026, 12, 14, 12), ticket_status::pending);
    auto m = measure(line, priority::high);
    CHECK(m.resolution.paused);
    CHECK_FALSE(m.resolution.due);
    CHECK(m.resolution.at_risk_at == std::nullopt); // 6 h not used before the pause (3 h were)
    CHECK(state_at(m.resolution, utc(2026, 12, 20)) == sla_state::paused);

    // Back in work on Tuesday 09:00 with 5 business hours left: due 14:00.
    line.statuses.emplace_back(utc(2026, 12, 15, 9), ticket_status::in_progress);
    m = measure(line, priority::high);
    CHECK_FALSE(m.resolution.paused);
    CHECK(m.resolution.due == utc(2026, 12, 15, 14));
    CHECK(m.resolution.at_risk_at == utc(2026, 12, 15, 12));

    // Resolved at 13:00: met; the due date stays the one it had.
    line.statuses.emplace_back(utc(2026, 12, 15, 13), ticket_status::resolved);
    m = measure(line, priority::high);
    CHECK(m.resolution.stopped_at == utc(2026, 12, 15, 13));
    CHECK(m.resolution.due == utc(2026, 12, 15, 14));
    CHECK(state_at(m.resolution, utc(2027, 1, 1)) == sla_state::met);

    // Closed after Resolved: the clock still stopped at Resolved.
    auto closed = line;
    closed.statuses.emplace_back(utc(2026, 12, 17, 9), ticket_status::closed);
    CHECK(measure(closed, priority::high).resolution == m.resolution);

    // Reopened on Wednesday 09:00: the hour left runs from there.
    line.statuses.emplace_back(utc(2026, 12, 16, 9), ticket_status::in_progress);
    m = measure(line, priority::high);
    CHECK_FALSE(m.resolution.stopped_at);
    CHECK(m.resolution.due == utc(2026, 12, 16, 10));
    CHECK(state_at(m.resolution, utc(2026, 12, 16, 10, 30)) == sla_state::breached);
}

TEST_CASE("SLA: a target used up before a pause stays breached while paused") {
    auto line = submitted_at(friday(16));
    line.statuses.emplace_back(friday(16, 10), ticket_status::open);
    line.statuses.emplace_back(friday(22), ticket_status::on_hold);
    const auto m = measure(line, priority::critical); // 4 h around the clock: due 20:00
    CHECK(m.resolution.paused);
    CHECK(m.resolution.due == friday(20));
    CHECK(state_at(m.resolution, friday(23)) == sla_state::breached);
}

TEST_CASE("SLA: a ticket rejected or withdrawn stops both clocks") {
    auto line = submitted_at(friday(10));
    line.statuses.emplace_back(friday(11), ticket_status::withdrawn);
    auto m = measure(line, priority::low);
    CHECK(m.first_response.stopped_at == friday(11));
    CHECK(m.resolution.stopped_at == friday(11));
    CHECK(state_at(m.first_response, utc(2027, 1, 1)) == sla_state::met);
    CHECK(state_at(m.resolution, utc(2027, 1, 1)) == sla_state::met);
}

TEST_CASE("SLA: a department's override replaces the policy's targets for its priority only") {
    auto custom = policy;
    custom.overrides.push_back(
        {.department = "Finance",
         .for_priority = priority::high,
         .targets = {{30, helpdesk::sla_unit::minutes}, {2, helpdesk::sla_unit::hours}, true}});
    const auto line = submitted_at(friday(16));
    const auto finance = helpdesk::measure_sla(custom, *utc_only, "Finance", priority::high, line);
    CHECK(finance.first_response.due == friday(16, 30));
    CHECK(finance.resolution.due == friday(18));
    const auto it = helpdesk::measure_sla(custom, *utc_only, "IT Department", priority::high, line);
    CHECK(it.first_response.due == utc(2026, 12, 14, 12));
    const auto finance_low = helpdesk::measure_sla(custom, *utc_only, "Finance", priority::low, line);
    CHECK(finance_low.first_response.due == utc(2026, 12, 15, 16));
}

TEST_CASE("SLA states: the overall state is the worse of the two") {
    using helpdesk::worse;
    CHECK(worse(sla_state::met, sla_state::breached) == sla_state::breached);
    CHECK(worse(sla_state::at_risk, sla_state::on_track) == sla_state::at_risk);
    CHECK(worse(sla_state::paused, sla_state::met) == sla_state::paused);
    CHECK(worse(sla_state::on_track, sla_state::paused) == sla_state::on_track);
    for (const auto s :
         {sla_state::on_track, sla_state::at_risk, sla_state::breached, sla_state::met, sla_state::paused}) {
        CHECK(helpdesk::parse_sla_state(to_string(s)) == s);
    }
    CHECK_FALSE(helpdesk::parse_sla_state("late"));
}

TEST_CASE("SLA property: a pause moves the resolution due date by exactly the business time it covered") {
    for (std::uint64_t seed = 3001; seed <= 3200; ++seed) {
        std::mt19937_64 g{seed};
        auto custom = policy;
        custom.calendar = random_calendar(g, "UTC");
        const auto p = static_cast<priority>(pick(g, 0, 3));
        const auto start = random_instant(g);
        auto line = submitted_at(start);
        line.statuses.emplace_back(start + minutes{pick(g, 0, 600)}, ticket_status::in_progress);
        const auto unpaused = helpdesk::measure_sla(custom, *utc_only, "IT", p, line);
        REQUIRE(unpaused.resolution.due);
        const auto pause_start = line.statuses.back().first + minutes{pick(g, 0, 3 * 1440)};
        const auto pause_end = pause_start + minutes{pick(g, 0, 5 * 1440)};
        line.statuses.emplace_back(pause_start,
                                   pick(g, 0, 1) ? ticket_status::pending : ticket_status::on_hold);
        line.statuses.emplace_back(pause_end, ticket_status::in_progress);
        const auto paused = helpdesk::measure_sla(custom, *utc_only, "IT", p, line);
        REQUIRE(paused.resolution.due);
        INFO("seed " << seed);
        const auto& targets = helpdesk::targets_for(custom, "IT", p);
        const auto calendar = helpdesk::calendar_for(custom, targets);
        if (pause_start < *unpaused.resolution.due) {
            CHECK(helpdesk::business_time_between(calendar, *utc_only, *unpaused.resolution.due,
                                                  *paused.resolution.due) ==
                  helpdesk::business_time_between(calendar, *utc_only, pause_start, pause_end));
        } else {
            CHECK(paused.resolution.due == unpaused.resolution.due);
        }
        // The first response never pauses.
        CHECK(paused.first_response.due == unpaused.first_response.due);
        CHECK(*paused.resolution.at_risk_at <= *paused.resolution.due);
    }
}

TEST_CASE(
    "SLA timeline from history: statuses in order, and the first approval, rejection, claim or public staff "
    "comment") {
    helpdesk::ticket t;
    t.id = 7;
    t.employee = 100;
    t.submit_date = friday(9);
    const auto row = [](helpdesk::history_kind kind, std::optional<helpdesk::account_id> actor,
                        helpdesk::time_point at, std::optional<std::string> from = std::nullopt,
                        std::optional<std::string> to = std::nullopt) {
        helpdesk::history_event e;
        e.kind = kind;
        e.actor = actor;
        e.at = at;
        e.old_value = std::move(from);
        e.new_value = std::move(to);
        return e;
    };
    using helpdesk::history_kind;
    const std::vector<helpdesk::history_event> history{
        row(history_kind::created, 100, friday(9)),
        row(history_kind::comment_added, 100, friday(9, 5)),         // the owner: not a reaction
        row(history_kind::internal_comment_added, 5, friday(9, 10)), // internal: not a reaction
        row(history_kind::comment_added, 5, friday(9, 30)),          // staff, public: the reaction
        row(history_kind::status_changed, 5, friday(10), "New", "Open"),
        row(history_kind::assigned, 5, friday(10, 30), std::nullopt, "5"),
        row(history_kind::status_changed, 5, friday(10, 30), "Open", "In Progress"),
        row(history_kind::status_changed, std::nullopt, friday(11), "In Progress",
            "On Hold"), // the workflow system
    };
    const auto line = helpdesk::timeline_of(t, history);
    CHECK(line.submitted == friday(9));
    CHECK(line.first_reaction == friday(9, 30));
    REQUIRE(line.statuses.size() == 4);
    CHECK(line.statuses[0] == std::pair{friday(9), ticket_status::new_});
    CHECK(line.statuses[1] == std::pair{friday(10), ticket_status::open});
    CHECK(line.statuses[2] == std::pair{friday(10, 30), ticket_status::in_progress});
    CHECK(line.statuses[3] == std::pair{friday(11), ticket_status::on_hold});

    // Without the staff comment, approval is the reaction.
    const std::vector<helpdesk::history_event> approved{history[0], history[4], history[7]};
    CHECK(helpdesk::timeline_of(t, approved).first_reaction == friday(10));
    // A claim counts; an assignment of someone else and a status push do not.
    const std::vector<helpdesk::history_event> claimed{history[0], history[5], history[7]};
    CHECK(helpdesk::timeline_of(t, claimed).first_reaction == friday(10, 30));
    const std::vector<helpdesk::history_event> assigned{
        history[0], row(history_kind::assigned, 5, friday(10, 30), std::nullopt, "6"), history[7]};
    CHECK_FALSE(helpdesk::timeline_of(t, assigned).first_reaction);
}
