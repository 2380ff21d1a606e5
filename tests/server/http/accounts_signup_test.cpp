// Accounts over HTTP, the way in: sign-up over JSON and multipart, what a
// sign-up may not set, its field errors and conflicts, and the accounts a
// System Admin makes. Each refusal is checked for the error body and for
// having created nothing.
#include "api_checks.hpp"
#include "request_bodies.hpp"

using namespace http_test;
using namespace http_test::routes;

HTTP_TEST_CASE("sign-up over JSON and over multipart creates a Pending Employee") {

    auto json = web.post("/api/create_employee/", sign_up_body("json.signup@desk.test"));
    REQUIRE_MESSAGE(json.status == 201, json.body);
    const auto a = json.json().as_object();
    CHECK(a.at("role").as_string() == "Employee");
    CHECK(a.at("status").as_string() == "Pending");
    CHECK(a.at("email").as_string() == "json.signup@desk.test");
    CHECK(is_company_id(a.at("company_id").as_string()));
    CHECK(a.at("image_url").is_null());
    CHECK(!a.contains("password"));
    CHECK(json.body.find("pbkdf2") == std::string::npos);

    auto form = web.post_form("/api/create_employee/", sign_up_form("form.signup@desk.test"));
    REQUIRE_MESSAGE(form.status == 201, form.body);
    CHECK(form.json().at("status").as_string() == "Pending");
    CHECK(form.json().at("department").as_string() == "Asset Department");
    CHECK(form.json().at("company_id").as_string() != a.at("company_id").as_string());

    // A pending account cannot sign in yet, and is told why.
    const auto login = web.post("/api/token/employee/", {{"email", "json.signup@desk.test"}, {"password", test_password}});
    check_error(login, 403, "permission_denied");
    CHECK(login.body.find("pending") != std::string::npos);
}

HTTP_TEST_CASE("sign-up that sets role or status is refused and creates nothing") {
    const auto before = all_accounts(f).size();

    auto body = sign_up_body("climber@desk.test");
    body["role"] = "System Admin";
    check_field_error(web.post("/api/create_employee/", body), 400, "invalid_argument", "role");

    body = sign_up_body("climber@desk.test");
    body["status"] = "Approved";
    check_field_error(web.post("/api/create_employee/", body), 400, "invalid_argument", "status");

    // Even a harmless-looking value, or one of another type, is an attempt.
    body = sign_up_body("climber@desk.test");
    body["role"] = "Employee";
    check_field_error(web.post("/api/create_employee/", body), 400, "invalid_argument", "role");
    body = sign_up_body("climber@desk.test");
    body["status"] = nullptr;
    check_field_error(web.post("/api/create_employee/", body), 400, "invalid_argument", "status");

    auto form = sign_up_form("climber@desk.test");
    form.push_back({"role", "System Admin"});
    form.push_back({"status", "Approved"});
    const auto refused = web.post_form("/api/create_employee/", form);
    check_field_error(refused, 400, "invalid_argument", "role");
    CHECK(has_field_error(refused, "status"));

    CHECK(all_accounts(f).size() == before);
    CHECK(!account_by_email(f, "climber@desk.test"));
    // Nothing was half-made: the address is still free.
    CHECK(web.post("/api/create_employee/", sign_up_body("climber@desk.test")).status == 201);
}

HTTP_TEST_CASE("sign-up with bad fields answers 400 with field errors") {
    const auto before = all_accounts(f).size();

    // Each body differs from a valid one in one way, and names that field.
    struct bad_field {
        std::string email;
        boost::json::object changes;
        std::string field;
    };
    const std::vector<bad_field> cases{
        {"not-an-address", {}, "email"},
        {"digits@desk.test", {{"last_name", "R2D2"}}, "last_name"},
        {"weak@desk.test", {{"password", "password"}, {"confirm_password", "password"}}, "password"},
        {"mismatch@desk.test", {{"confirm_password", "Passw0rd!y"}}, "confirm_password"},
        {"dept@desk.test", {{"department", "Catering"}}, "department"},
        {"suffix@desk.test", {{"suffix", "Esq."}}, "suffix"},
        {"company@desk.test", {{"company_id", "XX12"}}, "company_id"},
        {"number@desk.test", {{"first_name", 42}}, "first_name"},
    };
    for (const auto& bad : cases) {
        CAPTURE(bad.email);
        auto body = sign_up_body(bad.email);
        for (const auto& [name, value] : bad.changes) {
            body[name] = value;
        }
        check_field_error(web.post("/api/create_employee/", body), 400, "invalid_argument", bad.field);
    }
    auto missing = sign_up_body("nofirst@desk.test");
    missing.erase("first_name");
    check_field_error(web.post("/api/create_employee/", missing), 400, "invalid_argument", "first_name");

    // Not JSON, not an object, not a known media type.
    check_error(web.send(http::verb::post, "/api/create_employee/", "{not json",
                         {{"Content-Type", "application/json"}}),
                400, "invalid_argument");
    check_error(web.send(http::verb::post, "/api/create_employee/", "[1,2]", {{"Content-Type", "application/json"}}),
                400, "invalid_argument");
    check_error(web.send(http::verb::post, "/api/create_employee/", "email=a@b.c",
                         {{"Content-Type", "application/x-www-form-urlencoded"}}),
                415, "unsupported_media_type");

    CHECK(all_accounts(f).size() == before);
}

HTTP_TEST_CASE("sign-up with a taken email or company id is a 409 naming the field") {
    auto first = web.post("/api/create_employee/", sign_up_body("taken@desk.test"));
    REQUIRE_MESSAGE(first.status == 201, first.body);
    const auto before = all_accounts(f).size();

    check_field_error(web.post("/api/create_employee/", sign_up_body("taken@desk.test")), 409, "conflict", "email");
    // Case does not make a different address.
    check_field_error(web.post("/api/create_employee/", sign_up_body("TAKEN@Desk.Test")), 409, "conflict", "email");

    auto body = sign_up_body("other@desk.test");
    body["company_id"] = first.json().at("company_id");
    check_field_error(web.post("/api/create_employee/", body), 409, "conflict", "company_id");

    CHECK(all_accounts(f).size() == before);
}

HTTP_TEST_CASE(
    "admin create-employee makes an Approved account with a generated company id and no password") {
    const auto [admin, coordinator, alice] = f.cast();
    const boost::json::object body{{"email", "made.by.admin@desk.test"},
                                   {"first_name", "Made"},
                                   {"last_name", "Byadmin"},
                                   {"department", "Budget Department"},
                                   {"role", "Ticket Coordinator"}};
    const auto before = all_accounts(f).size();

    // No one but a System Admin creates accounts (docs/product.md#created-accounts).
    check_error(web.post("/api/admin/create-employee/", body, alice.access), 403, "permission_denied");
    check_error(web.post("/api/admin/create-employee/", body, coordinator.access), 403, "permission_denied");
    check_error(web.post("/api/admin/create-employee/", body), 401, "unauthenticated");
    // And never with a chosen password.
    auto with_password = body;
    with_password["password"] = "1234";
    check_field_error(web.post("/api/admin/create-employee/", with_password, admin.access), 400, "invalid_argument",
                      "password");
    auto bad_role = body;
    bad_role["role"] = "Overlord";
    check_field_error(web.post("/api/admin/create-employee/", bad_role, admin.access), 400, "invalid_argument", "role");
    CHECK(all_accounts(f).size() == before);
    CHECK(!account_by_email(f, "made.by.admin@desk.test"));

    auto created = web.post("/api/admin/create-employee/", body, admin.access);
    REQUIRE_MESSAGE(created.status == 201, created.body);
    const auto a = created.json().as_object();
    CHECK(a.at("status").as_string() == "Approved");
    CHECK(a.at("role").as_string() == "Ticket Coordinator");
    CHECK(is_company_id(a.at("company_id").as_string()));
    CHECK(all_accounts(f).size() == before + 1);

    // Without a role it is an Employee; the same address again is a conflict.
    auto plain = body;
    plain.erase("role");
    plain["email"] = "plain.by.admin@desk.test";
    auto employee = web.post("/api/admin/create-employee/", plain, admin.access);
    REQUIRE_MESSAGE(employee.status == 201, employee.body);
    CHECK(employee.json().at("role").as_string() == "Employee");
    CHECK(employee.json().at("company_id").as_string() != a.at("company_id").as_string());
    check_field_error(web.post("/api/admin/create-employee/", body, admin.access), 409, "conflict", "email");

    // No default password ("1234", empty, the fixture's) opens the account.
    for (const std::string& guess : std::vector<std::string>{"1234", "", test_password}) {
        const auto login = web.post("/api/token/admin/", {{"email", "made.by.admin@desk.test"}, {"password", guess}});
        CHECK_MESSAGE(login.status >= 400, login.body);
        CHECK(login.status < 500);
    }
}
