// Creating tickets over HTTP: JSON, multipart with files, the fields an owner
// may not set, field errors, and Idempotency-Key retries.
#include "api_checks.hpp"
#include "request_bodies.hpp"

#include <map>

using namespace http_test;
using namespace http_test::routes;

HTTP_TEST_CASE("create a ticket over JSON: New, numbered, owner as an object, version 1") {
    const auto alice = f.account("Alice");

    auto created = web.post("/api/tickets/", ticket_body(), alice.access);
    REQUIRE_MESSAGE(created.status == 201, created.body);
    const auto t = created.json().as_object();
    CHECK(t.at("status").as_string() == "New");
    CHECK(is_ticket_number(t.at("ticket_number").as_string()));
    CHECK(t.at("version").as_int64() == 1);
    CHECK(t.at("priority").as_string() == "Low");
    CHECK(t.at("department").as_string() == "IT Department");
    CHECK(t.at("assigned_to").is_null());
    REQUIRE(t.at("employee").is_object());
    CHECK(t.at("employee").at("id").as_int64() == alice.id);
    CHECK(t.at("employee").at("first_name").as_string() == "Alice");
    CHECK(t.at("employee").at("last_name").as_string() == "Tester");
    CHECK(t.at("subject").as_string() == "Monitor is dark");
    CHECK(t.at("attachments").as_array().empty());
    CHECK(t.at("comments").as_array().empty());
    CHECK(t.at("submit_date").as_string().ends_with("Z"));
    CHECK(t.at("rejection_reason").is_null());
    CHECK(t.at("time_closed").is_null());

    auto second = web.post("/api/tickets/", ticket_body("Second one"), alice.access);
    REQUIRE(second.status == 201);
    CHECK(second.text("ticket_number") != t.at("ticket_number").as_string());

    // With a scheduled date (today is not the past).
    auto scheduled = ticket_body("Scheduled");
    scheduled["scheduled_date"] = "2999-12-31";
    auto later = web.post("/api/tickets/", scheduled, alice.access);
    REQUIRE_MESSAGE(later.status == 201, later.body);
    CHECK(later.text("scheduled_date") == "2999-12-31");

    check_error(web.post("/api/tickets/", ticket_body()), 401, "unauthenticated");
}

HTTP_TEST_CASE("create a ticket over multipart with files under attachments: types sniffed from the bytes") {
    const auto alice = f.account("Alice");
    auto fields = ticket_form();
    // The claimed types are wrong on purpose: the server looks at the bytes.
    fields.push_back({"attachments", tiny_png(), "screen.png", "application/octet-stream"});
    fields.push_back({"attachments", tiny_pdf(), "report.pdf", "image/png"});
    fields.push_back({"attachments", "a,b\n1,2\n", "numbers.csv", "application/pdf"});

    auto created = web.post_form("/api/tickets/", fields, alice.access);
    REQUIRE_MESSAGE(created.status == 201, created.body);
    const auto files = created.json().at("attachments").as_array();
    REQUIRE(files.size() == 3);
    std::map<std::string, boost::json::object> by_name;
    for (const auto& a : files) {
        by_name[std::string{a.at("file_name").as_string()}] = a.as_object();
    }
    CHECK(by_name.at("screen.png").at("content_type").as_string() == "image/png");
    CHECK(by_name.at("report.pdf").at("content_type").as_string() == "application/pdf");
    CHECK(by_name.at("numbers.csv").at("content_type").as_string() == "text/csv");
    CHECK(by_name.at("screen.png").at("size").as_int64() == static_cast<std::int64_t>(tiny_png().size()));
    CHECK(by_name.at("report.pdf").at("uploaded_by").as_int64() == alice.id);
    for (const auto& [name, a] : by_name) {
        const std::string url{a.at("download_url").as_string()};
        CHECK(url.find(alice.access) == std::string::npos);
        CHECK(!param_of(url, "sig").empty());
    }
    CHECK(web.get(std::string{by_name.at("report.pdf").at("download_url").as_string()}).body == tiny_pdf());

    // The detail view lists the same files.
    auto detail = web.get("/api/tickets/" + id_of(created.json().as_object()) + "/", alice.access);
    REQUIRE(detail.status == 200);
    CHECK(detail.json().at("attachments").as_array().size() == 3);
}

HTTP_TEST_CASE("create refuses status, priority, department and assigned_to from the owner") {
    const auto alice = f.account("Alice");
    const auto coordinator = f.account("Cora", "Ticket Coordinator");
    const std::vector<std::pair<std::string, boost::json::value>> attempts{
        {"status", "Open"}, {"priority", "Critical"}, {"department", "Budget Department"},
        {"assigned_to", alice.id}, {"status", nullptr}};
    for (const auto& [field, value] : attempts) {
        CAPTURE(field);
        auto body = ticket_body();
        body[field] = value;
        check_field_error(web.post("/api/tickets/", body, alice.access), 400, "invalid_argument", field);
        // Staff raising a ticket are held to the same rule.
        check_field_error(web.post("/api/tickets/", body, coordinator.access), 400, "invalid_argument", field);
    }
    auto form = ticket_form();
    form.push_back({"priority", "Critical"});
    form.push_back({"status", "Closed"});
    const auto refused = web.post_form("/api/tickets/", form, alice.access);
    check_field_error(refused, 400, "invalid_argument", "priority");
    CHECK(has_field_error(refused, "status"));
    CHECK(visible_count(f, coordinator.access) == 0);
}

HTTP_TEST_CASE("create with bad fields answers 400 with field errors and creates nothing") {
    const auto alice = f.account("Alice");

    auto body = ticket_body();
    body.erase("subject");
    check_field_error(web.post("/api/tickets/", body, alice.access), 400, "invalid_argument", "subject");
    body = ticket_body("12345");
    check_field_error(web.post("/api/tickets/", body, alice.access), 400, "invalid_argument", "subject");
    body = ticket_body();
    body["sub_category"] = "Asset Check-in"; // not an IT Category pair
    check_field_error(web.post("/api/tickets/", body, alice.access), 400, "invalid_argument", "sub_category");
    body = ticket_body();
    body["category"] = "Snacks";
    check_error(web.post("/api/tickets/", body, alice.access), 400, "invalid_argument");
    body = ticket_body();
    body["description"] = std::string(5001, 'x');
    check_field_error(web.post("/api/tickets/", body, alice.access), 400, "invalid_argument", "description");
    body = ticket_body();
    body["scheduled_date"] = "2001-01-01";
    check_field_error(web.post("/api/tickets/", body, alice.access), 400, "invalid_argument", "scheduled_date");
    body = ticket_body();
    body["scheduled_date"] = "next tuesday";
    check_field_error(web.post("/api/tickets/", body, alice.access), 400, "invalid_argument", "scheduled_date");
    body = ticket_body();
    body["subject"] = 7;
    check_field_error(web.post("/api/tickets/", body, alice.access), 400, "invalid_argument", "subject");

    // A disallowed file refuses the whole ticket.
    auto form = ticket_form();
    form.push_back({"attachments", tiny_png(), "ok.png", "image/png"});
    form.push_back({"attachments", "MZ\x90\x00 not really a program", "tool.exe", "application/octet-stream"});
    check_field_error(web.post_form("/api/tickets/", form, alice.access), 415, "unsupported_media_type", "attachments");
    form = ticket_form();
    form.push_back({"attachments", "", "empty.pdf", "application/pdf"});
    check_field_error(web.post_form("/api/tickets/", form, alice.access), 400, "invalid_argument", "attachments");
    form = ticket_form();
    form.push_back({"attachments", "not a file"});
    check_field_error(web.post_form("/api/tickets/", form, alice.access), 400, "invalid_argument", "attachments");

    check_error(web.send(http::verb::post, "/api/tickets/", "subject=x", bearer(alice.access)), 415,
                "unsupported_media_type");
    CHECK(visible_count(f, alice.access) == 0);
}

HTTP_TEST_CASE("Idempotency-Key: a retry returns the first ticket, a different body with the key is a 409") {
    const auto alice = f.account("Alice");
    const auto bob = f.account("Bob");
    const header_list key{{"Idempotency-Key", "retry-0001"}};

    auto first = web.post("/api/tickets/", ticket_body(), alice.access, key);
    REQUIRE_MESSAGE(first.status == 201, first.body);
    auto again = web.post("/api/tickets/", ticket_body(), alice.access, key);
    REQUIRE_MESSAGE(again.status == 201, again.body);
    CHECK(again.number("id") == first.number("id"));
    CHECK(again.text("ticket_number") == first.text("ticket_number"));
    CHECK(visible_count(f, alice.access) == 1);

    // The same over multipart with a file.
    auto form = ticket_form();
    form.push_back({"attachments", tiny_pdf(), "a.pdf", "application/pdf"});
    const header_list form_key{{"Idempotency-Key", "retry-0002"}};
    auto with_file = web.post_form("/api/tickets/", form, alice.access, form_key);
    REQUIRE_MESSAGE(with_file.status == 201, with_file.body);
    auto with_file_again = web.post_form("/api/tickets/", form, alice.access, form_key);
    REQUIRE(with_file_again.status == 201);
    CHECK(with_file_again.number("id") == with_file.number("id"));
    CHECK(with_file_again.json().at("attachments").as_array().size() == 1);
    CHECK(visible_count(f, alice.access) == 2);

    // Same key, different request.
    check_error(web.post("/api/tickets/", ticket_body("Something else"), alice.access, key), 409, "conflict");
    CHECK(visible_count(f, alice.access) == 2);
    // Another key is another ticket; the key is the caller's own, so Bob's
    // use of it neither returns Alice's ticket nor conflicts.
    auto other = web.post("/api/tickets/", ticket_body(), alice.access, {{"Idempotency-Key", "retry-0003"}});
    REQUIRE(other.status == 201);
    CHECK(other.number("id") != first.number("id"));
    auto bobs = web.post("/api/tickets/", ticket_body(), bob.access, key);
    REQUIRE_MESSAGE(bobs.status == 201, bobs.body);
    CHECK(bobs.number("id") != first.number("id"));
    CHECK(bobs.json().at("employee").at("id").as_int64() == bob.id);
    CHECK(visible_count(f, alice.access) == 3);
    CHECK(visible_count(f, bob.access) == 1);

    // A key must be printable ASCII of 1..255 chars.
    check_error(web.post("/api/tickets/", ticket_body(), alice.access, {{"Idempotency-Key", std::string(256, 'k')}}), 400,
                "invalid_argument");
    CHECK(visible_count(f, alice.access) == 3);
}
