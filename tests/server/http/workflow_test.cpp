// The external workflow system's status push (docs/product.md#workflow-system): authenticated by the
// X-API-Key header only (docs/product.md#sessions-and-tokens), with a key stored in the engine,
// validated like update-status.
#include "api_checks.hpp"
#include "request_bodies.hpp"

using namespace http_test;
using namespace http_test::routes;

namespace {

std::string status_path(const boost::json::object& t) {
    return "/api/workflow/tickets/" + std::string{t.at("ticket_number").as_string()} + "/status/";
}

reply push(client& web, const std::string& path, const boost::json::value& body, header_list headers) {
    headers.emplace_back("Content-Type", "application/json");
    return web.send(http::verb::post, path, boost::json::serialize(body), headers);
}

} // namespace

HTTP_TEST_CASE("workflow status push with the X-API-Key header moves the ticket and records the source") {
    const auto coordinator = f.account("Cora", "Ticket Coordinator");
    const auto alice = f.account("Alice");
    const auto t = approved_ticket(f, alice, coordinator);
    const auto path = status_path(t);
    const auto workflow_key = f.workflow_key("Field robot");

    auto r = push(web, path, {{"status", "In Progress"}, {"comment", "Picked up by the robot."}},
                  {{"X-API-Key", workflow_key}});
    REQUIRE_MESSAGE(r.status == 200, r.body);
    CHECK(r.text("status") == "In Progress");
    CHECK(r.json().at("id") == t.at("id"));
    CHECK(r.number("version") == t.at("version").as_int64() + 1);
    CHECK(r.json().at("employee").is_object());
    CHECK(r.json().at("employee").at("id").as_int64() == alice.id);
    // One ticket shape everywhere: the owner is a person, not a bare id.
    CHECK(r.json().at("employee").as_object().contains("first_name"));
    CHECK(r.json().at("employee").as_object().contains("last_name"));
    CHECK(r.header("Cache-Control") == "no-store");

    // The owner sees the change and where it came from.
    const auto comments = web.get("/api/tickets/" + id_of(t) + "/comments/", alice.access);
    REQUIRE(comments.status == 200);
    CHECK(comments.body.find("Status changed from Open to In Progress by the workflow system (key Field robot).") !=
          std::string::npos);
    CHECK(comments.body.find("Picked up by the robot.") != std::string::npos);
    // Header names are case-insensitive.
    auto resolved = push(web, path, {{"status", "Resolved"}}, {{"x-api-key", workflow_key}});
    REQUIRE_MESSAGE(resolved.status == 200, resolved.body);
    CHECK(resolved.text("status") == "Resolved");
}

HTTP_TEST_CASE("workflow status push without the right key is 401 and changes nothing") {
    const auto coordinator = f.account("Cora", "Ticket Coordinator");
    const auto admin = f.admin();
    const auto alice = f.account("Alice");
    const auto t = approved_ticket(f, alice, coordinator);
    const auto path = status_path(t);
    const boost::json::object body{{"status", "In Progress"}};
    const auto workflow_key = f.workflow_key();
    std::string one_off = workflow_key;
    one_off.back() = one_off.back() == '0' ? '1' : '0';

    check_error(push(web, path, body, {}), 401, "unauthenticated");
    check_error(push(web, path, body, {{"X-API-Key", one_off}}), 401, "unauthenticated");
    check_error(push(web, path, body, {{"X-API-Key", "hdk_" + std::string(48, '0')}}), 401, "unauthenticated");
    check_error(push(web, path, body, {{"X-API-Key", workflow_key + "x"}}), 401, "unauthenticated");
    check_error(push(web, path, body, {{"X-API-Key", ""}}), 401, "unauthenticated");
    check_error(push(web, path, body, {{"X-API-Key", workflow_key.substr(0, 10)}}), 401, "unauthenticated");
    // The key in the URL is not a key, nor is any other header or a staff token.
    for (const auto* name : {"api_key", "X-API-Key", "key", "apikey"}) {
        check_error(push(web, path + "?" + name + "=" + workflow_key, body, {}), 401, "unauthenticated");
    }
    check_error(push(web, path, body, {{"Authorization", "Bearer " + workflow_key}}), 401, "unauthenticated");
    check_error(push(web, path, body, {{"Authorization", "Bearer " + admin.access}}), 401, "unauthenticated");
    check_error(push(web, path, body, {{"X-Api-Token", workflow_key}}), 401, "unauthenticated");
    // The refusal comes before the ticket is looked up: no existence leak.
    check_error(push(web, "/api/workflow/tickets/TX999999/status/", body, {}), 401, "unauthenticated");

    const auto now = web.get("/api/tickets/" + id_of(t) + "/", coordinator.access).json().as_object();
    CHECK(now == t);
}

HTTP_TEST_CASE("workflow status push: a store without keys refuses every push") {
    const auto coordinator = f.account("Cora", "Ticket Coordinator");
    const auto alice = f.account("Alice");
    const auto t = approved_ticket(f, alice, coordinator);
    // Shaped like a key, and like what the old configured key looked like: neither is stored.
    for (const std::string& tried : {"hdk_" + std::string(48, 'a'), std::string{"workflow-key-0123456789"}, std::string{}}) {
        CAPTURE(tried);
        check_error(push(f.http(), status_path(t), {{"status", "In Progress"}}, {{"X-API-Key", tried}}), 401,
                    "unauthenticated");
    }
    const auto now = f.http().get("/api/tickets/" + id_of(t) + "/", coordinator.access).json().as_object();
    CHECK(now == t);
}

HTTP_TEST_CASE("workflow status push: unknown tickets are 404, illegal or unknown statuses refused") {
    const auto coordinator = f.account("Cora", "Ticket Coordinator");
    const auto alice = f.account("Alice");
    const auto workflow_key = f.workflow_key();
    const header_list key{{"X-API-Key", workflow_key}};

    check_error(push(web, "/api/workflow/tickets/TX999999/status/", {{"status", "In Progress"}}, key), 404, "not_found");
    check_error(push(web, "/api/workflow/tickets/nonsense/status/", {{"status", "In Progress"}}, key), 404, "not_found");

    const auto fresh = f.ticket(alice);
    const auto open = approved_ticket(f, alice, coordinator);
    // Not an edge: a New ticket cannot be resolved, an Open one cannot be closed.
    const auto jump = push(web, status_path(fresh), {{"status", "Resolved"}}, key);
    check_error(jump, 409, "invalid_state");
    CHECK(jump.text("detail").find("New") != std::string::npos);
    check_error(push(web, status_path(open), {{"status", "Closed"}}, key), 409, "invalid_state");
    check_error(push(web, status_path(open), {{"status", "Rejected"}}, key), 409, "invalid_state");
    check_field_error(push(web, status_path(open), {{"status", "Teleported"}}, key), 400, "invalid_argument", "status");
    check_field_error(push(web, status_path(open), boost::json::object{}, key), 400, "invalid_argument", "status");
    check_field_error(push(web, status_path(open), {{"status", 3}}, key), 400, "invalid_argument", "status");
    check_error(web.send(http::verb::post, status_path(open), "status=Open",
                         {{"X-API-Key", workflow_key}, {"Content-Type", "application/x-www-form-urlencoded"}}),
                415, "unsupported_media_type");
    const auto fresh_now = web.get("/api/tickets/" + id_of(fresh) + "/", coordinator.access).json();
    CHECK(fresh_now.at("status").as_string() == "New");
    CHECK(fresh_now.at("version") == fresh.at("version"));
    const auto open_now = web.get("/api/tickets/" + id_of(open) + "/", coordinator.access).json().as_object();
    CHECK(open_now == open);

    // Out of a terminal state: nothing moves a Closed ticket.
    auto& tickets = f.desk().tickets();
    const auto id = open.at("id").as_int64();
    tickets.claim(coordinator.id, id);
    tickets.update_status(coordinator.id, id, "Resolved");
    tickets.close(alice.id, id);
    for (const std::string to : {"Open", "In Progress", "Resolved"}) {
        CAPTURE(to);
        check_error(push(web, status_path(open), {{"status", to}}, key), 409, "invalid_state");
    }
    CHECK(web.get("/api/tickets/" + id_of(open) + "/", coordinator.access).json().at("status").as_string() == "Closed");
}
