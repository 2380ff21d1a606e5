// The end-to-end path a person takes with curl: sign up, approval, login,
// a ticket with a file, approve, claim, resolve, close.
#include "request_bodies.hpp"

using namespace http_test;

HTTP_TEST_CASE("the README curl session works end to end over HTTP") {
    CHECK(web.get("/healthz").status == 200);
    CHECK(web.get("/readyz").status == 200);

    const auto [admin, coordinator, alice] = f.cast();

    auto created = web.post_form(
        "/api/tickets/", ticket_form_with_png("Laptop screen flickers", "Since this morning."), alice.access);
    REQUIRE_MESSAGE(created.status == 201, created.body);
    const auto ticket = created.json().as_object();
    const auto id = std::to_string(ticket.at("id").as_int64());
    CHECK(ticket.at("status").as_string() == "New");
    CHECK(ticket.at("employee").as_object().at("first_name").as_string() == "Alice");
    REQUIRE(ticket.at("attachments").as_array().size() == 1);
    const auto download = std::string{ticket.at("attachments").as_array()[0].as_object().at("download_url").as_string()};
    const auto file = web.get(download);
    CHECK(file.status == 200);
    CHECK(file.body == tiny_png());
    CHECK(file.header("Content-Type") == "image/png");

    auto approved = web.post("/api/tickets/" + id + "/approve/", {{"priority", "High"}}, coordinator.access,
                             {{"If-Match", "1"}});
    REQUIRE_MESSAGE(approved.status == 200, approved.body);
    CHECK(approved.text("status") == "Open");
    auto stale = web.post("/api/tickets/" + id + "/claim/", boost::json::object{}, coordinator.access,
                          {{"If-Match", "1"}});
    CHECK(stale.status == 412);
    CHECK(stale.text("error") == "precondition_failed");
    auto claimed = web.post("/api/tickets/" + id + "/claim/", boost::json::object{}, coordinator.access);
    REQUIRE_MESSAGE(claimed.status == 200, claimed.body);
    CHECK(claimed.json().at("assigned_to").at("id").as_int64() == coordinator.id);
    auto resolved = web.post("/api/tickets/" + id + "/update-status/", {{"status", "Resolved"}}, coordinator.access);
    REQUIRE_MESSAGE(resolved.status == 200, resolved.body);
    auto closed = web.post("/api/tickets/" + id + "/close/", boost::json::object{}, alice.access);
    REQUIRE_MESSAGE(closed.status == 200, closed.body);
    CHECK(closed.text("status") == "Closed");
    (void)admin;
}
