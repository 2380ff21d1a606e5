// What the web console asks of the API: the catalogue, the
// actions each ticket view offers its reader, the names of comment authors
// and history actors, and editing one's own names.
#include "auth_support.hpp"

#include <set>

using namespace http_test;
using namespace http_test::guard;

namespace {

std::vector<std::string> strings(const boost::json::value& v) {
    std::vector<std::string> out;
    for (const auto& item : v.as_array()) {
        out.emplace_back(item.as_string());
    }
    return out;
}

std::vector<std::string> actions_of(const boost::json::value& ticket) {
    return strings(ticket.at("actions"));
}

std::vector<std::string> targets_of(const boost::json::value& ticket) {
    return strings(ticket.at("status_targets"));
}

using names = std::vector<std::string>;

header_list auth(const person& p) {
    return {{"Authorization", "Bearer " + p.access}};
}

reply patch_profile(client& web, const person& p, const std::string& body,
                    const std::string& content_type = "application/json") {
    auto headers = auth(p);
    headers.emplace_back("Content-Type", content_type);
    return web.send(http::verb::patch, "/api/employee/profile/", body, headers);
}

} // namespace

HTTP_TEST_CASE("console api - GET /api/catalog/ needs no sign-in and lists the engine's choices and limits") {
    const auto r = web.get("/api/catalog/");
    REQUIRE_MESSAGE(r.status == 200, r.body);
    CHECK(r.header("Content-Type") == "application/json");
    const auto c = r.json().as_object();
    std::set<std::string> keys;
    for (const auto& [k, v] : c) {
        keys.emplace(k);
    }
    CHECK(keys == std::set<std::string>{"departments", "categories", "priorities", "statuses", "roles", "suffixes",
                                        "attachments", "image", "password"});
    CHECK(strings(c.at("departments")) == names{"IT Department", "Asset Department", "Budget Department"});
    const auto& categories = c.at("categories").as_array();
    REQUIRE(categories.size() == 3);
    CHECK(categories[0].at("name").as_string() == "IT Category");
    CHECK(strings(categories[0].at("sub_categories")).size() == 5);
    CHECK(strings(categories[1].at("sub_categories")) == names{"Asset Check-out", "Asset Check-in"});
    CHECK(strings(categories[2].at("sub_categories")) == names{"Project Proposal"});
    CHECK(strings(c.at("priorities")) == names{"Critical", "High", "Medium", "Low"});
    CHECK(strings(c.at("statuses")) == names{"New", "Open", "In Progress", "On Hold", "Pending", "Resolved", "Closed",
                                             "Rejected", "Withdrawn"});
    CHECK(strings(c.at("roles")) == names{"Employee", "Ticket Coordinator", "System Admin"});
    CHECK(strings(c.at("suffixes")) == names{"Jr.", "Sr.", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"});

    const auto& files = c.at("attachments").as_object();
    CHECK(files.at("max_file_bytes").as_int64() == 10 * 1024 * 1024);
    CHECK(files.at("max_files").as_int64() == 10);
    std::set<std::string> types;
    for (const auto& t : files.at("types").as_array()) {
        types.emplace(t.at("content_type").as_string());
        CHECK_FALSE(t.at("extensions").as_array().empty());
        for (const auto& e : strings(t.at("extensions"))) {
            CHECK(e.starts_with("."));
        }
        if (t.at("content_type").as_string() == "image/jpeg") {
            CHECK(strings(t.at("extensions")) == names{".jpg", ".jpeg"});
        }
    }
    CHECK(types.size() == 8);
    CHECK(types.count("application/pdf") == 1);
    CHECK(types.count("text/csv") == 1);
    const auto& image = c.at("image").as_object();
    CHECK(image.at("max_bytes").as_int64() == 2 * 1024 * 1024);
    CHECK(strings(image.at("types")) == names{"image/png", "image/jpeg"});
    CHECK(boost::json::serialize(c.at("password").at("min_length")) == "8");
    CHECK(c.at("password").at("rule").as_string().size() > 20);

    // The same for a signed-in caller; other methods are refused.
    CHECK(web.get("/api/catalog/", f.admin().access).body == r.body);
    check_error(web.post("/api/catalog/", boost::json::object{}), 405, "method_not_allowed");
    // Sign-up accepts what the catalogue lists and refuses what it does not.
    int n = 0;
    auto signup = [&](const std::string& department, const std::string& suffix) {
        return web.post("/api/create_employee/", {{"email", "cat" + std::to_string(++n) + "@desk.test"},
                                                   {"first_name", "Cat"},
                                                   {"last_name", "Alog"},
                                                   {"suffix", suffix},
                                                   {"department", department},
                                                   {"password", test_password},
                                                   {"confirm_password", test_password}});
    };
    CHECK(signup("Budget Department", "IX").status == 201);
    check_error(signup("Budget Department", "Esq."), 400, "invalid_argument");
    check_error(signup("Sales Department", "Jr."), 400, "invalid_argument");
}

HTTP_TEST_CASE("console api - each ticket view lists the reader's actions and status targets") {
    const auto admin = f.admin();
    const auto cora = f.account("Cora", "Ticket Coordinator");
    const auto alice = f.account("Alice");
    const auto bob = f.account("Bob");

    // New: created, as the owner and as staff.
    const auto created = f.ticket(alice);
    const auto id = std::to_string(created.at("id").as_int64());
    const auto number = std::string{created.at("ticket_number").as_string()};
    CHECK(actions_of(created) == names{"withdraw", "comment", "attach"});
    CHECK(targets_of(created).empty());
    const auto as_staff = web.get("/api/tickets/" + number + "/", cora.access);
    REQUIRE(as_staff.status == 200);
    CHECK(actions_of(as_staff.json()) == names{"approve", "reject", "comment", "comment_internal", "attach"});
    CHECK(targets_of(as_staff.json()).empty());
    // Another employee cannot see it at all.
    check_error(web.get("/api/tickets/" + id + "/", bob.access), 404, "not_found");

    // List rows and queue rows carry the same, for their reader.
    const auto mine = web.get("/api/tickets/", alice.access).json();
    REQUIRE(mine.at("results").as_array().size() == 1);
    CHECK(actions_of(mine.at("results").as_array()[0]) == names{"withdraw", "comment", "attach"});
    const auto queue = web.get("/api/tickets/new/", cora.access).json();
    REQUIRE(queue.at("results").as_array().size() == 1);
    CHECK(actions_of(queue.at("results").as_array()[0]) == actions_of(as_staff.json()));
    const auto cursor_page = web.get("/api/tickets/?cursor=", admin.access).json();
    CHECK(actions_of(cursor_page.at("results").as_array()[0]) == actions_of(as_staff.json()));
    CHECK(web.get("/api/tickets/", bob.access).json().at("results").as_array().empty());

    // Open: the action's answer is the view for the caller.
    const auto approved = web.post("/api/tickets/" + id + "/approve/", {{"priority", "High"}}, cora.access);
    REQUIRE_MESSAGE(approved.status == 200, approved.body);
    CHECK(actions_of(approved.json()) ==
          names{"claim", "assign", "update_status", "comment", "comment_internal", "attach", "finalize", "edit_ticket"});
    CHECK(targets_of(approved.json()) == names{"In Progress", "On Hold", "Pending"});
    CHECK(actions_of(web.get("/api/tickets/" + id + "/", alice.access).json()) == names{"withdraw", "comment", "attach"});

    // What is listed is accepted; once done it is no longer listed.
    const auto claimed = web.post("/api/tickets/" + id + "/claim/", boost::json::object{}, cora.access);
    REQUIRE(claimed.status == 200);
    CHECK(actions_of(claimed.json()) ==
          names{"assign", "update_status", "comment", "comment_internal", "attach", "finalize", "edit_ticket", "unassign"});
    CHECK(targets_of(claimed.json()) == names{"Open", "On Hold", "Pending", "Resolved"});
    const auto finalized = web.post("/api/tickets/" + id + "/finalize/", boost::json::object{}, cora.access);
    REQUIRE(finalized.status == 200);
    CHECK(actions_of(finalized.json()) ==
          names{"assign", "update_status", "comment", "comment_internal", "attach", "edit_ticket", "unassign"});

    // Resolved: the owner may close or reopen; staff only close it by update-status.
    const auto resolved = web.post("/api/tickets/" + id + "/update-status/", {{"status", "Resolved"}}, cora.access);
    REQUIRE(resolved.status == 200);
    CHECK(targets_of(resolved.json()) == names{"Closed"});
    CHECK(actions_of(resolved.json()) ==
          names{"update_status", "comment", "comment_internal", "attach", "edit_ticket", "unassign"});
    const auto owner_view = web.get("/api/tickets/" + id + "/", alice.access).json();
    CHECK(actions_of(owner_view) == names{"close", "reopen", "comment", "attach"});
    CHECK(targets_of(owner_view).empty());
    // Something not listed is refused: the owner cannot update the status.
    check_error(web.post("/api/tickets/" + id + "/update-status/", {{"status", "Closed"}}, alice.access), 403,
                "permission_denied");

    // Closed: nothing left to do for anyone.
    const auto closed = web.post("/api/tickets/" + id + "/close/", boost::json::object{}, alice.access);
    REQUIRE(closed.status == 200);
    CHECK(actions_of(closed.json()).empty());
    CHECK(actions_of(web.get("/api/tickets/" + id + "/", admin.access).json()).empty());

    // A rejected ticket offers nothing either; a withdrawn one neither.
    const auto second = f.ticket(alice, "Second");
    const auto second_id = std::to_string(second.at("id").as_int64());
    CHECK(actions_of(web.post("/api/tickets/" + second_id + "/reject/", {{"reason", "Duplicate"}}, cora.access).json())
              .empty());
    const auto third = std::to_string(f.ticket(alice, "Third").at("id").as_int64());
    CHECK(actions_of(web.post("/api/tickets/" + third + "/withdraw/", boost::json::object{}, alice.access).json()).empty());
}

HTTP_TEST_CASE("console api - the workflow system's ticket answer offers no actions") {
    const auto cora = f.account("Cora", "Ticket Coordinator");
    const auto alice = f.account("Alice");
    const auto t = f.ticket(alice);
    const auto id = std::to_string(t.at("id").as_int64());
    REQUIRE(web.post("/api/tickets/" + id + "/approve/", boost::json::object{}, cora.access).status == 200);
    const auto key = f.workflow_key();
    const auto moved = web.post("/api/workflow/tickets/" + std::string{t.at("ticket_number").as_string()} + "/status/",
                                {{"status", "In Progress"}}, "", {{"X-API-Key", key}});
    REQUIRE_MESSAGE(moved.status == 200, moved.body);
    CHECK(actions_of(moved.json()).empty());
    CHECK(targets_of(moved.json()).empty());
}

HTTP_TEST_CASE("console api - comments carry their author's name and role, history its actor's name") {
    const auto cora = f.account("Cora", "Ticket Coordinator");
    const auto alice = f.account("Alice");
    const auto t = f.ticket(alice);
    const auto id = std::to_string(t.at("id").as_int64());
    const auto number = std::string{t.at("ticket_number").as_string()};
    REQUIRE(web.post("/api/tickets/" + id + "/approve/", boost::json::object{}, cora.access).status == 200);

    const auto note = web.post("/api/tickets/" + id + "/comments/", {{"text", "Disk is failing"}, {"is_internal", true}},
                               cora.access);
    REQUIRE_MESSAGE(note.status == 201, note.body);
    CHECK(note.text("author_name") == "Cora Tester");
    CHECK(note.text("author_role") == "Ticket Coordinator");
    const auto reply_ = web.post("/api/tickets/" + id + "/comments/", {{"text", "We will replace it"}}, cora.access);
    REQUIRE(reply_.status == 201);
    const auto answer = web.post("/api/tickets/" + id + "/comments/", {{"text", "Thanks"}}, alice.access);
    REQUIRE(answer.status == 201);
    CHECK(answer.text("author_name") == "Alice Tester");
    CHECK(answer.text("author_role") == "Employee");

    // The owner's views: public comments only, each named.
    for (const auto& comments : {web.get("/api/tickets/" + id + "/comments/", alice.access).json().at("results").as_array(),
                                 web.get("/api/tickets/" + number + "/", alice.access).json().at("comments").as_array()}) {
        REQUIRE(comments.size() == 2);
        CHECK(comments[0].at("author_name").as_string() == "Cora Tester");
        CHECK(comments[0].at("author_role").as_string() == "Ticket Coordinator");
        CHECK(comments[0].at("author").as_int64() == cora.id);
        CHECK(comments[1].at("author_name").as_string() == "Alice Tester");
        CHECK(comments[1].at("author_role").as_string() == "Employee");
        for (const auto& c : comments) {
            CHECK_FALSE(c.at("is_internal").as_bool());
        }
    }
    const auto staff_comments = web.get("/api/tickets/" + id + "/comments/", cora.access).json().at("results").as_array();
    REQUIRE(staff_comments.size() == 3);
    CHECK(staff_comments[0].at("is_internal").as_bool());
    CHECK(staff_comments[0].at("author_name").as_string() == "Cora Tester");

    // The workflow system writes without an author: both names are null.
    const auto key = f.workflow_key();
    REQUIRE(web.post("/api/workflow/tickets/" + number + "/status/", {{"status", "In Progress"}}, "",
                     {{"X-API-Key", key}})
                .status == 200);
    const auto after = web.get("/api/tickets/" + id + "/comments/", alice.access).json().at("results").as_array();
    const auto& system_note = after.back();
    CHECK(system_note.at("author").is_null());
    CHECK(system_note.at("author_name").is_null());
    CHECK(system_note.at("author_role").is_null());

    const auto history = web.get("/api/tickets/" + id + "/history/", cora.access).json().at("results").as_array();
    REQUIRE(history.size() >= 3);
    bool named_owner = false, named_staff = false, unnamed_system = false;
    for (const auto& e : history) {
        REQUIRE(e.as_object().contains("actor_name"));
        if (e.at("actor").is_null()) {
            CHECK(e.at("actor_name").is_null());
            unnamed_system = true;
        } else if (e.at("actor").as_int64() == alice.id) {
            CHECK(e.at("actor_name").as_string() == "Alice Tester");
            named_owner = true;
        } else if (e.at("actor").as_int64() == cora.id) {
            CHECK(e.at("actor_name").as_string() == "Cora Tester");
            named_staff = true;
        }
    }
    CHECK(named_owner);
    CHECK(named_staff);
    CHECK(unnamed_system);
    check_error(web.get("/api/tickets/" + id + "/history/", f.account("Bob").access), 404, "not_found");
}

HTTP_TEST_CASE(
    "console api - PATCH /api/employee/profile/ changes the caller's names with the sign-up rules") {
    const auto alice = f.account("Alice");
    const auto bob = f.account("Bob");

    const auto changed = patch_profile(web, alice, R"({"first_name": " Alicia ", "middle_name": "Mae", "suffix": "Jr."})");
    REQUIRE_MESSAGE(changed.status == 200, changed.body);
    CHECK(changed.text("first_name") == "Alicia");
    CHECK(changed.text("middle_name") == "Mae");
    CHECK(changed.text("last_name") == "Tester");
    CHECK(changed.text("suffix") == "Jr.");
    CHECK(changed.text("email") == alice.email);
    CHECK(changed.json().as_object().contains("image_url"));
    const auto profile = web.get("/api/employee/profile/", alice.access);
    CHECK(profile.text("first_name") == "Alicia");
    CHECK(profile.text("suffix") == "Jr.");

    // null or blank clears the optional ones; an empty body changes nothing.
    const auto cleared = patch_profile(web, alice, R"({"middle_name": null, "suffix": ""})");
    REQUIRE(cleared.status == 200);
    CHECK(cleared.json().at("middle_name").is_null());
    CHECK(cleared.json().at("suffix").is_null());
    CHECK(cleared.text("first_name") == "Alicia");
    const auto same = patch_profile(web, alice, "{}");
    REQUIRE(same.status == 200);
    CHECK(same.text("first_name") == "Alicia");

    // The field rules, each with its field error.
    for (const auto& [body, field] : std::vector<std::pair<std::string, std::string>>{
             {R"({"first_name": ""})", "first_name"},
             {R"({"first_name": null})", "first_name"},
             {R"({"last_name": "T3ster"})", "last_name"},
             {R"({"middle_name": "M@e"})", "middle_name"},
             {R"({"suffix": "Esq."})", "suffix"},
             {R"({"last_name": 5})", "last_name"},
             {R"({"email": "new@desk.test"})", "email"},
             {R"({"role": "System Admin"})", "role"},
             {R"({"department": "Asset Department", "first_name": "Ok"})", "department"},
         }) {
        INFO(body);
        const auto refused = patch_profile(web, alice, body);
        check_error(refused, 400, "invalid_argument");
        CHECK(refused.json().at("field_errors").as_object().contains(field));
    }
    check_error(patch_profile(web, alice, "[1]"), 400, "invalid_argument");
    check_error(patch_profile(web, alice, "not json"), 400, "invalid_argument");
    check_error(patch_profile(web, alice, "first_name=X", "application/x-www-form-urlencoded"), 415);
    // Nothing refused was written; nobody else changed.
    const auto now = web.get("/api/employee/profile/", alice.access);
    CHECK(now.text("first_name") == "Alicia");
    CHECK(now.text("last_name") == "Tester");
    CHECK(now.json().at("suffix").is_null());
    CHECK(web.get("/api/employee/profile/", bob.access).text("first_name") == "Bob");

    // Sign-in is needed; PATCH is announced for the path and allowed by CORS.
    check_unauthenticated(web.send(http::verb::patch, "/api/employee/profile/", R"({"first_name": "Eve"})",
                                   {{"Content-Type", "application/json"}}));
    const auto options = web.send(http::verb::options, "/api/employee/profile/");
    CHECK(options.status == 204);
    CHECK(options.header("Allow").find("PATCH") != std::string::npos);
    const auto asked = preflight(web, "/api/employee/profile/", "https://desk.example.com", "PATCH",
                                 "authorization, content-type");
    CHECK(asked.status == 204);
    CHECK(asked.header("Access-Control-Allow-Methods").find("PATCH") != std::string::npos);
    check_error(web.send(http::verb::patch, "/api/tickets/", "{}", auth(alice)), 405, "method_not_allowed");
}

HTTP_TEST_CASE("console api - the OpenAPI document describes the new routes and fields") {
    const auto doc = f.http().get("/api/openapi.json").json().as_object();
    const auto& paths = doc.at("paths").as_object();
    CHECK(paths.at("/api/catalog/").as_object().contains("get"));
    CHECK(paths.at("/api/token/").as_object().contains("post"));
    CHECK(paths.at("/api/employee/profile/").as_object().contains("patch"));
    CHECK(paths.at("/api/employee/profile/").at("patch").at("requestBody").at("content").at("application/json").at(
              "schema").at("$ref").as_string() == "#/components/schemas/ProfileUpdate");
    const auto& schemas = doc.at("components").at("schemas").as_object();
    CHECK(schemas.contains("Catalog"));
    const auto& ticket = schemas.at("Ticket").at("properties").as_object();
    CHECK(ticket.at("actions").at("items").at("$ref").as_string() == "#/components/schemas/TicketAction");
    CHECK(ticket.at("status_targets").at("items").at("$ref").as_string() == "#/components/schemas/TicketStatus");
    CHECK(strings(schemas.at("TicketAction").at("enum")) ==
          names{"approve", "reject", "claim", "assign", "update_status", "withdraw", "close", "reopen", "comment",
                "comment_internal", "attach", "finalize", "edit_ticket", "unassign"});
    CHECK(schemas.at("Comment").at("properties").as_object().contains("author_name"));
    CHECK(schemas.at("Comment").at("properties").as_object().contains("author_role"));
    CHECK(schemas.at("HistoryEvent").at("properties").as_object().contains("actor_name"));
    // How a browser asks for the cookie is written down on the token routes.
    for (const auto* route : {"/api/token/", "/api/token/employee/", "/api/token/admin/", "/api/token/refresh/",
                              "/api/token/logout/"}) {
        INFO(route);
        const auto& op = paths.at(route).at("post").as_object();
        CHECK(op.at("description").as_string().find("X-Helpdesk-Session: cookie") != std::string::npos);
        bool documented = false;
        for (const auto& p : op.at("parameters").as_array()) {
            documented = documented || p.at("name").as_string() == "X-Helpdesk-Session";
        }
        CHECK(documented);
    }
    CHECK(doc.at("components").at("securitySchemes").at("refresh_cookie").at("name").as_string() == "helpdesk_refresh");
}
