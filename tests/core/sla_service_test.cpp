#include "ticket_test_support.hpp"

#include <doctest/doctest.h>

using namespace ticket_tests;

TEST_CASE("SLA service: System Admins read the policy and change it, one version at a time") {
    desk_fixture f;
    auto& sla = f.desk.sla();
    CHECK(sla.current(f.admin.id) == sla_policy::defaults()); // nothing stored yet: version 0

    auto draft = sla.current(f.admin.id);
    draft.at_risk_percent = 50;
    draft.calendar.week[5] = {{.start_minute = 600, .end_minute = 840}};
    f.time->advance(1h);
    const auto first = sla.change(f.admin.id, draft);
    CHECK(first.version == 2); // version 1 is the built-in policy, stored first
    {
        auto tx = f.db->begin(tx_mode::read);
        const auto builtin = tx->sla_policies().find(1);
        REQUIRE(builtin);
        CHECK(builtin->by_priority == sla_policy::defaults().by_priority);
        CHECK(builtin->at_risk_percent == sla_policy::defaults().at_risk_percent);
    }
    CHECK(first.created_by == f.admin.id);
    CHECK(first.created_at == test_epoch() + 1h);
    CHECK(sla.current(f.admin.id) == first);

    draft.at_risk_percent = 60;
    const auto second = sla.change(f.admin.id, draft);
    CHECK(second.version == 3);
    CHECK(sla.current(f.admin.id).at_risk_percent == 60);
}

TEST_CASE("SLA service: only System Admins, and a bad policy is refused whole, naming its fields") {
    desk_fixture f;
    const auto coordinator = f.staff("coordinator@example.com");
    const auto employee = f.employee("employee@example.com");
    auto& sla = f.desk.sla();
    for (const auto& who : {coordinator, employee}) {
        expect_error(errc::permission_denied, [&] { (void)sla.current(who.id); });
        expect_error(errc::permission_denied, [&] { (void)sla.change(who.id, sla_policy::defaults()); });
    }
    auto bad = sla_policy::defaults();
    bad.calendar.time_zone = "Europe/Berlin"; // this engine knows UTC alone
    bad.at_risk_percent = 0;
    try {
        (void)sla.change(f.admin.id, bad);
        FAIL("a bad policy was stored");
    } catch (const error& e) {
        CHECK(e.code() == errc::invalid_argument);
        CHECK(e.fields().count("calendar.time_zone") == 1);
        CHECK(e.fields().count("at_risk_percent") == 1);
    }
    auto tx = f.db->begin(tx_mode::read);
    CHECK(tx->sla_policies().newest_version() == 0);
}

TEST_CASE("SLA service: a ticket keeps the version it was measured under, new tickets take the newest") {
    desk_fixture f;
    const auto owner = f.employee("owner@example.com");
    const auto coordinator = f.staff("coordinator@example.com");
    const auto before = f.raise(owner);
    CHECK(before.sla.policy_version == 1); // the built-in defaults, stored on first use

    auto faster = f.desk.sla().current(f.admin.id);
    faster.by_priority[static_cast<std::size_t>(priority::low)].first_response = {1, sla_unit::hours};
    CHECK(f.desk.sla().change(f.admin.id, faster).version == 2);

    const auto after = f.raise(owner);
    CHECK(after.sla.policy_version == 2);
    CHECK(after.sla.first_response.due == after.submit_date + 1h);

    f.time->advance(10min);
    (void)f.tickets().add_comment(coordinator.id, before.id, "On it");
    const auto kept = f.fresh(before.id);
    CHECK(kept.sla.policy_version == 1);
    CHECK(kept.sla.first_response.due == before.sla.first_response.due);
    CHECK(kept.sla.first_response.stopped_at == test_epoch() + 10min);
}

TEST_CASE("SLA service: an edit applies to the policy current in its own transaction") {
    desk_fixture f;
    auto& sla = f.desk.sla();
    const auto first = sla.change(f.admin.id, [](const sla_policy& current) {
        CHECK(current.version == 1); // the built-in policy, stored first
        auto next = current;
        next.at_risk_percent = 50;
        return next;
    });
    CHECK(first.version == 2);
    const auto second = sla.change(f.admin.id, [](const sla_policy& current) {
        CHECK(current.version == 2); // the first edit's result, not a copy read before it
        auto next = current;
        next.calendar.week[5] = {{.start_minute = 600, .end_minute = 840}};
        return next;
    });
    CHECK(second.version == 3);
    CHECK(second.at_risk_percent == 50); // kept: this edit did not touch it
    CHECK(second.calendar.week[5].size() == 1);

    // A refused actor's edit never runs; an edit that throws stores nothing.
    bool ran = false;
    const auto coordinator = f.staff("coordinator@example.com");
    expect_error(errc::permission_denied, [&] {
        (void)sla.change(coordinator.id, [&](const sla_policy& current) {
            ran = true;
            return current;
        });
    });
    CHECK_FALSE(ran);
    expect_error(errc::invalid_argument, [&] {
        (void)sla.change(f.admin.id, [](const sla_policy&) -> sla_policy {
            throw error(errc::invalid_argument, "a malformed member");
        });
    });
    CHECK(sla.current(f.admin.id) == second);
}
