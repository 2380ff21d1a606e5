// Account administration over HTTP (docs/product.md#account-administration):
// a System Admin reads and edits an account, changes its role, deactivates
// and reactivates it, and reads its history; everyone else is refused in
// the one error shape.
#include "api_checks.hpp"

using namespace http_test;
using namespace http_test::routes;

namespace {

header_list json_auth(const person& p) {
    return {{"Authorization", "Bearer " + p.access}, {"Content-Type", "application/json"}};
}

std::string account_path(std::int64_t id, const std::string& tail = "") {
    return "/api/employees/" + std::to_string(id) + "/" + tail;
}

reply post_action(client& web, const person& who, std::int64_t id, const std::string& action,
                  const std::string& body = "") {
    return web.send(http::verb::post, account_path(id, action), body, json_auth(who));
}

} // namespace

HTTP_TEST_CASE("account administration - edit names and department, read the account and its history") {
    const auto [admin, coordinator, alice] = f.cast();
    const auto edit = [&](const person& who, std::int64_t id, const std::string& body) {
        return web.send(http::verb::patch, account_path(id), body, json_auth(who));
    };
    const std::string rename = R"({"first_name": "Alicia", "middle_name": "Jo", "department": "Asset Department"})";

    check_error(edit(coordinator, alice.id, rename), 403, "permission_denied");
    check_error(edit(alice, alice.id, rename), 403, "permission_denied");
    check_error(web.send(http::verb::patch, account_path(alice.id), rename), 401, "unauthenticated");
    check_error(edit(admin, 999999, rename), 404, "not_found");
    check_field_error(edit(admin, alice.id, R"({"department": "Marketing"})"), 400, "invalid_argument", "department");
    check_field_error(edit(admin, alice.id, R"({"last_name": "R2-D2"})"), 400, "invalid_argument", "last_name");
    check_field_error(edit(admin, alice.id, R"({"email": "new@desk.test"})"), 400, "invalid_argument", "email");
    check_field_error(edit(admin, alice.id, R"({"role": "System Admin"})"), 400, "invalid_argument", "role");

    const auto edited = edit(admin, alice.id, rename);
    REQUIRE_MESSAGE(edited.status == 200, edited.body);
    CHECK(edited.text("first_name") == "Alicia");
    CHECK(edited.text("department") == "Asset Department");
    CHECK(edited.json().at("is_active").as_bool());

    // Reading one account: staff any, an employee only their own.
    const auto read = web.get(account_path(alice.id), coordinator.access);
    REQUIRE_MESSAGE(read.status == 200, read.body);
    CHECK(read.text("middle_name") == "Jo");
    CHECK(web.get(account_path(alice.id), alice.access).status == 200);
    check_error(web.get(account_path(coordinator.id), alice.access), 404, "not_found");

    // The history: System Admins only, one row per field, oldest first, paged.
    check_error(web.get(account_path(alice.id, "history/"), coordinator.access), 403, "permission_denied");
    check_error(web.get(account_path(999999, "history/"), admin.access), 404, "not_found");
    const auto history = web.get(account_path(alice.id, "history/?page_size=2"), admin.access);
    REQUIRE_MESSAGE(history.status == 200, history.body);
    const auto page = history.json();
    CHECK((page.at("count") == 3 && page.at("next").is_string()));
    const auto& first = page.at("results").at(0);
    CHECK(first.at("field") == "first_name");
    CHECK(first.at("new_value") == "Alicia");
    CHECK(first.at("actor") == admin.id);
    CHECK(page.at("results").at(1).at("field") == "middle_name");
    CHECK(page.at("results").at(1).at("old_value").is_null());
    CHECK(page.at("results").as_array().size() == 2);
    check_field_error(web.get(account_path(alice.id, "history/?status=x"), admin.access), 400, "invalid_argument",
                      "status");
}

HTTP_TEST_CASE("account administration - role changes, and the last active System Admin") {
    const auto [admin, coordinator, alice] = f.cast();
    check_error(post_action(web, coordinator, alice.id, "change-role/", R"({"role": "Ticket Coordinator"})"), 403,
                "permission_denied");
    check_field_error(post_action(web, admin, alice.id, "change-role/", R"({"role": "Overlord"})"), 400,
                      "invalid_argument", "role");
    check_field_error(post_action(web, admin, alice.id, "change-role/", "{}"), 400, "invalid_argument", "role");
    check_error(post_action(web, admin, 999999, "change-role/", R"({"role": "Employee"})"), 404, "not_found");

    const auto promoted = post_action(web, admin, alice.id, "change-role/", R"({"role": "Ticket Coordinator"})");
    REQUIRE_MESSAGE(promoted.status == 200, promoted.body);
    CHECK(promoted.text("role") == "Ticket Coordinator");

    // The only admin may neither step down nor be deactivated.
    const auto last = post_action(web, admin, admin.id, "change-role/", R"({"role": "Employee"})");
    check_error(last, 409, "conflict");
    CHECK(last.text("detail").find("last active System Admin") != std::string::npos);
    check_error(post_action(web, admin, admin.id, "deactivate/"), 409, "conflict");
    CHECK(web.get("/api/employee/profile/", admin.access).text("role") == "System Admin");
}

HTTP_TEST_CASE("account administration - a deactivated account cannot sign in or use its tokens, its tickets return") {
    const auto [admin, coordinator, alice] = f.cast();
    const auto t = f.ticket(alice);
    const auto ticket_path = "/api/tickets/" + id_of(t) + "/";
    REQUIRE(web.post(ticket_path + "approve/", boost::json::object{}, admin.access).status == 200);
    REQUIRE(web.post(ticket_path + "claim/", boost::json::object{}, coordinator.access).status == 200);
    const auto version_before = web.get(ticket_path, alice.access).number("version");

    check_error(post_action(web, alice, coordinator.id, "deactivate/"), 403, "permission_denied");
    check_error(post_action(web, coordinator, alice.id, "deactivate/"), 403, "permission_denied");
    check_error(post_action(web, admin, 999999, "deactivate/"), 404, "not_found");

    const auto off = post_action(web, admin, coordinator.id, "deactivate/");
    REQUIRE_MESSAGE(off.status == 200, off.body);
    CHECK_FALSE(off.json().at("is_active").as_bool());
    CHECK(off.text("status") == "Approved");
    const auto deactivated = web.get("/api/employees/?is_active=false", admin.access);
    REQUIRE(deactivated.status == 200);
    CHECK(deactivated.number("count") == 1);
    CHECK(deactivated.json().at("results").at(0).at("id") == coordinator.id);
    check_field_error(web.get("/api/employees/?is_active=maybe", admin.access), 400, "invalid_argument", "is_active");

    // Signing in is refused in the one error shape, at every login route.
    for (const char* route : {"/api/token/", "/api/token/admin/"}) {
        const auto login = web.post(route, {{"email", coordinator.email}, {"password", test_password}});
        check_error(login, 403, "permission_denied");
        CHECK(login.text("detail").find("deactivated") != std::string::npos);
    }
    // The access token in hand is refused; the refresh token was revoked.
    const auto with_token = web.get("/api/tickets/my-tickets/", coordinator.access);
    check_error(with_token, 403, "permission_denied");
    CHECK(with_token.text("detail").find("deactivated") != std::string::npos);
    check_error(web.get("/api/employee/profile/", coordinator.access), 403, "permission_denied");
    check_error(web.post("/api/token/refresh/", {{"refresh", coordinator.refresh}}), 401, "unauthenticated");

    // The ticket went back to the queue, and its owner sees why.
    const auto back = web.get(ticket_path, alice.access);
    REQUIRE(back.status == 200);
    CHECK(back.text("status") == "Open");
    CHECK(back.json().at("assigned_to").is_null());
    CHECK(back.number("version") == version_before + 1);
    const auto history = web.get(ticket_path + "history/", alice.access);
    REQUIRE(history.status == 200);
    bool unassigned = false;
    const auto history_rows = history.json(); // kept: the loop walks inside it
    for (const auto& row : history_rows.at("results").as_array()) {
        if (row.at("kind").as_string() == "unassigned") {
            unassigned = true;
            CHECK(row.at("old_value").as_string() == std::to_string(coordinator.id));
        }
    }
    CHECK(unassigned);
    CHECK(back.body.find("Returned to the queue: the assignee's account was deactivated.") != std::string::npos);
    const auto queue = web.get("/api/tickets/open/", admin.access);
    CHECK(queue.body.find(t.at("ticket_number").as_string().c_str()) != std::string::npos);

    // Reactivated: signing in works again (with a new session).
    check_error(post_action(web, coordinator, coordinator.id, "reactivate/"), 403, "permission_denied");
    const auto on = post_action(web, admin, coordinator.id, "reactivate/");
    REQUIRE_MESSAGE(on.status == 200, on.body);
    CHECK(on.json().at("is_active").as_bool());
    const auto again = f.login("/api/token/admin/", coordinator.email, test_password);
    CHECK(web.get("/api/tickets/my-tickets/", again.access).status == 200);
    const auto rows = web.get(account_path(coordinator.id, "history/"), admin.access);
    REQUIRE(rows.status == 200);
    CHECK(rows.number("count") == 3); // the promotion, the deactivation, the reactivation
}
