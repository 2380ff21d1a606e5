// Every list route refuses what it does not understand: a query parameter it
// does not take, or a value one of its filters does not know, is a 400 in the
// one error shape that names the parameter, never a silently unfiltered list.
#include "api_checks.hpp"

#include <string>

using namespace http_test;
using namespace http_test::routes;

namespace {

// The detail and the field errors of a refusal name `name`.
void check_names(const reply& r, const std::string& name) {
    check_field_error(r, 400, "invalid_argument", name);
    const auto body = r.json().as_object();
    CHECK_MESSAGE(std::string{body.at("detail").as_string()}.find(name) != std::string::npos, r.body);
}

// `path` takes `good` and refuses `tag=urgent`, an unknown parameter.
template <class Fixture>
void check_refuses_unknown_parameter(Fixture& f, const std::string& path, const std::string& token) {
    CAPTURE(path);
    const auto ok = f.http().get(path + "?page=1", token);
    CHECK_MESSAGE(ok.status == 200, ok.body);
    check_names(f.http().get(path + "?page=1&tag=urgent", token), "tag");
}

} // namespace

HTTP_TEST_CASE("list queries - ?tag=urgent and other unknown parameters are a 400 on every list route") {
    const auto admin = f.admin();
    const auto alice = f.account("Alice");
    const auto id = std::to_string(f.ticket(alice, "Printer jam").at("id").as_int64());
    for (const std::string& path : std::vector<std::string>{"/api/tickets/", "/api/tickets/new/", "/api/tickets/open/", "/api/tickets/my-tickets/", "/api/employees/",
          "/api/rejected-employees/", "/api/outbox/dead/", "/api/workflow/api-keys/", "/api/tickets/" + id + "/comments/",
          "/api/tickets/" + id + "/history/"}) {
        check_refuses_unknown_parameter(f, path, admin.access);
    }
    // An employee's own list refuses alike.
    check_refuses_unknown_parameter(f, "/api/tickets/", alice.access);
    // The refusal says what the list takes.
    const auto refused = f.http().get("/api/tickets/new/?status=New", admin.access);
    check_names(refused, "status");
    const auto messages = refused.json().at("field_errors").at("status").as_array();
    CHECK(std::string{messages.at(0).as_string()}.find("page_size") != std::string::npos);
    // The rejection audit pages by cursor too: a cursor page has no count.
    const auto by_cursor = f.http().get("/api/rejected-employees/?cursor=", admin.access);
    REQUIRE_MESSAGE(by_cursor.status == 200, by_cursor.body);
    CHECK(by_cursor.json().at("count").is_null());
    // Several unknown parameters are named together.
    const auto both = f.http().get("/api/tickets/?tag=urgent&sort=oldest", admin.access);
    check_names(both, "tag");
    check_names(both, "sort");
}

HTTP_TEST_CASE("list queries - an unknown value of a known filter is a 400 naming the filter") {
    const auto admin = f.admin();
    check_names(web.get("/api/tickets/?status=Opened", admin.access), "status");
    check_names(web.get("/api/tickets/?status=Open,Opened", admin.access), "status");
    check_names(web.get("/api/tickets/?sla=late", admin.access), "sla");
    check_names(web.get("/api/tickets/?ordering=-sla", admin.access), "ordering");
    check_names(web.get("/api/tickets/?priority=Whenever", admin.access), "priority");
    check_names(web.get("/api/tickets/?ordering=-sla", admin.access), "ordering");
    check_names(web.get("/api/tickets/?submitted_after=yesterday", admin.access), "submitted_after");
    check_names(web.get("/api/tickets/?assigned_to=me", admin.access), "assigned_to");
    check_names(web.get("/api/employees/?role=Wizard", admin.access), "role");
    check_names(web.get("/api/employees/?status=Sleeping", admin.access), "status");
    // The lists that only page know no filters; their page values are checked alike.
    for (const auto* path : {"/api/tickets/new/", "/api/tickets/open/", "/api/tickets/my-tickets/",
                             "/api/rejected-employees/", "/api/outbox/dead/"}) {
        CAPTURE(path);
        check_names(web.get(std::string{path} + "?page=two", admin.access), "page");
        check_names(web.get(std::string{path} + "?page_size=", admin.access), "page_size");
    }
    // What the filters do know still filters.
    const auto known = web.get("/api/employees/?role=System%20Admin&status=Approved", admin.access);
    REQUIRE_MESSAGE(known.status == 200, known.body);
    CHECK(known.number("count") == 1);
}
