// Automatic assignment over HTTP: staff read and set their availability, a
// System Admin reads and sets each department's mode, and approval assigns
// explicitly (`assigned_to`) or by the mode; every refusal in the one error
// shape and changing nothing.
#include "api_checks.hpp"

#include <string>

using namespace http_test;
using namespace http_test::routes;

namespace {

const std::string availability_path = "/api/employee/availability/";
const std::string departments_path = "/api/assignment/departments/";
const std::string it_path = departments_path + "IT%20Department/";

std::string approve_path(std::int64_t id) { return "/api/tickets/" + std::to_string(id) + "/approve/"; }

} // namespace

HTTP_TEST_CASE("assignment: staff read and set their availability; employees are refused") {
    const auto [admin, coordinator, alice] = f.cast();
    auto r = web.get(availability_path, coordinator.access);
    REQUIRE_MESSAGE(r.status == 200, r.body);
    CHECK(r.json().at("available").as_bool());
    CHECK_FALSE(r.json().at("chosen").as_bool());
    CHECK(r.json().at("account").as_int64() == coordinator.id);
    CHECK_FALSE(web.get(availability_path, admin.access).json().at("available").as_bool());

    r = web.patch(availability_path, {{"available", false}}, coordinator.access);
    REQUIRE_MESSAGE(r.status == 200, r.body);
    CHECK_FALSE(r.json().at("available").as_bool());
    CHECK(r.json().at("chosen").as_bool());
    CHECK_FALSE(web.get(availability_path, coordinator.access).json().at("available").as_bool());

    check_field_error(web.patch(availability_path, boost::json::object{}, coordinator.access), 400, "invalid_argument",
                      "available");
    check_error(web.get(availability_path, alice.access), 403, "permission_denied");
    check_error(web.patch(availability_path, {{"available", true}}, alice.access), 403, "permission_denied");
}

HTTP_TEST_CASE("assignment: a System Admin lists the departments and sets a mode; refusals change nothing") {
    const auto [admin, coordinator, alice] = f.cast();
    auto r = web.get(departments_path, admin.access);
    REQUIRE_MESSAGE(r.status == 200, r.body);
    const auto listed = r.json();
    const auto& departments = listed.at("departments").as_array();
    REQUIRE(departments.size() == 3);
    CHECK(departments[0].at("department").as_string() == "IT Department");
    CHECK(departments[0].at("mode").as_string() == "none");
    CHECK(departments[0].at("last_assignee").is_null());

    check_error(web.get(departments_path, coordinator.access), 403, "permission_denied");
    check_error(web.patch(it_path, {{"mode", "round_robin"}}, coordinator.access), 403, "permission_denied");
    check_field_error(web.patch(it_path, {{"mode", "random"}}, admin.access), 400, "invalid_argument", "mode");
    check_field_error(web.patch(it_path, boost::json::object{}, admin.access), 400, "invalid_argument", "mode");
    check_error(web.patch(departments_path + "Moon%20Base/", {{"mode", "none"}}, admin.access), 404, "not_found");
    CHECK(web.get(departments_path, admin.access).json().at("departments").at(0).at("mode").as_string() == "none");

    r = web.patch(it_path, {{"mode", "least_open"}}, admin.access);
    REQUIRE_MESSAGE(r.status == 200, r.body);
    CHECK(r.json().at("department").as_string() == "IT Department");
    CHECK(r.json().at("mode").as_string() == "least_open");
}

HTTP_TEST_CASE("assignment: approval assigns by round robin, or to the assigned_to given, checked like assign") {
    const auto [admin, coordinator, alice] = f.cast();
    const auto second = f.account("Cody", "Ticket Coordinator");
    REQUIRE(web.patch(it_path, {{"mode", "round_robin"}}, admin.access).status == 200);

    const auto approve = [&](const boost::json::object& body) {
        const auto t = f.ticket(alice);
        return web.post(approve_path(t.at("id").as_int64()), body, coordinator.access);
    };
    for (const auto expected : {coordinator.id, second.id, coordinator.id}) {
        const auto r = approve({{"priority", "High"}});
        REQUIRE_MESSAGE(r.status == 200, r.body);
        const auto view = r.json();
        CHECK(view.at("status").as_string() == "In Progress");
        CHECK(view.at("assigned_to").at("id").as_int64() == expected);
    }
    const auto explicit_one = approve({{"assigned_to", admin.id}});
    REQUIRE_MESSAGE(explicit_one.status == 200, explicit_one.body);
    CHECK(explicit_one.json().at("assigned_to").at("id").as_int64() == admin.id);

    // An employee is no assignee: refused, and the ticket is still New.
    const auto t = f.ticket(alice);
    const auto path = approve_path(t.at("id").as_int64());
    check_field_error(web.post(path, {{"assigned_to", alice.id}}, coordinator.access), 400, "invalid_argument",
                      "assigned_to");
    check_field_error(web.post(path, {{"assigned_to", "someone"}}, coordinator.access), 400, "invalid_argument",
                      "assigned_to");
    const auto still = web.get("/api/tickets/" + std::to_string(t.at("id").as_int64()) + "/", coordinator.access);
    CHECK(still.json().at("status").as_string() == "New");
}
