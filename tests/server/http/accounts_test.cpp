// Accounts over HTTP: sign-up, admin-made accounts, the employee list,
// approval and rejection with its audit, the profile and its picture, and
// the password routes — each success and each refusal, with the spec's
// error body and a re-read showing that a refusal changed nothing.
#include "api_checks.hpp"

#include "auth/signed_url.hpp"

#include <regex>
#include <set>

using namespace http_test;
using namespace http_test::routes;

namespace {

boost::json::object sign_up_body(const std::string& email) {
    return {{"email", email},
            {"first_name", "Sam"},
            {"last_name", "Signup"},
            {"department", "IT Department"},
            {"password", test_password},
            {"confirm_password", test_password}};
}

std::vector<form_field> sign_up_form(const std::string& email) {
    return {{"email", email},
            {"first_name", "Mona"},
            {"last_name", "Multipart"},
            {"department", "Asset Department"},
            {"password", test_password},
            {"confirm_password", test_password}};
}

// Every account the admin can see (one page of up to 100).
template <class Fixture>
boost::json::array all_accounts(Fixture& f, const std::string& query = "") {
    const auto r = f.http().get("/api/employees/?page_size=100" + query, f.admin().access);
    REQUIRE_MESSAGE(r.status == 200, r.body);
    return r.json().at("results").as_array();
}

template <class Fixture>
std::optional<boost::json::object> account_by_email(Fixture& f, const std::string& email) {
    for (const auto& a : all_accounts(f)) {
        if (a.at("email").as_string() == email) {
            return a.as_object();
        }
    }
    return std::nullopt;
}

bool is_company_id(std::string_view text) {
    static const std::regex pattern{"MA[0-9]{4,}"};
    return std::regex_match(text.begin(), text.end(), pattern);
}

} // namespace

TEST_CASE_TEMPLATE("sign-up over JSON and over multipart creates a Pending Employee", Factory, HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();

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

TEST_CASE_TEMPLATE("sign-up that sets role or status is refused and creates nothing (defect 1)", Factory, HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();
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

TEST_CASE_TEMPLATE("sign-up with bad fields answers 400 with field errors", Factory, HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();
    const auto before = all_accounts(f).size();

    auto body = sign_up_body("not-an-address");
    check_field_error(web.post("/api/create_employee/", body), 400, "invalid_argument", "email");

    body = sign_up_body("nofirst@desk.test");
    body.erase("first_name");
    check_field_error(web.post("/api/create_employee/", body), 400, "invalid_argument", "first_name");

    body = sign_up_body("digits@desk.test");
    body["last_name"] = "R2D2";
    check_field_error(web.post("/api/create_employee/", body), 400, "invalid_argument", "last_name");

    body = sign_up_body("weak@desk.test");
    body["password"] = "password";
    body["confirm_password"] = "password";
    check_field_error(web.post("/api/create_employee/", body), 400, "invalid_argument", "password");

    body = sign_up_body("mismatch@desk.test");
    body["confirm_password"] = "Passw0rd!y";
    check_field_error(web.post("/api/create_employee/", body), 400, "invalid_argument", "confirm_password");

    body = sign_up_body("dept@desk.test");
    body["department"] = "Catering";
    check_field_error(web.post("/api/create_employee/", body), 400, "invalid_argument", "department");

    body = sign_up_body("suffix@desk.test");
    body["suffix"] = "Esq.";
    check_field_error(web.post("/api/create_employee/", body), 400, "invalid_argument", "suffix");

    body = sign_up_body("company@desk.test");
    body["company_id"] = "XX12";
    check_field_error(web.post("/api/create_employee/", body), 400, "invalid_argument", "company_id");

    body = sign_up_body("number@desk.test");
    body["first_name"] = 42;
    check_field_error(web.post("/api/create_employee/", body), 400, "invalid_argument", "first_name");

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

TEST_CASE_TEMPLATE("sign-up with a taken email or company id is a 409 naming the field", Factory, HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();
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

TEST_CASE_TEMPLATE("admin create-employee makes an Approved account with a generated company id and no password", Factory,
                   HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();
    const auto admin = f.admin();
    const auto coordinator = f.account("Cora", "Ticket Coordinator");
    const auto alice = f.account("Alice");
    const boost::json::object body{{"email", "made.by.admin@desk.test"},
                                   {"first_name", "Made"},
                                   {"last_name", "Byadmin"},
                                   {"department", "Budget Department"},
                                   {"role", "Ticket Coordinator"}};
    const auto before = all_accounts(f).size();

    // Defect 4: no one but a System Admin creates accounts.
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

TEST_CASE_TEMPLATE("employee list is for staff, filters by role, status and department, and pages", Factory,
                   HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();
    const auto admin = f.admin();
    const auto coordinator = f.account("Cora", "Ticket Coordinator");
    const auto alice = f.account("Alice");
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

    auto by_role = web.get("/api/employees/?role=Employee", admin.access);
    REQUIRE(by_role.status == 200);
    CHECK(by_role.number("count") == 4);
    for (const auto doc = by_role.json(); const auto& a : doc.at("results").as_array()) {
        CHECK(a.at("role").as_string() == "Employee");
    }
    auto staff = web.get("/api/employees/?role=Ticket%20Coordinator", admin.access);
    REQUIRE(staff.status == 200);
    CHECK(staff.number("count") == 1);
    CHECK(staff.json().at("results").as_array()[0].at("id").as_int64() == coordinator.id);

    auto waiting = web.get("/api/employees/?status=Pending", coordinator.access);
    REQUIRE(waiting.status == 200);
    CHECK(waiting.number("count") == 2);
    for (const auto doc = waiting.json(); const auto& a : doc.at("results").as_array()) {
        CHECK(a.at("status").as_string() == "Pending");
    }
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

TEST_CASE_TEMPLATE("approving a sign-up is for the System Admin alone", Factory, HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();
    const auto admin = f.admin();
    const auto coordinator = f.account("Cora", "Ticket Coordinator");
    const auto alice = f.account("Alice");
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

TEST_CASE_TEMPLATE("rejecting a sign-up needs a reason, removes the account and writes an audit only admins read",
                   Factory, HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();
    const auto admin = f.admin();
    const auto coordinator = f.account("Cora", "Ticket Coordinator");
    const auto alice = f.account("Alice");
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

    // The audit: the admin reads it; coordinators and employees do not (defect 5).
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

TEST_CASE_TEMPLATE("rejected-employees pages newest first", Factory, HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();
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

TEST_CASE_TEMPLATE("profile returns the caller's own account", Factory, HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();
    const auto alice = f.account("Alice");
    const auto coordinator = f.account("Cora", "Ticket Coordinator");
    auto me = web.get("/api/employee/profile/", alice.access);
    REQUIRE_MESSAGE(me.status == 200, me.body);
    CHECK(me.number("id") == alice.id);
    CHECK(me.text("email") == alice.email);
    CHECK(me.text("role") == "Employee");
    CHECK(me.text("status") == "Approved");
    CHECK(me.json().at("image_url").is_null());
    CHECK(me.body.find("pbkdf2") == std::string::npos);
    auto staff = web.get("/api/employee/profile/", coordinator.access);
    REQUIRE(staff.status == 200);
    CHECK(staff.number("id") == coordinator.id);
    CHECK(staff.text("role") == "Ticket Coordinator");
    check_error(web.get("/api/employee/profile/"), 401, "unauthenticated");
    check_error(web.get("/api/employee/profile/", "not-a-token"), 401, "unauthenticated");
}

TEST_CASE_TEMPLATE("profile picture: a PNG is stored and served through a signed URL, anything else is refused",
                   Factory, HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();
    const auto alice = f.account("Alice");
    const auto bob = f.account("Bob");
    const auto coordinator = f.account("Cora", "Ticket Coordinator");

    // Text dressed as a PNG, by name and by claimed type.
    auto fake = web.post_form("/api/employee/upload-image/",
                              {{"image", "just some text, honest", "me.png", "image/png"}}, alice.access);
    check_field_error(fake, 415, "unsupported_media_type", "image");
    // Too large: a real PNG signature, 2 MiB + 1 bytes.
    auto big = tiny_png();
    big.resize(2 * 1024 * 1024 + 1, 'x');
    auto too_big = web.post_form("/api/employee/upload-image/", {{"image", big, "big.png", "image/png"}}, alice.access);
    // Under the upload route's HTTP limit, so the engine's 2 MiB rule answers (spec §4: 413).
    check_field_error(too_big, 413, "payload_too_large", "image");
    // Nothing, a text field, or two files.
    check_field_error(web.post_form("/api/employee/upload-image/", {{"note", "hi"}}, alice.access), 400,
                      "invalid_argument", "image");
    check_field_error(web.post_form("/api/employee/upload-image/", {{"image", "not a file"}}, alice.access), 400,
                      "invalid_argument", "image");
    check_field_error(web.post_form("/api/employee/upload-image/",
                                    {{"image", tiny_png(), "a.png", "image/png"}, {"image", tiny_png(), "b.png", "image/png"}},
                                    alice.access),
                      400, "invalid_argument", "image");
    check_error(web.post_form("/api/employee/upload-image/", {{"image", tiny_png(), "a.png", "image/png"}}), 401,
                "unauthenticated");
    CHECK(web.get("/api/employee/profile/", alice.access).json().at("image_url").is_null());

    auto ok = web.post_form("/api/employee/upload-image/", {{"image", tiny_png(), "me.txt", "text/plain"}}, alice.access);
    REQUIRE_MESSAGE(ok.status == 200, ok.body);
    const auto url = ok.text("image_url");
    CHECK(path_of(url) == "/api/employees/" + id_of(alice) + "/image/");
    CHECK(param_of(url, "u") == id_of(alice));
    CHECK(!param_of(url, "exp").empty());
    CHECK(!param_of(url, "sig").empty());
    CHECK(url.find(alice.access) == std::string::npos);

    auto image = web.get(url);
    REQUIRE_MESSAGE(image.status == 200, image.body);
    CHECK(image.body == tiny_png());
    CHECK(image.header("Content-Type") == "image/png");
    CHECK(image.header("X-Content-Type-Options") == "nosniff");
    // The profile now carries a fresh signed URL to the same picture.
    const auto again = web.get("/api/employee/profile/", alice.access).text("image_url");
    CHECK(path_of(again) == path_of(url));
    CHECK(web.get(again).body == tiny_png());

    // A refused replacement leaves the stored picture alone.
    check_field_error(web.post_form("/api/employee/upload-image/", {{"image", "GIF89a....", "x.gif", "image/gif"}},
                                    alice.access),
                      415, "unsupported_media_type", "image");
    CHECK(web.get(web.get("/api/employee/profile/", alice.access).text("image_url")).body == tiny_png());

    // A tampered, re-pointed or expired link is refused; bearer tokens do not replace it.
    check_error(web.get(with_param(url, "sig", std::string(43, 'A'))), 401, "unauthenticated");
    check_error(web.get(with_param(url, "u", id_of(bob))), 401, "unauthenticated");
    check_error(web.get(with_param(url, "exp", std::to_string(now_seconds() + 3600))), 401, "unauthenticated");
    check_error(web.get(path_of(url)), 401, "unauthenticated");
    check_error(web.get(path_of(url), alice.access), 401, "unauthenticated");
    const auto path = path_of(url);
    const auto expired = path + "?" + helpdesk::server::sign_url_query(path, alice.id, now_seconds() - 10, test_secret);
    check_error(web.get(expired), 401, "unauthenticated");
    // A correctly signed link for Bob to Alice's picture: Bob may not see it; staff may.
    const auto as_bob = path + "?" + helpdesk::server::sign_url_query(path, bob.id, now_seconds() + 60, test_secret);
    check_error(web.get(as_bob), 404, "not_found");
    const auto as_staff =
        path + "?" + helpdesk::server::sign_url_query(path, coordinator.id, now_seconds() + 60, test_secret);
    CHECK(web.get(as_staff).body == tiny_png());
    // Someone without a picture.
    const auto bob_path = "/api/employees/" + id_of(bob) + "/image/";
    check_error(web.get(bob_path + "?" + helpdesk::server::sign_url_query(bob_path, bob.id, now_seconds() + 60, test_secret)),
                404, "not_found");
}

TEST_CASE_TEMPLATE("check-password answers valid true or false for the caller only", Factory, HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();
    const auto alice = f.account("Alice");
    auto right = web.post("/api/employee/check-password/", {{"password", test_password}}, alice.access);
    REQUIRE_MESSAGE(right.status == 200, right.body);
    CHECK(right.json() == boost::json::value{{"valid", true}});
    auto wrong = web.post("/api/employee/check-password/", {{"password", "Wrong0ne!"}}, alice.access);
    REQUIRE_MESSAGE(wrong.status == 200, wrong.body);
    CHECK(wrong.json() == boost::json::value{{"valid", false}});
    check_field_error(web.post("/api/employee/check-password/", boost::json::object{}, alice.access), 400,
                      "invalid_argument", "password");
    check_field_error(web.post("/api/employee/check-password/", {{"password", 12345678}}, alice.access), 400,
                      "invalid_argument", "password");
    check_error(web.post("/api/employee/check-password/", {{"password", test_password}}), 401, "unauthenticated");
}

TEST_CASE_TEMPLATE("change-password checks the current password and then the new one works", Factory, HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();
    const auto alice = f.account("Alice");
    const std::string next = "N3w-Passw0rd!";
    check_field_error(web.post("/api/employee/change-password/",
                               {{"current_password", "Wrong0ne!"}, {"new_password", next}, {"confirm_password", next}},
                               alice.access),
                      400, "invalid_argument", "current_password");
    check_field_error(web.post("/api/employee/change-password/",
                               {{"current_password", test_password}, {"new_password", next}, {"confirm_password", "x"}},
                               alice.access),
                      400, "invalid_argument", "confirm_password");
    check_field_error(web.post("/api/employee/change-password/", {{"current_password", test_password}}, alice.access),
                      400, "invalid_argument", "new_password");
    check_error(web.post("/api/employee/change-password/",
                         {{"current_password", test_password}, {"new_password", next}, {"confirm_password", next}}),
                401, "unauthenticated");
    // Nothing changed so far.
    CHECK(web.post("/api/token/employee/", {{"email", alice.email}, {"password", test_password}}).status == 200);

    auto changed = web.post("/api/employee/change-password/",
                            {{"current_password", test_password}, {"new_password", next}, {"confirm_password", next}},
                            alice.access);
    REQUIRE_MESSAGE(changed.status == 200, changed.body);
    CHECK(!changed.text("detail").empty());
    check_error(web.post("/api/token/employee/", {{"email", alice.email}, {"password", test_password}}), 401,
                "unauthenticated");
    CHECK(web.post("/api/token/employee/", {{"email", alice.email}, {"password", next}}).status == 200);
}

TEST_CASE_TEMPLATE("forgot-password answers alike for known and unknown addresses (defect 8)", Factory, HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();
    const auto alice = f.account("Alice");
    auto known = web.post("/api/employee/forgot-password/", {{"email", alice.email}});
    auto unknown = web.post("/api/employee/forgot-password/", {{"email", "nobody.here@desk.test"}});
    auto malformed = web.post("/api/employee/forgot-password/", {{"email", "not an address"}});
    REQUIRE_MESSAGE(known.status == 200, known.body);
    CHECK(unknown.status == 200);
    CHECK(malformed.status == 200);
    CHECK(known.body == unknown.body);
    CHECK(known.body == malformed.body);
    CHECK(known.body.find("token") == std::string::npos);
    check_field_error(web.post("/api/employee/forgot-password/", boost::json::object{}), 400, "invalid_argument",
                      "email");
}

TEST_CASE_TEMPLATE("reset-password refuses a bad token and sets the password with a real one, once", Factory,
                   HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();
    const auto alice = f.account("Alice");
    const std::string next = "R3set-Passw0rd!";

    check_field_error(web.post("/api/employee/reset-password/",
                               {{"token", "not-a-real-token"}, {"new_password", next}, {"confirm_password", next}}),
                      400, "invalid_argument", "token");
    check_field_error(web.post("/api/employee/reset-password/", {{"new_password", next}, {"confirm_password", next}}), 400,
                      "invalid_argument", "token");

    const auto token = f.desk().accounts().request_password_reset(alice.email);
    REQUIRE(token);
    // A mismatched confirmation is refused and does not spend the token.
    auto mismatch = web.post("/api/employee/reset-password/",
                             {{"token", *token}, {"new_password", next}, {"confirm_password", "Other-Passw0rd!"}});
    check_field_error(mismatch, 400, "invalid_argument", "confirm_password");
    auto weak = web.post("/api/employee/reset-password/",
                         {{"token", *token}, {"new_password", "short"}, {"confirm_password", "short"}});
    check_error(weak, 400, "invalid_argument");
    CHECK(web.post("/api/token/employee/", {{"email", alice.email}, {"password", test_password}}).status == 200);

    auto reset = web.post("/api/employee/reset-password/",
                          {{"token", *token}, {"new_password", next}, {"confirm_password", next}});
    REQUIRE_MESSAGE(reset.status == 200, reset.body);
    CHECK(!reset.text("detail").empty());
    CHECK(web.post("/api/token/employee/", {{"email", alice.email}, {"password", next}}).status == 200);
    check_error(web.post("/api/token/employee/", {{"email", alice.email}, {"password", test_password}}), 401,
                "unauthenticated");
    // Single use.
    const std::string third = "Th1rd-Passw0rd!";
    check_field_error(web.post("/api/employee/reset-password/",
                               {{"token", *token}, {"new_password", third}, {"confirm_password", third}}),
                      400, "invalid_argument", "token");
    CHECK(web.post("/api/token/employee/", {{"email", alice.email}, {"password", next}}).status == 200);
}
