// Tickets over HTTP: creation (JSON, multipart with files, Idempotency-Key),
// the list with every filter, offset and cursor paging, visibility, the
// detail by id and by TX number, the staff queues and the stats.
#include "api_checks.hpp"

#include <regex>
#include <set>

using namespace http_test;
using namespace http_test::routes;

namespace {

boost::json::object ticket_body(const std::string& subject = "Monitor is dark") {
    return {{"subject", subject},
            {"category", "IT Category"},
            {"sub_category", "Technical Support & Troubleshooting"},
            {"description", "It will not turn on."}};
}

std::vector<form_field> ticket_form(const std::string& subject = "Keyboard sticks") {
    return {{"subject", subject},
            {"category", "IT Category"},
            {"sub_category", "Technical Support & Troubleshooting"},
            {"description", "Coffee happened."}};
}

// The number of tickets `who` can see, through the list.
template <class Fixture>
std::int64_t visible_count(Fixture& f, const std::string& token) {
    const auto r = f.http().get("/api/tickets/", token);
    REQUIRE_MESSAGE(r.status == 200, r.body);
    return r.number("count");
}

std::vector<std::int64_t> ids_of(const reply& r) {
    REQUIRE_MESSAGE(r.status == 200, r.body);
    std::vector<std::int64_t> out;
    for (const auto doc = r.json(); const auto& t : doc.at("results").as_array()) {
        out.push_back(t.at("id").as_int64());
    }
    return out;
}

std::set<std::int64_t> id_set(const reply& r) {
    const auto ids = ids_of(r);
    return {ids.begin(), ids.end()};
}

bool is_ticket_number(std::string_view text) {
    static const std::regex pattern{"TX[0-9]{4,}"};
    return std::regex_match(text.begin(), text.end(), pattern);
}

} // namespace

TEST_CASE_TEMPLATE("create a ticket over JSON: New, numbered, owner as an object, version 1", Factory, HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();
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

TEST_CASE_TEMPLATE("create a ticket over multipart with files under attachments: types sniffed from the bytes", Factory,
                   HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();
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

TEST_CASE_TEMPLATE("create refuses status, priority, department and assigned_to from the owner (defect 3)", Factory,
                   HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();
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

TEST_CASE_TEMPLATE("create with bad fields answers 400 with field errors and creates nothing", Factory, HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();
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

TEST_CASE_TEMPLATE("Idempotency-Key: a retry returns the first ticket, a different body with the key is a 409", Factory,
                   HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();
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

TEST_CASE_TEMPLATE("ticket list filters: status, priority, department, category, search, employee, assigned_to, dates",
                   Factory, HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();
    const auto admin = f.admin();
    const auto coordinator = f.account("Cora", "Ticket Coordinator");
    const auto alice = f.account("Alice");
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

TEST_CASE_TEMPLATE("employees list only their own tickets and cannot see another's by id or by number", Factory,
                   HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();
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

TEST_CASE_TEMPLATE("ticket detail by id and by TX number, and 404 (not 500) for anything missing (defect 10)", Factory,
                   HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();
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

TEST_CASE_TEMPLATE("page and page_size: counts, links, and a page_size over 100 is refused", Factory, HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();
    const auto alice = f.account("Alice");
    std::set<std::int64_t> all;
    for (int i = 0; i < 5; ++i) {
        all.insert(f.ticket(alice, "Ticket number " + std::string(1, static_cast<char>('A' + i))).at("id").as_int64());
    }
    auto page1 = web.get("/api/tickets/?page_size=2&status=New", alice.access);
    REQUIRE_MESSAGE(page1.status == 200, page1.body);
    CHECK(page1.number("count") == 5);
    CHECK(page1.json().at("previous").is_null());
    REQUIRE(page1.json().at("next").is_string());
    const std::string next{page1.json().at("next").as_string()};
    CHECK(next.find("page=2") != std::string::npos);
    CHECK(next.find("page_size=2") != std::string::npos);
    CHECK(next.find("status=New") != std::string::npos); // filters carry over
    std::set<std::int64_t> seen;
    std::string url = "/api/tickets/?page_size=2&status=New";
    int pages = 0;
    while (true) {
        auto r = web.get(url, alice.access);
        REQUIRE_MESSAGE(r.status == 200, r.body);
        for (const auto id : ids_of(r)) {
            CHECK(seen.insert(id).second);
        }
        ++pages;
        if (r.json().at("next").is_null()) {
            break;
        }
        url = std::string{r.json().at("next").as_string()};
        REQUIRE(pages < 10);
    }
    CHECK(pages == 3);
    CHECK(seen == all);
    auto page3 = web.get("/api/tickets/?page=3&page_size=2", alice.access);
    REQUIRE(page3.status == 200);
    CHECK(page3.json().at("results").as_array().size() == 1);
    REQUIRE(page3.json().at("previous").is_string());
    CHECK(std::string{page3.json().at("previous").as_string()}.find("page=2") != std::string::npos);
    // Past the end: an empty page, not an error.
    auto beyond = web.get("/api/tickets/?page=9&page_size=2", alice.access);
    REQUIRE(beyond.status == 200);
    CHECK(beyond.json().at("results").as_array().empty());
    CHECK(beyond.number("count") == 5);
    // Default page size 20; 100 is the largest.
    CHECK(web.get("/api/tickets/?page_size=100", alice.access).status == 200);
    check_field_error(web.get("/api/tickets/?page_size=101", alice.access), 400, "invalid_argument", "page_size");
    check_field_error(web.get("/api/tickets/?page_size=0", alice.access), 400, "invalid_argument", "page_size");
    check_field_error(web.get("/api/tickets/?page=0", alice.access), 400, "invalid_argument", "page");
    check_field_error(web.get("/api/tickets/?page=two", alice.access), 400, "invalid_argument", "page");
    check_field_error(web.get("/api/tickets/?page=9223372036854775807&page_size=100", alice.access), 400,
                      "invalid_argument", "page");
}

TEST_CASE_TEMPLATE("cursor paging: next links carry a cursor and walking them visits every ticket once", Factory,
                   HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();
    const auto alice = f.account("Alice");
    const auto coordinator = f.account("Cora", "Ticket Coordinator");
    std::set<std::int64_t> all;
    for (int i = 0; i < 7; ++i) {
        all.insert(f.ticket(alice, "Cursor ticket " + std::string(1, static_cast<char>('A' + i))).at("id").as_int64());
    }
    for (const std::string ordering : {"-submit_date", "submit_date", "-priority", "update_date"}) {
        CAPTURE(ordering);
        std::set<std::int64_t> seen;
        std::string url = "/api/tickets/?cursor=&page_size=3&ordering=" + ordering;
        int pages = 0;
        while (true) {
            auto r = web.get(url, coordinator.access);
            REQUIRE_MESSAGE(r.status == 200, r.body);
            CHECK(r.json().at("previous").is_null());
            for (const auto id : ids_of(r)) {
                CHECK(seen.insert(id).second);
            }
            ++pages;
            if (r.json().at("next").is_null()) {
                break;
            }
            url = std::string{r.json().at("next").as_string()};
            CHECK(!param_of(url, "cursor").empty());
            CHECK(url.find("page=") == std::string::npos);
            REQUIRE(pages < 10);
        }
        CHECK(pages == 3);
        CHECK(seen == all);
    }
    // A made-up cursor is bad input, not a server failure.
    const auto bogus = web.get("/api/tickets/?cursor=not-a-cursor", coordinator.access);
    check_error(bogus, 400, "invalid_argument");
}

TEST_CASE_TEMPLATE("queues new, open and my-tickets are for staff", Factory, HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();
    const auto coordinator = f.account("Cora", "Ticket Coordinator");
    const auto admin = f.admin();
    const auto alice = f.account("Alice");
    auto& tickets = f.desk().tickets();
    const auto fresh = f.ticket(alice, "Fresh one");
    const auto approved = f.ticket(alice, "Approved one");
    const auto claimed = f.ticket(alice, "Claimed one");
    const auto closed = f.ticket(alice, "Closed one");
    tickets.approve(coordinator.id, approved.at("id").as_int64(), {});
    tickets.approve(coordinator.id, claimed.at("id").as_int64(), {});
    tickets.claim(coordinator.id, claimed.at("id").as_int64());
    tickets.approve(admin.id, closed.at("id").as_int64(), {});
    tickets.claim(coordinator.id, closed.at("id").as_int64());
    tickets.update_status(coordinator.id, closed.at("id").as_int64(), "Resolved");
    tickets.close(alice.id, closed.at("id").as_int64());

    CHECK(id_set(web.get("/api/tickets/new/", coordinator.access)) == std::set{fresh.at("id").as_int64()});
    CHECK(id_set(web.get("/api/tickets/open/", admin.access)) == std::set{approved.at("id").as_int64()});
    CHECK(id_set(web.get("/api/tickets/my-tickets/", coordinator.access)) == std::set{claimed.at("id").as_int64()});
    CHECK(id_set(web.get("/api/tickets/my-tickets/", admin.access)).empty());
    auto paged = web.get("/api/tickets/new/?page_size=1", coordinator.access);
    REQUIRE(paged.status == 200);
    CHECK(paged.number("count") == 1);
    check_field_error(web.get("/api/tickets/open/?page_size=101", admin.access), 400, "invalid_argument", "page_size");
    for (const auto* queue : {"/api/tickets/new/", "/api/tickets/open/", "/api/tickets/my-tickets/"}) {
        CAPTURE(queue);
        check_error(web.get(queue, alice.access), 403, "permission_denied");
        check_error(web.get(queue), 401, "unauthenticated");
    }
}

TEST_CASE_TEMPLATE("stats count the caller's own tickets for employees and all for staff", Factory, HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();
    const auto coordinator = f.account("Cora", "Ticket Coordinator");
    const auto alice = f.account("Alice");
    const auto bob = f.account("Bob");
    auto& tickets = f.desk().tickets();
    f.ticket(alice, "One");
    const auto two = f.ticket(alice, "Two");
    f.ticket(bob, "Three");
    tickets.approve(coordinator.id, two.at("id").as_int64(),
                    helpdesk::approve_request{.priority = "High", .department = "Budget Department"});

    auto mine = web.get("/api/tickets/stats/", alice.access);
    REQUIRE_MESSAGE(mine.status == 200, mine.body);
    CHECK(mine.number("total") == 2);
    CHECK(mine.json().at("by_status").at("New").as_int64() == 1);
    CHECK(mine.json().at("by_status").at("Open").as_int64() == 1);
    CHECK(mine.json().at("by_priority").at("High").as_int64() == 1);
    CHECK(mine.json().at("by_department").at("Budget Department").as_int64() == 1);
    CHECK(mine.json().at("mean_response_seconds").is_number());
    CHECK(mine.json().at("mean_resolution_seconds").is_null());

    auto bobs = web.get("/api/tickets/stats/", bob.access);
    REQUIRE(bobs.status == 200);
    CHECK(bobs.number("total") == 1);
    CHECK(bobs.json().at("by_status").at("New").as_int64() == 1);
    CHECK(bobs.json().at("mean_response_seconds").is_null());

    auto everyone = web.get("/api/tickets/stats/", coordinator.access);
    REQUIRE(everyone.status == 200);
    CHECK(everyone.number("total") == 3);
    CHECK(everyone.json().at("by_status").at("New").as_int64() == 2);
    check_error(web.get("/api/tickets/stats/"), 401, "unauthenticated");
}
