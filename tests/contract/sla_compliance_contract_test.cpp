// SLA compliance in the stats (docs/product.md#sla): the aggregate the
// stores keep in step with ticket writes, and the clocks that ran past their
// due date by the moment of the read.
#include "store_factories.hpp"
#include "store_fixtures.hpp"

#include <doctest/doctest.h>

#include <map>
#include <optional>
#include <string>

using namespace contract;
using helpdesk::priority;
using helpdesk::sla_clock;
using helpdesk::sla_compliance;
using helpdesk::sla_target_compliance;
using helpdesk::ticket;
using helpdesk::time_point;

namespace {

[[nodiscard]] sla_clock stopped(time_point due, time_point stop) {
    return {.due = due, .at_risk_at = std::nullopt, .stopped_at = stop, .paused = false};
}

[[nodiscard]] sla_clock running(time_point due) {
    return {.due = due, .at_risk_at = std::nullopt, .stopped_at = std::nullopt, .paused = false};
}

[[nodiscard]] sla_clock paused(std::optional<time_point> due) {
    return {.due = due, .at_risk_at = std::nullopt, .stopped_at = std::nullopt, .paused = true};
}

/// `met/breached/pending` of both targets, as the tests write them.
[[nodiscard]] sla_compliance counts(sla_target_compliance first_response, sla_target_compliance resolution) {
    return {.first_response = first_response, .resolution = resolution};
}

/// Stores tickets and rewrites them as the engine does: a new version each time.
class measured_desk {
public:
    explicit measured_desk(helpdesk::store& s) : store_{s} {}

    ticket add(helpdesk::account_id owner, priority p, std::string department, sla_clock first_response,
               sla_clock resolution) {
        auto t = add_ticket(store_, owner, at());
        return change(t, [&](ticket& u) {
            u.ticket_priority = p;
            u.department = std::move(department);
            u.sla.policy_version = 1;
            u.sla.first_response = first_response;
            u.sla.resolution = resolution;
        });
    }

    template <class Edit> ticket change(const ticket& t, Edit&& edit) {
        auto u = t;
        edit(u);
        u.version = t.version + 1;
        in_write(store_, [&](helpdesk::transaction& tx) { REQUIRE(tx.tickets().update(u, t.version)); });
        return u;
    }

    [[nodiscard]] helpdesk::ticket_stats stats(std::optional<helpdesk::account_id> owner, time_point as_of) {
        return in_read(store_, [&](helpdesk::transaction& tx) { return tx.tickets().stats(owner, as_of); });
    }

private:
    helpdesk::store& store_;
};

using by_key = std::map<std::string, sla_compliance>;

} // namespace

TEST_CASE_TEMPLATE_DEFINE("stats: SLA compliance per target, priority and department as time moves on",
                          Factory, sla_compliance_id) {
    Factory factory;
    auto store = factory.open();
    const auto alice = add_account(*store, make_account(1)).id;
    const auto bob = add_account(*store, make_account(2)).id;
    measured_desk d{*store};

    CHECK(d.stats(std::nullopt, at()).sla == sla_compliance{});
    CHECK(d.stats(std::nullopt, at()).sla_by_priority.empty());

    const std::string it = "IT Department";
    const std::string asset = "Asset Department";
    // a: responded in time, resolved late. b: responded late, resolution running until 50h.
    // c: response running until 2h, resolution paused before running out.
    // e: responded exactly at the due date (met), resolution paused after running out at 10h.
    const auto a = d.add(alice, priority::high, it, stopped(at(4h), at(1h)), stopped(at(20h), at(30h)));
    const auto b = d.add(alice, priority::low, asset, stopped(at(4h), at(5h)), running(at(50h)));
    auto c = d.add(bob, priority::high, it, running(at(2h)), paused(std::nullopt));
    (void)add_ticket(*store, bob, at()); // never measured: not counted
    auto e = d.add(bob, priority::critical, it, stopped(at(1h), at(1h)), paused(at(10h)));

    SUBCASE("the moment of the read decides which running or paused clocks are breached") {
        CHECK(d.stats(std::nullopt, at(1h)).sla == counts({2, 1, 1}, {0, 1, 3}));
        CHECK(d.stats(std::nullopt, at(2h)).sla == counts({2, 1, 1}, {0, 1, 3})); // due at 2h: not yet
        CHECK(d.stats(std::nullopt, at(2h) + 1us).sla == counts({2, 2, 0}, {0, 1, 3}));
        CHECK(d.stats(std::nullopt, at(11h)).sla == counts({2, 2, 0}, {0, 2, 2}));
        CHECK(d.stats(std::nullopt, at(51h)).sla == counts({2, 2, 0}, {0, 3, 1}));

        const auto all = d.stats(std::nullopt, at(3h));
        CHECK(all.total == 5);
        CHECK(all.sla_by_priority == by_key{{"High", counts({1, 1, 0}, {0, 1, 1})},
                                            {"Low", counts({0, 1, 0}, {0, 0, 1})},
                                            {"Critical", counts({1, 0, 0}, {0, 0, 1})}});
        CHECK(all.sla_by_department ==
              by_key{{it, counts({2, 1, 0}, {0, 1, 2})}, {asset, counts({0, 1, 0}, {0, 0, 1})}});
    }

    SUBCASE("an owner's stats cover their tickets only") {
        const auto alices = d.stats(alice, at(3h));
        CHECK(alices.sla == counts({1, 1, 0}, {0, 1, 1}));
        CHECK(alices.sla_by_department ==
              by_key{{it, counts({1, 0, 0}, {0, 1, 0})}, {asset, counts({0, 1, 0}, {0, 0, 1})}});
        const auto bobs = d.stats(bob, at(11h));
        CHECK(bobs.sla == counts({1, 1, 0}, {0, 1, 1}));
        CHECK(bobs.sla_by_priority ==
              by_key{{"High", counts({0, 1, 0}, {0, 0, 1})}, {"Critical", counts({1, 0, 0}, {0, 1, 0})}});
        CHECK(d.stats(bob + 1000, at(11h)).sla == sla_compliance{});
    }

    SUBCASE("a ticket counts under its current priority and department, and its current measurement") {
        // c moves to Low in Asset, which moves its response due date to 6h.
        c = d.change(c, [&](ticket& t) {
            t.ticket_priority = priority::low;
            t.department = asset;
            t.sla.first_response = running(at(6h));
        });
        // b is resolved in time; e is no longer measured.
        (void)d.change(b, [](ticket& t) { t.sla.resolution = stopped(at(50h), at(40h)); });
        e = d.change(e, [](ticket& t) { t.sla = {}; });
        (void)d.change(a, [](ticket& t) { t.status = helpdesk::ticket_status::closed; }); // no SLA change

        const auto all = d.stats(std::nullopt, at(3h));
        CHECK(all.sla == counts({1, 1, 1}, {1, 1, 1}));
        CHECK(all.sla_by_priority ==
              by_key{{"High", counts({1, 0, 0}, {0, 1, 0})}, {"Low", counts({0, 1, 1}, {1, 0, 1})}});
        CHECK(all.sla_by_department ==
              by_key{{it, counts({1, 0, 0}, {0, 1, 0})}, {asset, counts({0, 1, 1}, {1, 0, 1})}});
        CHECK(d.stats(std::nullopt, at(7h)).sla == counts({1, 2, 0}, {1, 1, 1}));
        CHECK(d.stats(bob, at(7h)).sla == counts({0, 1, 0}, {0, 0, 1}));
        CHECK(d.stats(bob, at(7h)).sla_by_priority == by_key{{"Low", counts({0, 1, 0}, {0, 0, 1})}});

        // Measured again: counted again, under its key.
        (void)d.change(e, [&](ticket& t) {
            t.sla.policy_version = 2;
            t.sla.first_response = running(at(8h));
            t.sla.resolution = running(at(9h));
        });
        CHECK(d.stats(std::nullopt, at(7h)).sla == counts({1, 2, 1}, {1, 1, 2}));
        CHECK(d.stats(std::nullopt, at(9h) + 1us).sla == counts({1, 3, 0}, {1, 2, 1}));
        CHECK(d.stats(bob, at(9h) + 1us).sla_by_priority.at("Critical") == counts({0, 1, 0}, {0, 1, 0}));
    }
}

TEST_CASE_TEMPLATE_APPLY(sla_compliance_id, all_store_factories);

#ifdef HELPDESK_WITH_POSTGRES
TEST_CASE("postgres: step 13 fills the SLA compliance aggregate from the tickets measured before it") {
    try {
        postgres_factory factory;
        helpdesk::account_id owner = 0;
        {
            auto s = factory.open();
            owner = add_account(*s, make_account(1)).id;
            measured_desk d{*s};
            (void)d.add(owner, priority::high, "IT Department", stopped(at(1h), at(2h)), running(at(5h)));
            (void)add_ticket(*s, owner, at()); // never measured
        }
        const auto& schema = factory.schema();
        (void)factory.run("DROP TABLE " + schema + ".sla_compliance_stats; DROP INDEX " + schema +
                          ".tickets_by_first_response_overdue, " + schema +
                          ".tickets_by_owner_first_response_overdue, " + schema +
                          ".tickets_by_resolution_overdue, " + schema +
                          ".tickets_by_owner_resolution_overdue, " + schema +
                          ".tickets_breached_by_submission; DELETE FROM " + schema +
                          ".schema_version WHERE version >= 13"); // and step 14, which follows it
        auto s = factory.open();
        measured_desk d{*s};
        CHECK(d.stats(std::nullopt, at(4h)).sla == counts({0, 1, 0}, {0, 0, 1}));
        CHECK(d.stats(owner, at(6h)).sla == counts({0, 1, 0}, {0, 1, 0}));
        CHECK(d.stats(owner, at(6h)).sla_by_priority.size() == 1);
    } catch (const postgres_unconfigured&) {
    }
}
#endif
