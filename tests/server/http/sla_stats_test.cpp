// SLA compliance in the stats over HTTP: met, breached and pending per
// target, overall, per priority and per department, as the engine's clock
// moves on; employees see their own tickets.
#include "api_checks.hpp"

using namespace http_test;
using namespace std::chrono_literals;

namespace {

/// `{"met": .., "breached": .., "pending": ..}` of one target.
boost::json::object figures(std::int64_t met, std::int64_t breached, std::int64_t pending) {
    return {{"met", met}, {"breached", breached}, {"pending", pending}};
}

/// The `sla` member of the caller's stats.
boost::json::object sla_of(client& web, const std::string& access) {
    const auto r = web.get("/api/tickets/stats/", access);
    REQUIRE_MESSAGE(r.status == 200, r.body);
    return r.json().at("sla").as_object();
}

} // namespace

HTTP_TEST_CASE("SLA - the stats report compliance per target, priority and department as time passes") {
    const auto [admin, coordinator, alice] = f.cast();
    const auto bob = f.account("Bob");
    auto& tickets = f.desk().tickets();
    const helpdesk::approve_request critical{.priority = "Critical", .department = "IT Department"};
    const auto late = f.ticket(alice, "Server room too hot").at("id").as_int64();
    const auto held = f.ticket(alice, "Badge reader broken").at("id").as_int64();
    f.ticket(bob, "Monitor flickers"); // New: both clocks run
    // Critical: 1 h to the first response (met by the approval), 4 h to resolution, around the clock.
    tickets.approve(coordinator.id, late, critical);
    tickets.approve(coordinator.id, held, critical);
    tickets.claim(coordinator.id, held);
    tickets.update_status(coordinator.id, held, "On Hold"); // its resolution clock stands still

    auto sla = sla_of(web, admin.access);
    CHECK(sla.at("first_response") == figures(2, 0, 1));
    CHECK(sla.at("resolution") == figures(0, 0, 3));

    f.travel(4h + 1min);
    sla = sla_of(web, coordinator.access);
    CHECK(sla.at("first_response") == figures(2, 0, 1));
    CHECK(sla.at("resolution") == figures(0, 1, 2)); // breached before the ticket ended
    const boost::json::object critical_figures{{"first_response", figures(2, 0, 0)},
                                               {"resolution", figures(0, 1, 1)}};
    CHECK(sla.at("by_priority").at("Critical") == critical_figures);
    const boost::json::object it_figures{{"first_response", figures(2, 0, 1)},
                                         {"resolution", figures(0, 1, 2)}};
    CHECK(sla.at("by_department").at("IT Department") == it_figures); // the New ticket's department too
    CHECK(sla.at("by_priority").as_object().size() == 2);             // Critical, and the New ticket's

    // Resolved late: still breached, now for good.
    tickets.claim(coordinator.id, late);
    tickets.update_status(coordinator.id, late, "Resolved");
    f.travel(1h);
    CHECK(sla_of(web, admin.access).at("resolution") == figures(0, 1, 2));

    // Employees: their own tickets only.
    const auto alices = sla_of(web, alice.access);
    CHECK(alices.at("first_response") == figures(2, 0, 0));
    CHECK(alices.at("resolution") == figures(0, 1, 1));
    CHECK(alices.at("by_priority").as_object().size() == 1);
    const auto bobs = sla_of(web, bob.access);
    CHECK(bobs.at("resolution").at("met").as_int64() + bobs.at("resolution").at("breached").as_int64() +
              bobs.at("resolution").at("pending").as_int64() ==
          1);
    CHECK(bobs.at("by_department").as_object().size() == 1);
}
