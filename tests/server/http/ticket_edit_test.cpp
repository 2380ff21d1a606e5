// PATCH /api/tickets/{id}/ over HTTP: staff edit an approved ticket's fields
// and unassign it with If-Match and ETag like every ticket mutation; the due
// dates follow a new priority; every refusal in the one error shape and
// changing nothing.
#include "api_checks.hpp"

#include <helpdesk/time.hpp>

using namespace http_test;
using namespace http_test::routes;
using namespace std::chrono_literals;

namespace {

std::string ticket_path(std::int64_t id) { return "/api/tickets/" + std::to_string(id) + "/"; }

reply edit(client& web, std::int64_t id, const boost::json::object& body, const std::string& token,
           std::optional<std::string> if_match = std::nullopt) {
    auto headers = bearer(token);
    headers.emplace_back("Content-Type", "application/json");
    if (if_match) {
        headers.emplace_back("If-Match", *if_match);
    }
    return web.send(http::verb::patch, ticket_path(id), boost::json::serialize(body), headers);
}

/// How many rows a list route answers.
std::size_t rows_of(client& web, const std::string& target, const std::string& token) {
    const auto page = web.get(target, token);
    REQUIRE_MESSAGE(page.status == 200, page.body);
    const auto doc = page.json();
    return doc.at("results").as_array().size();
}

/// The ticket's version and history length as staff read them.
std::pair<std::int64_t, std::size_t> state_of(client& web, std::int64_t id, const std::string& token) {
    const auto detail = web.get(ticket_path(id), token);
    REQUIRE_MESSAGE(detail.status == 200, detail.body);
    return {detail.number("version"), rows_of(web, ticket_path(id) + "history/?page_size=100", token)};
}

} // namespace

HTTP_TEST_CASE("ticket edit - PATCH changes several fields in one version, answers the detail view with its ETag") {
    const auto [admin, coordinator, alice] = f.cast();
    const auto id = f.ticket(alice).at("id").as_int64();
    (void)f.desk().tickets().approve(coordinator.id, id, {});
    const auto [version, rows] = state_of(web, id, coordinator.access);

    const auto changed = edit(web, id,
                              {{"priority", "High"},
                               {"department", "Asset Department"},
                               {"category", "Asset Category"},
                               {"sub_category", "Asset Check-out"}},
                              coordinator.access, "\"" + std::to_string(version) + "\"");
    REQUIRE_MESSAGE(changed.status == 200, changed.body);
    CHECK(changed.number("version") == version + 1);
    CHECK(changed.header("ETag") == "\"" + std::to_string(version + 1) + "\"");
    CHECK(changed.text("priority") == "High");
    CHECK(changed.text("department") == "Asset Department");
    CHECK(changed.text("category") == "Asset Category");
    CHECK(changed.text("sub_category") == "Asset Check-out");
    CHECK(changed.json().as_object().contains("comments")); // the detail view
    CHECK(state_of(web, id, coordinator.access) == std::pair{version + 1, rows + 4});

    // The owner reads the same rows, old and new values included.
    const auto history = web.get(ticket_path(id) + "history/?page_size=100", alice.access);
    REQUIRE(history.status == 200);
    const auto doc = history.json();
    bool saw_category = false;
    for (const auto& row : doc.at("results").as_array()) {
        if (row.at("kind") == "category_changed") {
            saw_category = row.at("old_value") == "IT Category" && row.at("new_value") == "Asset Category";
        }
    }
    CHECK(saw_category);

    // The same values again: nothing written, the same version.
    const auto again = edit(web, id, {{"priority", "High"}}, admin.access);
    REQUIRE_MESSAGE(again.status == 200, again.body);
    CHECK(again.number("version") == version + 1);
    CHECK(state_of(web, id, coordinator.access) == std::pair{version + 1, rows + 4});
}

HTTP_TEST_CASE("ticket edit - assigned_to null unassigns: In Progress goes back to Open") {
    const auto [admin, coordinator, alice] = f.cast();
    const auto id = f.ticket(alice).at("id").as_int64();
    (void)f.desk().tickets().approve(coordinator.id, id, {});
    const auto claimed = f.desk().tickets().claim(coordinator.id, id).item;
    auto shown = web.get(ticket_path(id), coordinator.access).json();
    const auto& offered = shown.at("actions").as_array();
    CHECK(std::find(offered.begin(), offered.end(), boost::json::value("unassign")) != offered.end());
    CHECK(std::find(offered.begin(), offered.end(), boost::json::value("edit_ticket")) != offered.end());

    const auto back = edit(web, id, {{"assigned_to", nullptr}}, admin.access, std::to_string(claimed.version));
    REQUIRE_MESSAGE(back.status == 200, back.body);
    CHECK(back.text("status") == "Open");
    CHECK(back.json().at("assigned_to").is_null());
    CHECK(back.number("version") == claimed.version + 1);
    CHECK(rows_of(web, "/api/tickets/open/", coordinator.access) == 1);
}

HTTP_TEST_CASE("ticket edit - a new priority moves the due dates") {
    const auto [admin, coordinator, alice] = f.cast();
    const auto id = f.ticket(alice).at("id").as_int64();
    (void)f.desk().tickets().approve(coordinator.id, id, {.priority = "Low", .department = "IT Department"});
    const auto before = web.get(ticket_path(id), coordinator.access).json().as_object();
    const auto submitted = helpdesk::parse_rfc3339(before.at("submit_date").as_string());
    REQUIRE(submitted);
    f.travel(30min);
    const auto critical = edit(web, id, {{"priority", "Critical"}}, coordinator.access);
    REQUIRE_MESSAGE(critical.status == 200, critical.body);
    const auto view = critical.json().as_object();
    CHECK(view.at("resolution_due") != before.at("resolution_due"));
    // Critical: 1 h / 4 h around the clock from submission.
    CHECK(view.at("first_response_due").as_string() == helpdesk::to_rfc3339(*submitted + 1h));
    CHECK(view.at("resolution_due").as_string() == helpdesk::to_rfc3339(*submitted + 4h));
    f.travel(4h);
    CHECK(rows_of(web, "/api/tickets/?sla=breached", admin.access) == 1);
}

HTTP_TEST_CASE("ticket edit - refusals in the one error shape change nothing") {
    const auto [admin, coordinator, alice] = f.cast();
    const auto id = f.ticket(alice).at("id").as_int64();
    const auto fresh = f.ticket(alice, "Still new").at("id").as_int64();
    (void)f.desk().tickets().approve(coordinator.id, id, {});
    const auto start = state_of(web, id, coordinator.access);

    check_error(edit(web, id, {{"priority", "High"}}, alice.access), 403, "permission_denied");
    check_error(web.send(http::verb::patch, ticket_path(id), R"({"priority":"High"})",
                         {{"Content-Type", "application/json"}}),
                401, "unauthenticated");
    check_error(edit(web, fresh, {{"priority", "High"}}, coordinator.access), 409, "invalid_state");
    check_field_error(edit(web, id, {{"priority", "Urgent"}}, coordinator.access), 400, "invalid_argument", "priority");
    check_field_error(edit(web, id, {{"department", "Sales"}}, coordinator.access), 400, "invalid_argument",
                      "department");
    check_field_error(edit(web, id, {{"category", "Budget Category"}}, coordinator.access), 400, "invalid_argument",
                      "sub_category");
    check_field_error(edit(web, id, {{"priority", 3}}, coordinator.access), 400, "invalid_argument", "priority");
    check_field_error(edit(web, id, {{"status", "Closed"}, {"priority", "High"}}, coordinator.access), 400,
                      "invalid_argument", "status");
    check_field_error(edit(web, id, {{"assigned_to", coordinator.id}}, coordinator.access), 400, "invalid_argument",
                      "assigned_to");
    check_error(edit(web, id, {{"priority", "High"}}, coordinator.access, "\"1\""), 412, "precondition_failed");
    check_error(edit(web, 999999, {{"priority", "High"}}, coordinator.access), 404, "not_found");
    CHECK(state_of(web, id, coordinator.access) == start);

    const auto withdrawn = f.desk().tickets().withdraw(alice.id, id).item;
    check_error(edit(web, id, {{"priority", "High"}}, coordinator.access), 409, "invalid_state");
    CHECK(state_of(web, id, coordinator.access).first == withdrawn.version);
}
