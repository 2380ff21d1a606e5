// A ticket's thread over HTTP: public and internal comments, and the history
// of every change, with internal ones hidden from the owner.
#include "desk_scene.hpp"

using namespace http_test;
using namespace http_test::routes;

TEST_CASE_TEMPLATE("comments: public and internal, internal ones never reach the owner", Factory, HTTP_STORES) {
    server_fixture<Factory> f;
    desk_scene s{f};
    const auto id = s.ticket_in("Open");
    const auto path = "/api/tickets/" + std::to_string(id) + "/comments/";
    auto& web = f.http();

    auto mine = web.post(path, {{"text", "Any news?"}}, s.alice.access);
    REQUIRE_MESSAGE(mine.status == 201, mine.body);
    CHECK(mine.text("text") == "Any news?");
    CHECK(mine.json().at("is_internal").as_bool() == false);
    CHECK(mine.json().at("author").as_int64() == s.alice.id);
    CHECK(mine.json().at("ticket").as_int64() == id);
    CHECK(mine.text("created_at").ends_with("Z"));
    auto secret = web.post(path, {{"text", "Owner seems confused"}, {"is_internal", true}}, s.coordinator.access);
    REQUIRE_MESSAGE(secret.status == 201, secret.body);
    CHECK(secret.json().at("is_internal").as_bool());
    auto reply_to = web.post(path, {{"text", "Working on it"}, {"is_internal", false}}, s.coordinator.access);
    REQUIRE_MESSAGE(reply_to.status == 201, reply_to.body);

    s.remember(id);
    // An employee cannot write internal notes; bad and missing text; strangers.
    s.refused(id, web.post(path, {{"text", "psst"}, {"is_internal", true}}, s.alice.access), 403, "permission_denied");
    s.refused(id, web.post(path, {{"text", "hello"}}, s.bob.access), 404, "not_found");
    s.refused(id, web.post(path, boost::json::object{}, s.alice.access), 400, "invalid_argument");
    s.refused(id, web.post(path, {{"text", "   "}}, s.alice.access), 400, "invalid_argument");
    s.refused(id, web.post(path, {{"text", std::string(5001, 'x')}}, s.alice.access), 400, "invalid_argument");
    const auto not_bool = web.post(path, {{"text", "hi"}, {"is_internal", "yes"}}, s.coordinator.access);
    s.refused(id, not_bool, 400, "invalid_argument");
    CHECK(has_field_error(not_bool, "is_internal"));
    s.refused(id, web.post(path, {{"text", "hi"}}), 401, "unauthenticated");

    // Staff see all three in order; the owner sees the two public ones,
    // in the list and in the detail view.
    auto staff = web.get(path, s.coordinator.access);
    REQUIRE(staff.status == 200);
    CHECK(comment_texts(staff.json().at("results")) ==
          std::vector<std::string>{"Any news?", "Owner seems confused", "Working on it"});
    auto owner = web.get(path, s.alice.access);
    REQUIRE(owner.status == 200);
    CHECK(comment_texts(owner.json().at("results")) == std::vector<std::string>{"Any news?", "Working on it"});
    for (const auto doc = owner.json(); const auto& c : doc.at("results").as_array()) {
        CHECK(c.at("is_internal").as_bool() == false);
    }
    const auto detail = web.get("/api/tickets/" + std::to_string(id) + "/", s.alice.access);
    CHECK(!contains_text(comment_texts(detail.json().at("comments")), "confused"));
    CHECK(detail.body.find("confused") == std::string::npos);
    CHECK(web.get("/api/tickets/" + std::to_string(id) + "/history/", s.alice.access).body.find("confused") ==
          std::string::npos);
    check_error(web.get(path, s.bob.access), 404, "not_found");
    check_error(web.get(path), 401, "unauthenticated");

    // The owner answering a Pending ticket puts it back In Progress.
    const auto waiting = s.ticket_in("Pending");
    auto answer = web.post("/api/tickets/" + std::to_string(waiting) + "/comments/", {{"text", "Here is the info."}},
                           s.alice.access);
    REQUIRE_MESSAGE(answer.status == 201, answer.body);
    CHECK(s.read(waiting).at("status").as_string() == "In Progress");
    // A closed ticket takes no more comments.
    const auto closed = s.ticket_in("Closed");
    s.remember(closed);
    s.refused(closed, web.post("/api/tickets/" + std::to_string(closed) + "/comments/", {{"text", "Late"}}, s.alice.access),
              409, "invalid_state");
}

TEST_CASE_TEMPLATE("history lists every change in order, without internal events for the owner", Factory,
                   HTTP_STORES) {
    server_fixture<Factory> f;
    desk_scene s{f};
    auto& web = f.http();
    const auto id = s.ticket_in("New");
    const auto sid = std::to_string(id);
    REQUIRE(s.act(id, "approve", s.coordinator,
                  {{"priority", "High"}, {"approval_notes", "internal approval note"}}).status == 200);
    REQUIRE(s.act(id, "claim", s.coordinator).status == 200);
    REQUIRE(web.post("/api/tickets/" + sid + "/comments/", {{"text", "staff only remark"}, {"is_internal", true}},
                     s.coordinator.access).status == 201);
    REQUIRE(s.act(id, "update-status", s.coordinator, {{"status", "Resolved"}}).status == 200);
    REQUIRE(s.act(id, "close", s.alice).status == 200);

    auto staff = web.get("/api/tickets/" + sid + "/history/", s.coordinator.access);
    REQUIRE_MESSAGE(staff.status == 200, staff.body);
    const auto events = staff.json().at("results").as_array();
    REQUIRE(events.size() >= 6);
    std::vector<std::string> kinds;
    std::int64_t last_id = 0;
    std::string last_at;
    for (const auto& e : events) {
        kinds.emplace_back(e.at("kind").as_string());
        CHECK(e.at("id").as_int64() > last_id);
        last_id = e.at("id").as_int64();
        const std::string at{e.at("at").as_string()};
        CHECK(at >= last_at);
        CHECK(at.ends_with("Z"));
        last_at = at;
        CHECK(e.at("ticket").as_int64() == id);
    }
    CHECK(kinds.front() == "created");
    CHECK(events.front().at("actor").as_int64() == s.alice.id);
    CHECK(events.front().at("new_value").as_string() == "New");
    const auto has_internal = std::any_of(events.begin(), events.end(), [](const auto& e) { return e.at("is_internal").as_bool(); });
    CHECK(has_internal);
    // Status changes in the order they happened.
    std::vector<std::string> statuses;
    for (const auto& e : events) {
        if (e.at("new_value").is_string()) {
            const std::string v{e.at("new_value").as_string()};
            if (v == "New" || v == "Open" || v == "In Progress" || v == "Resolved" || v == "Closed") {
                if (statuses.empty() || statuses.back() != v) {
                    statuses.push_back(v);
                }
            }
        }
    }
    CHECK(statuses == std::vector<std::string>{"New", "Open", "In Progress", "Resolved", "Closed"});

    auto owner = web.get("/api/tickets/" + sid + "/history/", s.alice.access);
    REQUIRE(owner.status == 200);
    const auto visible = owner.json().at("results").as_array();
    CHECK(visible.size() < events.size());
    for (const auto& e : visible) {
        CHECK(e.at("is_internal").as_bool() == false);
    }
    CHECK(owner.body.find("internal approval note") == std::string::npos);
    CHECK(owner.body.find("staff only remark") == std::string::npos);
    check_error(web.get("/api/tickets/" + sid + "/history/", s.bob.access), 404, "not_found");
    check_error(web.get("/api/tickets/999999/history/", s.coordinator.access), 404, "not_found");
}
