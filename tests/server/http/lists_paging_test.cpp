// Every list route pages the same way over HTTP: `page`/`page_size` give a
// count and links that keep the other parameters; `cursor=` walks every row
// once with a null count and no previous link; a bad cursor is a 400.
#include "api_checks.hpp"
#include "request_bodies.hpp"

#include <string>

using namespace http_test;
using namespace http_test::routes;

namespace {

/// `path` (with `extra`, "&..." or "") lists `expected` rows for `token`, by
/// number and by cursor, and refuses bad cursors.
template <class Fixture>
void check_list_pages(Fixture& f, const std::string& path, const std::string& token, std::int64_t expected,
                      const std::string& extra = "", bool ticket_cursors = false) {
    CAPTURE(path);
    auto& web = f.http();
    const auto second = web.get(path + "?page=2&page_size=2" + extra, token);
    REQUIRE_MESSAGE(second.status == 200, second.body);
    CHECK(second.number("count") == expected);
    const auto doc = second.json();
    if (expected > 2) {
        REQUIRE(doc.at("previous").is_string());
        const std::string previous{doc.at("previous").as_string()};
        CHECK(previous.find("page=1") != std::string::npos);
        CHECK(previous.find("page_size=2") != std::string::npos);
        CHECK(previous.find(extra.substr(extra.empty() ? 0 : 1)) != std::string::npos);
    }
    CHECK(doc.at("next").is_string() == (expected > 4));
    if (expected > 4) {
        const std::string next{doc.at("next").as_string()};
        CHECK(next.find("page=3") != std::string::npos);
        CHECK(next.find(extra.substr(extra.empty() ? 0 : 1)) != std::string::npos);
    }

    const auto walked = walk_pages(web, path + "?cursor=&page_size=2" + extra, token,
                                   [&](const reply& page, const std::string& next) {
                                       const auto body = page.json();
                                       CHECK(body.at("count").is_null());
                                       CHECK(body.at("previous").is_null());
                                       if (!next.empty()) {
                                           CHECK(next.find("cursor=") != std::string::npos);
                                           CHECK(next.find(extra.substr(extra.empty() ? 0 : 1)) != std::string::npos);
                                       }
                                   });
    CHECK(std::ssize(walked.ids) == expected);

    check_field_error(web.get(path + "?cursor=junk" + extra, token), 400, "invalid_argument", "cursor");
    if (!ticket_cursors) {
        check_field_error(web.get(path + "?cursor=sd.1.2" + extra, token), 400, "invalid_argument", "cursor");
    }
    check_field_error(web.get(path + "?page_size=101" + extra, token), 400, "invalid_argument", "page_size");
}

helpdesk::sign_up_request applicant(int n) {
    helpdesk::sign_up_request r;
    r.email = "applicant" + std::to_string(n) + "@desk.test";
    r.first_name = "Applicant";
    r.last_name = std::string{"Tester"} + static_cast<char>('a' + n);
    r.department = "IT Department";
    r.password = test_password;
    r.confirm_password = r.password;
    return r;
}

} // namespace

TEST_CASE_TEMPLATE("every list pages by number and by cursor in one envelope", Factory, HTTP_STORES) {
    server_fixture<Factory> f;
    const auto admin = f.admin();
    const auto alice = f.account("Alice");
    const auto cora = f.account("Cora", "Ticket Coordinator");
    for (int i = 0; i < 3; ++i) {
        (void)f.account("Extra" + std::string(1, static_cast<char>('A' + i)));
    }
    auto& desk = f.desk();
    for (int i = 0; i < 5; ++i) {
        const auto waiting = desk.accounts().sign_up(applicant(i));
        (void)desk.accounts().reject(admin.id, waiting.id, "Not on the staff list.");
    }
    for (int i = 0; i < 5; ++i) {
        (void)desk.api_keys().create_for_operator("key " + std::to_string(i));
    }
    std::int64_t ticket_id = 0;
    for (int i = 0; i < 5; ++i) {
        ticket_id = f.ticket(alice, "Queue ticket " + std::string(1, static_cast<char>('A' + i))).at("id").as_int64();
    }
    for (int i = 0; i < 7; ++i) {
        (void)desk.tickets().add_comment(i % 2 == 0 ? cora.id : alice.id, ticket_id, "Note " + std::to_string(i),
                                         i % 3 == 0 && i % 2 == 0);
    }
    desk.tickets().approve(cora.id, ticket_id, {});
    (void)desk.tickets().claim(cora.id, ticket_id);

    const auto accounts = desk.accounts().list(admin.id, {}).count.value_or(-1);
    check_list_pages(f, "/api/employees/", admin.access, accounts);
    check_list_pages(f, "/api/employees/", admin.access, 4, "&role=Employee&status=Approved");
    check_list_pages(f, "/api/rejected-employees/", admin.access, 5);
    check_list_pages(f, "/api/workflow/api-keys/", admin.access, 5);
    check_list_pages(f, "/api/outbox/dead/", admin.access, 0);
    check_list_pages(f, "/api/tickets/new/", cora.access, 4, "", true);

    const auto id = std::to_string(ticket_id);
    const auto owner_comments = std::ssize(desk.tickets().comments(alice.id, ticket_id));
    CHECK(owner_comments < 7); // internal comments are hidden on every page
    check_list_pages(f, "/api/tickets/" + id + "/comments/", alice.access, owner_comments);
    check_list_pages(f, "/api/tickets/" + id + "/comments/", cora.access, 7);
    check_list_pages(f, "/api/tickets/" + id + "/history/", alice.access,
                     std::ssize(desk.tickets().history(alice.id, ticket_id)));
    check_list_pages(f, "/api/tickets/" + id + "/history/", cora.access,
                     std::ssize(desk.tickets().history(cora.id, ticket_id)));
    for (std::string cursor = ""; ;) {
        const auto page = f.http().get("/api/tickets/" + id + "/comments/?page_size=1&cursor=" + cursor, alice.access);
        REQUIRE_MESSAGE(page.status == 200, page.body);
        const auto body = page.json();
        for (const auto& c : body.at("results").as_array()) {
            CHECK_FALSE(c.at("is_internal").as_bool());
        }
        if (body.at("next").is_null()) {
            break;
        }
        const std::string next{body.at("next").as_string()};
        cursor = next.substr(next.find("cursor=") + 7);
    }

    // Another employee's ticket is not found, whatever the paging.
    const auto bob = f.account("Bob");
    CHECK(f.http().get("/api/tickets/" + id + "/comments/?cursor=", bob.access).status == 404);
    CHECK(f.http().get("/api/tickets/" + id + "/history/?page=2", bob.access).status == 404);
    // A cursor of one list is refused by another.
    const auto keys = f.http().get("/api/workflow/api-keys/?cursor=&page_size=1", admin.access);
    REQUIRE(keys.json().at("next").is_string());
    const std::string key_next{keys.json().at("next").as_string()};
    const auto key_cursor = key_next.substr(key_next.find("cursor=") + 7);
    check_field_error(f.http().get("/api/employees/?cursor=" + key_cursor, admin.access), 400, "invalid_argument",
                      "cursor");
}
