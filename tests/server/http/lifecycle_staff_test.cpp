// The ticket lifecycle over HTTP, the staff's moves: approve, reject, claim,
// assign and update-status along the table's edges. Every refusal is checked
// for its status, its error body, and that the ticket did not change.
#include "desk_scene.hpp"

using namespace http_test;
using namespace http_test::routes;

TEST_CASE_TEMPLATE("approve: staff move New to Open with priority and department, others are refused", Factory,
                   HTTP_STORES) {
    server_fixture<Factory> f;
    desk_scene s{f};
    const auto id = s.ticket_in("New");
    s.remember(id);

    s.refused(id, s.act(id, "approve", s.alice, {{"priority", "Critical"}}), 403, "permission_denied");
    s.refused(id, s.act(id, "approve", s.bob, {{"priority", "Critical"}}), 404, "not_found");
    s.refused(id, f.http().post("/api/tickets/" + std::to_string(id) + "/approve/", boost::json::object{}), 401,
              "unauthenticated");
    const auto bad_priority = s.act(id, "approve", s.coordinator, {{"priority", "Urgent"}});
    s.refused(id, bad_priority, 400, "invalid_argument");
    CHECK(has_field_error(bad_priority, "priority"));
    const auto bad_department = s.act(id, "approve", s.coordinator, {{"department", "Catering"}});
    s.refused(id, bad_department, 400, "invalid_argument");
    CHECK(has_field_error(bad_department, "department"));
    s.refused(id, s.act(id, "approve", s.coordinator, {{"priority", 3}}), 400, "invalid_argument");

    auto ok = s.act(id, "approve", s.coordinator,
                    {{"priority", "High"}, {"department", "Asset Department"}, {"approval_notes", "Looks legit"}});
    REQUIRE_MESSAGE(ok.status == 200, ok.body);
    const auto t = ok.json().as_object();
    CHECK(t.at("status").as_string() == "Open");
    CHECK(t.at("priority").as_string() == "High");
    CHECK(t.at("department").as_string() == "Asset Department");
    CHECK(t.at("version").as_int64() == 2);
    CHECK(t.at("response_time").is_int64());
    CHECK(ok.header("ETag") == "\"2\"");
    // The approval notes are an internal comment: staff see it, the owner does not.
    CHECK(contains_text(comment_texts(t.at("comments")), "Looks legit"));
    const auto as_owner = f.http().get("/api/tickets/" + std::to_string(id) + "/", s.alice.access);
    REQUIRE(as_owner.status == 200);
    CHECK(!contains_text(comment_texts(as_owner.json().at("comments")), "Looks legit"));

    s.remember(id);
    const auto again = s.act(id, "approve", s.coordinator);
    s.refused(id, again, 409, "invalid_state");
    CHECK(again.text("detail").find("Open") != std::string::npos);
}

TEST_CASE_TEMPLATE("reject: staff with a reason move New to Rejected, and a rejected ticket stays rejected", Factory,
                   HTTP_STORES) {
    server_fixture<Factory> f;
    desk_scene s{f};
    const auto id = s.ticket_in("New");
    s.remember(id);

    const auto no_reason = s.act(id, "reject", s.coordinator);
    s.refused(id, no_reason, 400, "invalid_argument");
    CHECK(has_field_error(no_reason, "rejection_reason"));
    s.refused(id, s.act(id, "reject", s.coordinator, {{"rejection_reason", "   "}}), 400, "invalid_argument");
    s.refused(id, s.act(id, "reject", s.alice, {{"rejection_reason", "Never mind"}}), 403, "permission_denied");
    s.refused(id, s.act(id, "reject", s.bob, {{"rejection_reason", "Never mind"}}), 404, "not_found");

    auto ok = s.act(id, "reject", s.admin, {{"rejection_reason", "Duplicate of TX0001."}});
    REQUIRE_MESSAGE(ok.status == 200, ok.body);
    CHECK(ok.text("status") == "Rejected");
    CHECK(ok.text("rejection_reason") == "Duplicate of TX0001.");
    // "reason" is accepted as the field's short name too.
    const auto other = s.ticket_in("New");
    auto short_name = s.act(other, "reject", s.coordinator, {{"reason", "Spam."}});
    REQUIRE_MESSAGE(short_name.status == 200, short_name.body);
    CHECK(short_name.text("rejection_reason") == "Spam.");
    // The owner sees why.
    auto seen = f.http().get("/api/tickets/" + std::to_string(id) + "/", s.alice.access);
    CHECK(seen.text("rejection_reason") == "Duplicate of TX0001.");

    // Terminal: no second reject, no approval, no withdrawal, no comments (docs/product.md#lifecycle).
    s.remember(id);
    s.refused(id, s.act(id, "reject", s.coordinator, {{"rejection_reason", "Again"}}), 409, "invalid_state");
    s.refused(id, s.act(id, "approve", s.coordinator), 409, "invalid_state");
    const auto withdraw = s.act(id, "withdraw", s.alice);
    s.refused(id, withdraw, 409, "invalid_state");
    CHECK(withdraw.text("detail").find("Rejected") != std::string::npos);
    s.refused(id, s.act(id, "update-status", s.coordinator, {{"status", "Open"}}), 409, "invalid_state");
    s.refused(id, s.act(id, "comments", s.alice, {{"text", "Why?"}}), 409, "invalid_state");
}

TEST_CASE_TEMPLATE("claim: staff take an Open ticket into In Progress, assigned to themselves", Factory, HTTP_STORES) {
    server_fixture<Factory> f;
    desk_scene s{f};
    const auto fresh = s.ticket_in("New");
    s.remember(fresh);
    s.refused(fresh, s.act(fresh, "claim", s.coordinator), 409, "invalid_state");

    const auto id = s.ticket_in("Open");
    s.remember(id);
    // An employee cannot claim (docs/product.md#permissions), not even their own ticket.
    s.refused(id, s.act(id, "claim", s.alice), 403, "permission_denied");
    s.refused(id, s.act(id, "claim", s.bob), 404, "not_found");

    auto ok = s.act(id, "claim", s.coordinator);
    REQUIRE_MESSAGE(ok.status == 200, ok.body);
    CHECK(ok.text("status") == "In Progress");
    REQUIRE(ok.json().at("assigned_to").is_object());
    CHECK(ok.json().at("assigned_to").at("id").as_int64() == s.coordinator.id);
    CHECK(ok.json().at("assigned_to").at("first_name").as_string() == "Cora");

    s.remember(id);
    s.refused(id, s.act(id, "claim", s.admin), 409, "invalid_state");
}

TEST_CASE_TEMPLATE("assign: staff assign to staff only, Open becomes In Progress", Factory, HTTP_STORES) {
    server_fixture<Factory> f;
    desk_scene s{f};
    const auto fresh = s.ticket_in("New");
    s.remember(fresh);
    s.refused(fresh, s.act(fresh, "assign", s.coordinator, {{"assigned_to", s.coordinator.id}}), 409, "invalid_state");

    const auto id = s.ticket_in("Open");
    s.remember(id);
    for (const auto* who : {&s.alice, &s.bob}) {
        const auto expected = who == &s.alice ? 403U : 404U;
        s.refused(id, s.act(id, "assign", *who, {{"assigned_to", s.coordinator.id}}), expected,
                  who == &s.alice ? "permission_denied" : "not_found");
    }
    // To an employee, to nobody, to someone who does not exist, or nonsense.
    const auto to_employee = s.act(id, "assign", s.coordinator, {{"assigned_to", s.bob.id}});
    s.refused(id, to_employee, 400, "invalid_argument");
    CHECK(has_field_error(to_employee, "assigned_to"));
    const auto nobody = s.act(id, "assign", s.coordinator);
    s.refused(id, nobody, 400, "invalid_argument");
    CHECK(has_field_error(nobody, "assigned_to"));
    s.refused(id, s.act(id, "assign", s.coordinator, {{"assigned_to", 999999}}), 400, "invalid_argument");
    s.refused(id, s.act(id, "assign", s.coordinator, {{"assigned_to", "Cora"}}), 400, "invalid_argument");
    s.refused(id, s.act(id, "assign", s.coordinator, {{"assigned_to", -1}}), 400, "invalid_argument");
    s.refused(id, s.act(id, "assign", s.coordinator, {{"assigned_to", 1.5}}), 400, "invalid_argument");

    auto ok = s.act(id, "assign", s.coordinator, {{"assigned_to", s.admin.id}});
    REQUIRE_MESSAGE(ok.status == 200, ok.body);
    CHECK(ok.text("status") == "In Progress");
    CHECK(ok.json().at("assigned_to").at("id").as_int64() == s.admin.id);
    // Reassigning keeps the status; the id may also come as a string.
    auto again = s.act(id, "assign", s.admin, {{"assigned_to", std::to_string(s.coordinator.id)}});
    REQUIRE_MESSAGE(again.status == 200, again.body);
    CHECK(again.text("status") == "In Progress");
    CHECK(again.json().at("assigned_to").at("id").as_int64() == s.coordinator.id);

    const auto done = s.ticket_in("Closed");
    s.remember(done);
    s.refused(done, s.act(done, "assign", s.coordinator, {{"assigned_to", s.admin.id}}), 409, "invalid_state");
}

TEST_CASE_TEMPLATE("update-status follows the table's edges and refuses every other jump", Factory,
                   HTTP_STORES) {
    server_fixture<Factory> f;
    desk_scene s{f};
    const auto id = s.ticket_in("Open");

    // Along the edges, each recorded as a public comment the owner sees.
    for (const std::string to : {"On Hold", "Pending", "Open", "In Progress", "On Hold", "Resolved"}) {
        CAPTURE(to);
        auto r = s.act(id, "update-status", s.coordinator, {{"status", to}, {"comment", "Step to " + to}});
        REQUIRE_MESSAGE(r.status == 200, r.body);
        CHECK(r.text("status") == to);
    }
    const auto owner_view =
        f.http().get("/api/tickets/" + std::to_string(id) + "/comments/?page_size=100", s.alice.access);
    REQUIRE(owner_view.status == 200);
    const auto texts = comment_texts(owner_view.json().at("results"));
    CHECK(contains_text(texts, "Status changed from Open to On Hold"));
    CHECK(contains_text(texts, "Step to Resolved"));
    CHECK(s.read(id).at("resolution_time").is_int64());

    // Resolved → Closed is an edge; nothing leaves Closed.
    auto closed = s.act(id, "update-status", s.coordinator, {{"status", "Closed"}});
    REQUIRE_MESSAGE(closed.status == 200, closed.body);
    CHECK(closed.text("status") == "Closed");
    CHECK(closed.json().at("time_closed").is_string());
    s.jumps_refused(id, {"Open", "In Progress", "Resolved", "New", "Closed"}, "Closed");

    // Jumps that are not edges.
    s.jumps_refused(s.ticket_in("New"), {"Resolved", "Closed", "In Progress", "Open"}, "New");
    const auto open = s.ticket_in("Open");
    s.jumps_refused(open, {"Resolved", "Closed", "Rejected", "Withdrawn", "New"});
    const auto withdrawn = s.ticket_in("Withdrawn");
    s.remember(withdrawn);
    s.refused(withdrawn, s.act(withdrawn, "update-status", s.coordinator, {{"status", "Open"}}), 409, "invalid_state");

    // Bad input and the wrong people.
    const auto unknown = s.act(open, "update-status", s.coordinator, {{"status", "Sleeping"}});
    s.refused(open, unknown, 400, "invalid_argument");
    CHECK(has_field_error(unknown, "status"));
    const auto missing = s.act(open, "update-status", s.coordinator);
    s.refused(open, missing, 400, "invalid_argument");
    CHECK(has_field_error(missing, "status"));
    // The owner cannot set their ticket's status (docs/product.md#ticket-fields).
    s.refused(open, s.act(open, "update-status", s.alice, {{"status", "In Progress"}}), 403, "permission_denied");
    s.refused(open, s.act(open, "update-status", s.bob, {{"status", "In Progress"}}), 404, "not_found");
}
