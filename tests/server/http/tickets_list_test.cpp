// Reading tickets over HTTP: the list with every filter, what an employee may
// see, and the detail by id and by TX number.
#include "api_checks.hpp"
#include "request_bodies.hpp"

#include <set>

using namespace http_test;
using namespace http_test::routes;

HTTP_TEST_CASE(
    "ticket list filters: status, priority, department, category, search, employee, assigned_to, dates") {
    const auto [admin, coordinator, alice] = f.cast();
    const auto bob = f.account("Bob");
    auto& tickets = f.desk().tickets();

    const auto a_new = f.ticket(alice, "Printer jams daily");
    const auto a_open = f.ticket(alice, "Laptop battery swollen");
    auto asset = ticket_body("Return the projector");
    asset["category"] = "Asset Category";
    asset["sub_category"] = "Asset Check-in";
    auto a_asset_reply = web.post("/api/tickets/", asset, alice.access);
    REQUIRE(a_asset_reply.status == 201);
    const auto a_asset = a_asset_reply.json().as_object();
    const auto b_claimed = f.ticket(bob, "VPN drops every hour");
    tickets.approve(coordinator.id, a_open.at("id").as_int64(),
                    helpdesk::approve_request{.priority = "High", .department = "Asset Department"});
    tickets.approve(coordinator.id, b_claimed.at("id").as_int64(),
                    helpdesk::approve_request{.priority = "Critical", .department = "IT Department"});
    tickets.claim(coordinator.id, b_claimed.at("id").as_int64());
    const auto id = [](const boost::json::object& t) { return t.at("id").as_int64(); };

    auto all = web.get("/api/tickets/", admin.access);
    CHECK(all.number("count") == 4);
    // Rows: owner and assignee are objects, never display strings.
    for (const auto doc = all.json(); const auto& row : doc.at("results").as_array()) {
        CHECK(row.at("employee").is_object());
        CHECK(row.at("employee").at("id").is_int64());
        CHECK(row.at("employee").at("first_name").is_string());
        CHECK((row.at("assigned_to").is_null() || row.at("assigned_to").is_object()));
        CHECK(row.at("version").is_int64());
        CHECK(row.at("ticket_number").is_string());
        if (row.at("id").as_int64() == id(b_claimed)) {
            CHECK(row.at("assigned_to").at("id").as_int64() == coordinator.id);
            CHECK(row.at("assigned_to").at("first_name").as_string() == "Cora");
        }
    }

    CHECK(id_set(web.get("/api/tickets/?status=New", admin.access)) == std::set{id(a_new), id(a_asset)});
    // status repeats, and also takes a comma list.
    CHECK(id_set(web.get("/api/tickets/?status=Open&status=In%20Progress", admin.access)) ==
          std::set{id(a_open), id(b_claimed)});
    CHECK(id_set(web.get("/api/tickets/?status=Open,In%20Progress", admin.access)) ==
          std::set{id(a_open), id(b_claimed)});
    CHECK(id_set(web.get("/api/tickets/?status=Closed", admin.access)).empty());
    CHECK(id_set(web.get("/api/tickets/?priority=Critical", admin.access)) == std::set{id(b_claimed)});
    CHECK(id_set(web.get("/api/tickets/?department=Asset%20Department", admin.access)) == std::set{id(a_open)});
    CHECK(id_set(web.get("/api/tickets/?category=Asset%20Category", admin.access)) == std::set{id(a_asset)});
    CHECK(id_set(web.get("/api/tickets/?sub_category=Asset%20Check-in", admin.access)) == std::set{id(a_asset)});
    CHECK(id_set(web.get("/api/tickets/?search=battery", admin.access)) == std::set{id(a_open)});
    CHECK(id_set(web.get("/api/tickets/?search=" + std::string{b_claimed.at("ticket_number").as_string()}, admin.access)) ==
          std::set{id(b_claimed)});
    CHECK(id_set(web.get("/api/tickets/?search=%21%21%21", admin.access)).empty());
    CHECK(id_set(web.get("/api/tickets/?employee=" + id_of(bob), coordinator.access)) == std::set{id(b_claimed)});
    CHECK(id_set(web.get("/api/tickets/?assigned_to=" + id_of(coordinator), coordinator.access)) ==
          std::set{id(b_claimed)});
    CHECK(id_set(web.get("/api/tickets/?employee=" + id_of(alice) + "&status=New", admin.access)) ==
          std::set{id(a_new), id(a_asset)});
    CHECK(web.get("/api/tickets/?submitted_after=2000-01-01", admin.access).number("count") == 4);
    CHECK(web.get("/api/tickets/?submitted_after=2999-01-01T00:00:00Z", admin.access).number("count") == 0);
    CHECK(web.get("/api/tickets/?submitted_before=2999-01-01", admin.access).number("count") == 4);
    CHECK(web.get("/api/tickets/?submitted_before=2000-01-01T00:00:00Z", admin.access).number("count") == 0);

    // Ordering by priority: Critical first with "-", last without.
    auto by_priority = ids_of(web.get("/api/tickets/?ordering=-priority", admin.access));
    REQUIRE(by_priority.size() == 4);
    CHECK(by_priority.front() == id(b_claimed));
    CHECK(by_priority[1] == id(a_open));
    auto ascending = ids_of(web.get("/api/tickets/?ordering=priority", admin.access));
    REQUIRE(ascending.size() == 4);
    CHECK(ascending.back() == id(b_claimed));
    auto oldest = ids_of(web.get("/api/tickets/?ordering=submit_date", admin.access));
    auto newest = ids_of(web.get("/api/tickets/", admin.access));
    REQUIRE(oldest.size() == 4);
    CHECK(std::vector(oldest.rbegin(), oldest.rend()) == newest);
    CHECK(oldest.front() == id(a_new));
    CHECK(ids_of(web.get("/api/tickets/?ordering=-update_date", admin.access)).front() == id(b_claimed));

    // Bad filters are 400 with the field named.
    check_field_error(web.get("/api/tickets/?status=Sleeping", admin.access), 400, "invalid_argument", "status");
    check_field_error(web.get("/api/tickets/?priority=Urgent", admin.access), 400, "invalid_argument", "priority");
    check_field_error(web.get("/api/tickets/?ordering=subject", admin.access), 400, "invalid_argument", "ordering");
    check_field_error(web.get("/api/tickets/?employee=abc", admin.access), 400, "invalid_argument", "employee");
    check_field_error(web.get("/api/tickets/?assigned_to=-3", admin.access), 400, "invalid_argument", "assigned_to");
    check_field_error(web.get("/api/tickets/?submitted_after=yesterday", admin.access), 400, "invalid_argument",
                      "submitted_after");
    check_field_error(web.get("/api/tickets/?submitted_before=2020-13-45", admin.access), 400, "invalid_argument",
                      "submitted_before");
    check_error(web.get("/api/tickets/"), 401, "unauthenticated");
}

HTTP_TEST_CASE("employees list only their own tickets and cannot see another's by id or by number") {
    const auto coordinator = f.account("Cora", "Ticket Coordinator");
    const auto alice = f.account("Alice");
    const auto bob = f.account("Bob");
    const auto mine = f.ticket(alice, "Alice's problem");
    const auto theirs = f.ticket(bob, "Bob's secret problem");
    const auto other_id = id_of(theirs);
    const std::string other_number{theirs.at("ticket_number").as_string()};

    CHECK(id_set(web.get("/api/tickets/", alice.access)) == std::set{mine.at("id").as_int64()});
    CHECK(web.get("/api/tickets/", alice.access).number("count") == 1);
    // Asking for Bob's tickets finds nothing rather than Bob's rows.
    auto asked = web.get("/api/tickets/?employee=" + id_of(bob), alice.access);
    REQUIRE(asked.status == 200);
    CHECK(asked.number("count") == 0);
    CHECK(web.get("/api/tickets/?search=secret", alice.access).number("count") == 0);
    CHECK(web.get("/api/tickets/", coordinator.access).number("count") == 2);

    // Another's ticket is exactly as missing as a ticket that does not exist.
    const auto by_id = web.get("/api/tickets/" + other_id + "/", alice.access);
    const auto by_number = web.get("/api/tickets/" + other_number + "/", alice.access);
    const auto missing = web.get("/api/tickets/999999/", alice.access);
    const auto missing_number = web.get("/api/tickets/TX999999/", alice.access);
    check_error(by_id, 404, "not_found");
    check_error(by_number, 404, "not_found");
    check_error(missing, 404, "not_found");
    CHECK(by_id.body == missing.body);
    CHECK(by_number.body == missing_number.body);
    CHECK(by_id.body.find("Bob") == std::string::npos);
    for (const auto* sub : {"comments/", "history/"}) {
        const auto r = web.get("/api/tickets/" + other_id + "/" + sub, alice.access);
        check_error(r, 404, "not_found");
        CHECK(r.body == web.get(std::string{"/api/tickets/999999/"} + sub, alice.access).body);
    }
    // Staff see both.
    CHECK(web.get("/api/tickets/" + other_id + "/", coordinator.access).status == 200);
    CHECK(web.get("/api/tickets/" + other_number + "/", coordinator.access).status == 200);
}

HTTP_TEST_CASE("ticket detail by id and by TX number, and 404 (not 500) for anything missing") {
    const auto alice = f.account("Alice");
    const auto t = f.ticket(alice);
    const std::string number{t.at("ticket_number").as_string()};

    auto by_id = web.get("/api/tickets/" + id_of(t) + "/", alice.access);
    REQUIRE_MESSAGE(by_id.status == 200, by_id.body);
    auto by_number = web.get("/api/tickets/" + number + "/", alice.access);
    REQUIRE_MESSAGE(by_number.status == 200, by_number.body);
    CHECK(by_id.json() == by_number.json());
    CHECK(by_id.json().at("id") == t.at("id"));
    CHECK(by_id.json().at("employee").at("id").as_int64() == alice.id);
    CHECK(by_id.json().at("comments").is_array());
    CHECK(by_id.json().at("attachments").is_array());
    CHECK(by_id.json().at("version").as_int64() == 1);
    CHECK(by_id.header("Cache-Control") == "no-store");

    for (const std::string missing : {"999999", "TX999999", "TX0000", "abc", "0", "-1", "99999999999999999999999",
                                      "1.5", "%20", "TX", "tx0001"}) {
        CAPTURE(missing);
        const auto r = web.get("/api/tickets/" + missing + "/", alice.access);
        check_error(r, 404, "not_found");
    }
    // Actions on a missing ticket are 404 too.
    check_error(web.post("/api/tickets/999999/withdraw/", boost::json::object{}, alice.access), 404, "not_found");
    check_error(web.post("/api/tickets/999999/comments/", {{"text", "hello"}}, alice.access), 404, "not_found");
    check_error(web.get("/api/tickets/" + id_of(t) + "/"), 401, "unauthenticated");
    check_error(web.get("/api/tickets/" + id_of(t) + "/nonsense/", alice.access), 404, "not_found");
}
