// Ticket lists over HTTP, page by page: offset and cursor paging, the staff
// queues and the stats.
#include "api_checks.hpp"
#include "request_bodies.hpp"

#include <set>

using namespace http_test;
using namespace http_test::routes;

HTTP_TEST_CASE("page and page_size: counts, links, and a page_size over 100 is refused") {
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
    const auto walked =
        walk_pages(web, "/api/tickets/?page_size=2&status=New", alice.access, [](const reply&, const std::string&) {});
    CHECK(walked.pages == 3);
    CHECK(walked.ids == all);
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

HTTP_TEST_CASE("cursor paging: next links carry a cursor and walking them visits every ticket once") {
    const auto alice = f.account("Alice");
    const auto coordinator = f.account("Cora", "Ticket Coordinator");
    std::set<std::int64_t> all;
    for (int i = 0; i < 7; ++i) {
        all.insert(f.ticket(alice, "Cursor ticket " + std::string(1, static_cast<char>('A' + i))).at("id").as_int64());
    }
    for (const std::string ordering : {"-submit_date", "submit_date", "-priority", "update_date"}) {
        CAPTURE(ordering);
        const auto walked = walk_pages(web, "/api/tickets/?cursor=&page_size=3&ordering=" + ordering,
                                       coordinator.access, [](const reply& page, const std::string& next) {
                                           CHECK(page.json().at("previous").is_null());
                                           if (!next.empty()) {
                                               CHECK(!param_of(next, "cursor").empty());
                                               CHECK(next.find("page=") == std::string::npos);
                                           }
                                       });
        CHECK(walked.pages == 3);
        CHECK(walked.ids == all);
    }
    // A made-up cursor is bad input, not a server failure.
    const auto bogus = web.get("/api/tickets/?cursor=not-a-cursor", coordinator.access);
    check_error(bogus, 400, "invalid_argument");
}

HTTP_TEST_CASE("queues new, open and my-tickets are for staff") {
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

HTTP_TEST_CASE("stats count the caller's own tickets for employees and all for staff") {
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
