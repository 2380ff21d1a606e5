// SLA standing over HTTP: every ticket view carries the due dates and the
// states, and lists filter and order by them, as the engine's clock moves.
#include "api_checks.hpp"

#include <helpdesk/time.hpp>

using namespace http_test;
using namespace std::chrono_literals;

namespace {

/// The ids of a list response's rows, in order.
std::vector<std::int64_t> ids_in(const reply& r) {
    REQUIRE_MESSAGE(r.status == 200, r.body);
    std::vector<std::int64_t> ids;
    const auto doc = r.json();
    for (const auto& row : doc.at("results").as_array()) {
        ids.push_back(row.at("id").as_int64());
    }
    return ids;
}

} // namespace

HTTP_TEST_CASE("SLA - views carry due dates and states, ?sla= and ?ordering= follow them as time passes") {
    const auto [admin, coordinator, alice] = f.cast();
    auto& tickets = f.desk().tickets();
    const helpdesk::approve_request critical{.priority = "Critical", .department = "IT Department"};
    const auto late = f.ticket(alice, "Server room too hot").at("id").as_int64();
    const auto held = f.ticket(alice, "Badge reader broken").at("id").as_int64();
    tickets.approve(coordinator.id, late, critical);
    tickets.approve(coordinator.id, held, critical);

    // Critical: 1 h to the first response (met by the approval), 4 h to
    // resolution, around the clock, at risk from 75 %.
    auto detail = web.get("/api/tickets/" + std::to_string(late) + "/", alice.access);
    REQUIRE_MESSAGE(detail.status == 200, detail.body);
    auto view = detail.json().as_object();
    const auto submitted = helpdesk::parse_rfc3339(view.at("submit_date").as_string());
    REQUIRE(submitted);
    CHECK(view.at("first_response_due").as_string() == helpdesk::to_rfc3339(*submitted + 1h));
    CHECK(view.at("resolution_due").as_string() == helpdesk::to_rfc3339(*submitted + 4h));
    CHECK(view.at("sla").at("state") == "on_track");
    CHECK(view.at("sla").at("first_response") == "met");
    CHECK(view.at("sla").at("resolution") == "on_track");
    CHECK(view.at("sla").at("policy_version") == 1);
    CHECK(ids_in(web.get("/api/tickets/?sla=on_track", admin.access)).size() == 2);
    CHECK(ids_in(web.get("/api/tickets/?sla=breached", admin.access)).empty());

    // The other one waits on hold: its resolution clock stands still.
    tickets.claim(coordinator.id, held);
    tickets.update_status(coordinator.id, held, "On Hold");
    const auto paused = ids_in(web.get("/api/tickets/?sla=paused", coordinator.access));
    CHECK(paused == std::vector<std::int64_t>{held});
    view = web.get("/api/tickets/" + std::to_string(held) + "/", coordinator.access).json().as_object();
    CHECK(view.at("resolution_due").is_null());
    CHECK(view.at("sla").at("resolution") == "paused");

    f.travel(3h + 10min);
    CHECK(ids_in(web.get("/api/tickets/?sla=at_risk", admin.access)) == std::vector<std::int64_t>{late});
    const auto row = web.get("/api/tickets/?sla=at_risk", admin.access).json().at("results").at(0);
    CHECK(row.at("sla").at("resolution") == "at_risk");
    CHECK(row.at("resolution_due").is_string());

    f.travel(1h);
    CHECK(ids_in(web.get("/api/tickets/?sla=breached", admin.access)) == std::vector<std::int64_t>{late});
    CHECK(ids_in(web.get("/api/tickets/?sla=paused", admin.access)) == std::vector<std::int64_t>{held});
    // Due first; the ticket without a due date last, whichever way.
    CHECK(ids_in(web.get("/api/tickets/?ordering=resolution_due", admin.access)) ==
          std::vector<std::int64_t>{late, held});
    CHECK(ids_in(web.get("/api/tickets/?ordering=-resolution_due", admin.access)) ==
          std::vector<std::int64_t>{held, late});
    // Cursor pages walk the same order.
    auto first_page = web.get("/api/tickets/?ordering=resolution_due&page_size=1&cursor=", admin.access);
    CHECK(ids_in(first_page) == std::vector<std::int64_t>{late});
    const auto next = std::string{first_page.json().at("next").as_string()};
    CHECK(ids_in(web.get(next.substr(next.find("/api/")), admin.access)) == std::vector<std::int64_t>{held});

    // Resolved late stays breached; the filter combines with the others.
    tickets.claim(coordinator.id, late);
    tickets.update_status(coordinator.id, late, "Resolved");
    view = web.get("/api/tickets/" + std::to_string(late) + "/", alice.access).json().as_object();
    CHECK(view.at("sla").at("state") == "breached");
    CHECK(ids_in(web.get("/api/tickets/?sla=breached&status=Resolved", admin.access)) ==
          std::vector<std::int64_t>{late});
    CHECK(ids_in(web.get("/api/tickets/?sla=breached&status=Open", admin.access)).empty());
    // An employee's own list filters alike.
    CHECK(ids_in(web.get("/api/tickets/?sla=breached", alice.access)) == std::vector<std::int64_t>{late});
}
