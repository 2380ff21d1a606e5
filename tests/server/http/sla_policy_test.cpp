// The SLA policy over HTTP: System Admins read it and store new versions;
// tickets keep the version they were measured under until an admin
// re-applies the current one. Refusals change nothing.
#include "api_checks.hpp"

#include <helpdesk/time.hpp>

using namespace http_test;
using namespace http_test::routes;
using namespace std::chrono_literals;

namespace {

const boost::json::object two_hour_critical{
    {"targets", {{"Critical", {{"resolution", {{"amount", 2}, {"unit", "hours"}}}}}}}};

std::string due_of(client& web, std::int64_t id, const std::string& token) {
    const auto r = web.get("/api/tickets/" + std::to_string(id) + "/", token);
    REQUIRE_MESSAGE(r.status == 200, r.body);
    return std::string{r.json().at("resolution_due").as_string()};
}

} // namespace

HTTP_TEST_CASE("SLA policy - admins read and change it, each change is a version, refusals store nothing") {
    const auto [admin, coordinator, alice] = f.cast();

    auto shown = web.get("/api/sla/policy/", admin.access);
    REQUIRE_MESSAGE(shown.status == 200, shown.body);
    CHECK(shown.number("version") == 0); // the built-in defaults, nothing stored yet
    CHECK(shown.json().at("calendar").at("time_zone") == "UTC");
    CHECK(shown.json().at("targets").at("Critical").at("resolution").at("amount") == 4);
    CHECK(shown.json().at("pausing_statuses") == boost::json::array{"On Hold", "Pending"});

    // Only System Admins.
    check_error(web.get("/api/sla/policy/", coordinator.access), 403, "permission_denied");
    check_error(web.patch("/api/sla/policy/", two_hour_critical, coordinator.access), 403, "permission_denied");
    check_error(web.get("/api/sla/policy/", alice.access), 403, "permission_denied");
    check_error(web.get("/api/sla/policy/", ""), 401, "unauthenticated");

    // Bad values and unknown members are named; nothing is stored.
    check_field_error(web.patch("/api/sla/policy/", {{"calendar", {{"time_zone", "Mars/Olympus"}}}}, admin.access),
                      400, "invalid_argument", "calendar.time_zone");
    check_field_error(web.patch("/api/sla/policy/", {{"at_risk_percent", 150}}, admin.access), 400,
                      "invalid_argument", "at_risk_percent");
    check_field_error(web.patch("/api/sla/policy/", {{"colour", "red"}}, admin.access), 400, "invalid_argument",
                      "colour");
    check_field_error(
        web.patch("/api/sla/policy/", {{"calendar", {{"week", {{"monday", {{{"start", "9am"}, {"end", "17:00"}}}}}}}}},
                  admin.access),
        400, "invalid_argument", "calendar.week.monday[0].start");
    CHECK(web.get("/api/sla/policy/", admin.access).number("version") == 0);

    // A ticket raised now is measured under the defaults, stored as version 1.
    const auto old_ticket = f.ticket(alice, "Mail server down").at("id").as_int64();
    f.desk().tickets().approve(coordinator.id, old_ticket, {.priority = "Critical", .department = "IT Department"});
    CHECK(web.get("/api/sla/policy/", admin.access).number("version") == 1);
    const auto old_due = due_of(web, old_ticket, admin.access);

    auto changed = web.patch("/api/sla/policy/", two_hour_critical, admin.access);
    REQUIRE_MESSAGE(changed.status == 200, changed.body);
    CHECK(changed.number("version") == 2);
    CHECK(changed.json().at("created_by") == admin.id);
    CHECK(changed.json().at("targets").at("Critical").at("resolution").at("amount") == 2);
    // What was not sent is kept.
    CHECK(changed.json().at("targets").at("Critical").at("first_response").at("amount") == 1);
    CHECK(changed.json().at("targets").at("High") == shown.json().at("targets").at("High"));

    // The old ticket keeps version 1 ...
    CHECK(due_of(web, old_ticket, admin.access) == old_due);
    // ... a new one is measured under version 2.
    const auto new_ticket = f.ticket(alice, "Mail server down again");
    const auto new_id = new_ticket.at("id").as_int64();
    f.desk().tickets().approve(coordinator.id, new_id, {.priority = "Critical", .department = "IT Department"});
    const auto submitted = helpdesk::parse_rfc3339(new_ticket.at("submit_date").as_string());
    REQUIRE(submitted);
    CHECK(due_of(web, new_id, admin.access) == helpdesk::to_rfc3339(*submitted + 2h));
}

HTTP_TEST_CASE("SLA policy - re-applying moves a ticket to the current version, once, in its history") {
    const auto [admin, coordinator, alice] = f.cast();
    const auto raised = f.ticket(alice, "Projector flickers");
    const auto id = raised.at("id").as_int64();
    const auto path = "/api/tickets/" + std::to_string(id) + "/reapply-sla/";
    f.desk().tickets().approve(coordinator.id, id, {.priority = "Critical", .department = "IT Department"});
    REQUIRE(web.patch("/api/sla/policy/", two_hour_critical, admin.access).status == 200);
    const auto submitted = helpdesk::parse_rfc3339(raised.at("submit_date").as_string());
    REQUIRE(submitted);
    CHECK(due_of(web, id, admin.access) == helpdesk::to_rfc3339(*submitted + 4h));

    // Only System Admins; a stale If-Match is refused; neither changes it.
    check_error(web.post(path, boost::json::object{}, coordinator.access), 403, "permission_denied");
    check_error(web.post(path, boost::json::object{}, admin.access, {{"If-Match", "\"1\""}}), 412,
                "precondition_failed");
    check_error(web.post("/api/tickets/999999/reapply-sla/", boost::json::object{}, admin.access), 404, "not_found");
    CHECK(due_of(web, id, admin.access) == helpdesk::to_rfc3339(*submitted + 4h));

    auto reapplied = web.post(path, boost::json::object{}, admin.access);
    REQUIRE_MESSAGE(reapplied.status == 200, reapplied.body);
    CHECK(reapplied.json().at("sla").at("policy_version") == 2);
    CHECK(reapplied.text("resolution_due") == helpdesk::to_rfc3339(*submitted + 2h));
    const auto version = reapplied.number("version");

    // Once: again changes nothing.
    auto again = web.post(path, boost::json::object{}, admin.access);
    REQUIRE(again.status == 200);
    CHECK(again.number("version") == version);

    const auto history = web.get("/api/tickets/" + std::to_string(id) + "/history/", alice.access);
    REQUIRE(history.status == 200);
    int reapplied_rows = 0;
    const auto doc = history.json();
    for (const auto& row : doc.at("results").as_array()) {
        if (row.at("kind") == "sla_reapplied") {
            ++reapplied_rows;
            CHECK(row.at("old_value") == "1");
            CHECK(row.at("new_value") == "2");
        }
    }
    CHECK(reapplied_rows == 1);
}
