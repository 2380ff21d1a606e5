// Accounts over HTTP, the staff's side: the employee list with its filters
// and pages, approving a sign-up, and rejecting one with the audit only a
// System Admin reads.
#include "api_checks.hpp"
#include "request_bodies.hpp"

#include <set>

using namespace http_test;
using namespace http_test::routes;

HTTP_TEST_CASE("employee list is for staff, filters by role, status and department, and pages") {
    const auto [admin, coordinator, alice] = f.cast();
    const auto bob = f.account("Bob");
    auto pending = web.post("/api/create_employee/", sign_up_body("pending.one@desk.test"));
    REQUIRE(pending.status == 201);
    auto budget = sign_up_body("budget.one@desk.test");
    budget["department"] = "Budget Department";
    REQUIRE(web.post("/api/create_employee/", budget).status == 201);
    // admin + coordinator + alice + bob + two pending
    constexpr std::int64_t total = 6;

    check_error(web.get("/api/employees/", alice.access), 403, "permission_denied");
    check_error(web.get("/api/employees/"), 401, "unauthenticated");

    auto all = web.get("/api/employees/", coordinator.access);
    REQUIRE_MESSAGE(all.status == 200, all.body);
    CHECK(all.number("count") == total);
    CHECK(all.json().at("results").as_array().size() == total);
    CHECK(all.json().at("next").is_null());
    CHECK(all.json().at("previous").is_null());

    // `query` as `reader` lists `count` accounts, each with `field` == `value`.
    const auto check_only = [&](const std::string& query, const person& reader, const std::string& field,
                                const std::string& value, std::int64_t count) {
        CAPTURE(query);
        auto filtered = web.get("/api/employees/?" + query, reader.access);
        REQUIRE(filtered.status == 200);
        CHECK(filtered.number("count") == count);
        for (const auto doc = filtered.json(); const auto& a : doc.at("results").as_array()) {
            CHECK(a.at(field).as_string() == value);
        }
    };
    check_only("role=Employee", admin, "role", "Employee", 4);
    auto staff = web.get("/api/employees/?role=Ticket%20Coordinator", admin.access);
    REQUIRE(staff.status == 200);
    CHECK(staff.number("count") == 1);
    CHECK(staff.json().at("results").as_array()[0].at("id").as_int64() == coordinator.id);

    check_only("status=Pending", coordinator, "status", "Pending", 2);
    auto in_budget = web.get("/api/employees/?department=Budget%20Department", coordinator.access);
    REQUIRE(in_budget.status == 200);
    CHECK(in_budget.number("count") == 1);
    CHECK(in_budget.json().at("results").as_array()[0].at("email").as_string() == "budget.one@desk.test");
    auto combined = web.get("/api/employees/?role=Employee&status=Approved", coordinator.access);
    REQUIRE(combined.status == 200);
    CHECK(combined.number("count") == 2);

    check_field_error(web.get("/api/employees/?role=Overlord", admin.access), 400, "invalid_argument", "role");
    check_field_error(web.get("/api/employees/?status=Maybe", admin.access), 400, "invalid_argument", "status");
    check_field_error(web.get("/api/employees/?page=abc", admin.access), 400, "invalid_argument", "page");
    check_field_error(web.get("/api/employees/?page_size=101", admin.access), 400, "invalid_argument", "page_size");
    check_field_error(web.get("/api/employees/?page=0", admin.access), 400, "invalid_argument", "page");

    // Pages of 4: next on the first, previous on the second, every account once.
    auto page1 = web.get("/api/employees/?page_size=4", admin.access);
    REQUIRE(page1.status == 200);
    CHECK(page1.number("count") == total);
    CHECK(page1.json().at("results").as_array().size() == 4);
    CHECK(page1.json().at("previous").is_null());
    REQUIRE(page1.json().at("next").is_string());
    const std::string next{page1.json().at("next").as_string()};
    CHECK(next.find("page=2") != std::string::npos);
    CHECK(next.find("page_size=4") != std::string::npos);
    auto page2 = web.get(next, admin.access);
    REQUIRE_MESSAGE(page2.status == 200, page2.body);
    CHECK(page2.json().at("results").as_array().size() == 2);
    CHECK(page2.json().at("next").is_null());
    REQUIRE(page2.json().at("previous").is_string());
    CHECK(std::string{page2.json().at("previous").as_string()}.find("page=1") != std::string::npos);
    std::set<std::int64_t> seen;
    for (const auto* page : {&page1, &page2}) {
        for (const auto doc = page->json(); const auto& a : doc.at("results").as_array()) {
            CHECK(seen.insert(a.at("id").as_int64()).second);
        }
    }
    CHECK(seen.size() == total);
    CHECK(seen.contains(bob.id));
}

HTTP_TEST_CASE("approving a sign-up is for the System Admin alone") {
    const auto [admin, coordinator, alice] = f.cast();
    auto pending = web.post("/api/create_employee/", sign_up_body("awaiting@desk.test"));
    REQUIRE(pending.status == 201);
    const auto id = id_of(pending.json().as_object());
    const auto approve = "/api/employees/" + id + "/approve/";

    check_error(web.send(http::verb::post, approve, "", bearer(coordinator.access)), 403, "permission_denied");
    check_error(web.send(http::verb::post, approve, "", bearer(alice.access)), 403, "permission_denied");
    check_error(web.send(http::verb::post, approve, ""), 401, "unauthenticated");
    CHECK(account_by_email(f, "awaiting@desk.test")->at("status").as_string() == "Pending");

    auto approved = web.send(http::verb::post, approve, "", bearer(admin.access));
    REQUIRE_MESSAGE(approved.status == 200, approved.body);
    CHECK(approved.text("status") == "Approved");
    CHECK(approved.text("role") == "Employee");
    CHECK(account_by_email(f, "awaiting@desk.test")->at("status").as_string() == "Approved");
    CHECK(web.post("/api/token/employee/", {{"email", "awaiting@desk.test"}, {"password", test_password}}).status == 200);

    // Only a pending account can be approved; an unknown one is not found.
    check_error(web.send(http::verb::post, approve, "", bearer(admin.access)), 409, "invalid_state");
    check_error(web.send(http::verb::post, "/api/employees/999999/approve/", "", bearer(admin.access)), 404, "not_found");
    check_error(web.send(http::verb::post, "/api/employees/abc/approve/", "", bearer(admin.access)), 404, "not_found");
    // GET is not a way to approve.
    const auto wrong_method = web.get(approve, admin.access);
    check_error(wrong_method, 405, "method_not_allowed");
    CHECK(wrong_method.header("Allow").find("POST") != std::string::npos);
}

HTTP_TEST_CASE(
    "rejecting a sign-up needs a reason, removes the account and writes an audit only admins read") {
    const auto [admin, coordinator, alice] = f.cast();
    auto pending = web.post("/api/create_employee/", sign_up_body("unwanted@desk.test"));
    REQUIRE(pending.status == 201);
    const auto signup = pending.json().as_object();
    const auto reject = "/api/employees/" + id_of(signup) + "/reject/";

    check_error(web.post(reject, {{"reason", "No."}}, coordinator.access), 403, "permission_denied");
    check_error(web.post(reject, {{"reason", "No."}}, alice.access), 403, "permission_denied");
    check_field_error(web.post(reject, boost::json::object{}, admin.access), 400, "invalid_argument", "reason");
    check_field_error(web.post(reject, {{"reason", "   "}}, admin.access), 400, "invalid_argument", "reason");
    CHECK(account_by_email(f, "unwanted@desk.test")->at("status").as_string() == "Pending");
    auto count = web.get("/api/admin/rejected-users-count/", admin.access);
    REQUIRE(count.status == 200);
    CHECK(count.number("count") == 0);

    auto rejected = web.post(reject, {{"reason", "Not on the staff list."}}, admin.access);
    REQUIRE_MESSAGE(rejected.status == 200, rejected.body);
    const auto audit = rejected.json().as_object();
    CHECK(audit.at("email").as_string() == "unwanted@desk.test");
    CHECK(audit.at("company_id") == signup.at("company_id"));
    CHECK(audit.at("reason").as_string() == "Not on the staff list.");
    CHECK(audit.at("rejected_by").as_int64() == admin.id);
    CHECK(audit.at("rejected_at").as_string().ends_with("Z"));

    // The account is gone: not listed, cannot be approved or rejected again.
    CHECK(!account_by_email(f, "unwanted@desk.test"));
    check_error(web.send(http::verb::post, "/api/employees/" + id_of(signup) + "/approve/", "", bearer(admin.access)),
                404, "not_found");
    check_error(web.post(reject, {{"reason", "Again."}}, admin.access), 404, "not_found");
    // An approved account is not a sign-up to reject.
    check_error(web.post("/api/employees/" + id_of(alice) + "/reject/", {{"reason", "No."}}, admin.access), 409,
                "invalid_state");

    // The audit: the admin reads it; coordinators and employees do not
    // (docs/product.md#approval-and-rejection).
    auto list = web.get("/api/rejected-employees/", admin.access);
    REQUIRE_MESSAGE(list.status == 200, list.body);
    CHECK(list.number("count") == 1);
    const auto rows = list.json().at("results").as_array();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].at("email").as_string() == "unwanted@desk.test");
    CHECK(rows[0].at("reason").as_string() == "Not on the staff list.");
    count = web.get("/api/admin/rejected-users-count/", admin.access);
    REQUIRE(count.status == 200);
    CHECK(count.number("count") == 1);
    for (const auto* who : {&coordinator, &alice}) {
        check_error(web.get("/api/rejected-employees/", who->access), 403, "permission_denied");
        check_error(web.get("/api/admin/rejected-users-count/", who->access), 403, "permission_denied");
    }
    check_error(web.get("/api/rejected-employees/"), 401, "unauthenticated");
    check_error(web.get("/api/admin/rejected-users-count/"), 401, "unauthenticated");

    // The address may sign up again.
    CHECK(web.post("/api/create_employee/", sign_up_body("unwanted@desk.test")).status == 201);
}

HTTP_TEST_CASE("rejected-employees pages newest first") {
    const auto admin = f.admin();
    for (int i = 0; i < 3; ++i) {
        auto p = web.post("/api/create_employee/", sign_up_body("gone" + std::to_string(i) + "@desk.test"));
        REQUIRE(p.status == 201);
        auto r = web.post("/api/employees/" + id_of(p.json().as_object()) + "/reject/",
                          {{"reason", "Reason " + std::to_string(i)}}, admin.access);
        REQUIRE_MESSAGE(r.status == 200, r.body);
    }
    auto page1 = web.get("/api/rejected-employees/?page_size=2", admin.access);
    REQUIRE(page1.status == 200);
    CHECK(page1.number("count") == 3);
    const auto rows = page1.json().at("results").as_array();
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].at("email").as_string() == "gone2@desk.test");
    CHECK(rows[1].at("email").as_string() == "gone1@desk.test");
    REQUIRE(page1.json().at("next").is_string());
    auto page2 = web.get(std::string{page1.json().at("next").as_string()}, admin.access);
    REQUIRE(page2.status == 200);
    REQUIRE(page2.json().at("results").as_array().size() == 1);
    CHECK(page2.json().at("results").as_array()[0].at("email").as_string() == "gone0@desk.test");
    CHECK(page2.json().at("next").is_null());
    check_field_error(web.get("/api/rejected-employees/?page_size=101", admin.access), 400, "invalid_argument",
                      "page_size");
}
