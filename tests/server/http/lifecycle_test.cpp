// The ticket lifecycle over HTTP (spec §2): approve, reject, claim, assign,
// update-status, withdraw, close, reopen, finalize; If-Match; comments and
// history with internal ones hidden from the owner. Every refusal is checked
// for its status, its error body, and that the ticket did not change.
#include "api_checks.hpp"

using namespace http_test;
using namespace http_test::routes;

namespace {

template <class Fixture>
struct desk_scene {
    Fixture& f;
    person admin;
    person coordinator;
    person alice;
    person bob;

    explicit desk_scene(Fixture& fixture)
        : f(fixture),
          admin(fixture.admin()),
          coordinator(fixture.account("Cora", "Ticket Coordinator")),
          alice(fixture.account("Alice")),
          bob(fixture.account("Bob")) {}

    /// POST /api/tickets/{id}/{action}/ with a JSON body.
    reply act(std::int64_t id, const std::string& action, const person& who,
              const boost::json::value& body = boost::json::object{}, header_list headers = {}) {
        return f.http().post("/api/tickets/" + std::to_string(id) + "/" + action + "/", body, who.access,
                             std::move(headers));
    }

    /// The ticket as staff see it now.
    boost::json::object read(std::int64_t id) {
        const auto r = f.http().get("/api/tickets/" + std::to_string(id) + "/", admin.access);
        REQUIRE_MESSAGE(r.status == 200, r.body);
        return r.json().as_object();
    }

    /// A new ticket of Alice's, moved through the engine to `status`.
    std::int64_t ticket_in(const std::string& status) {
        const auto id = f.ticket(alice).at("id").as_int64();
        auto& t = f.desk().tickets();
        if (status == "New") {
            return id;
        }
        if (status == "Rejected") {
            t.reject(coordinator.id, id, "Out of scope.");
            return id;
        }
        if (status == "Withdrawn") {
            t.withdraw(alice.id, id);
            return id;
        }
        t.approve(coordinator.id, id, {});
        if (status == "Open") {
            return id;
        }
        t.claim(coordinator.id, id);
        if (status == "In Progress") {
            return id;
        }
        if (status == "On Hold" || status == "Pending") {
            t.update_status(coordinator.id, id, status);
            return id;
        }
        t.update_status(coordinator.id, id, "Resolved");
        if (status == "Resolved") {
            return id;
        }
        REQUIRE(status == "Closed");
        t.close(alice.id, id);
        return id;
    }

    /// Checks that a refusal left the ticket exactly as it was.
    void unchanged(std::int64_t id, const boost::json::object& before) {
        const auto now = read(id);
        CHECK_MESSAGE(now == before, "before: " << boost::json::serialize(before) << "\nafter: " << boost::json::serialize(now));
    }

    /// A refusal: status, error code, and nothing changed.
    void refused(std::int64_t id, const reply& r, unsigned status, std::string_view code) {
        const auto before = last_seen_.contains(id) ? last_seen_.at(id) : boost::json::object{};
        check_error(r, status, code);
        if (!before.empty()) {
            unchanged(id, before);
        }
    }

    /// Remembers the ticket's current state for `refused`.
    void remember(std::int64_t id) { last_seen_[id] = read(id); }

private:
    std::map<std::int64_t, boost::json::object> last_seen_{};
};

std::vector<std::string> comment_texts(const boost::json::value& list) {
    std::vector<std::string> out;
    for (const auto& c : list.as_array()) {
        out.emplace_back(c.at("text").as_string());
    }
    return out;
}

bool contains_text(const std::vector<std::string>& texts, std::string_view needle) {
    return std::any_of(texts.begin(), texts.end(), [&](const auto& t) { return t.find(needle) != std::string::npos; });
}

} // namespace

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

    // Terminal: no second reject, no approval, no withdrawal (defect 12), no comments.
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
    // Defect 4: an employee cannot claim, not even their own ticket.
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

TEST_CASE_TEMPLATE("update-status follows the table's edges and refuses every other jump (defect 12)", Factory,
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
    const auto owner_view = f.http().get("/api/tickets/" + std::to_string(id) + "/comments/", s.alice.access);
    REQUIRE(owner_view.status == 200);
    const auto texts = comment_texts(owner_view.json());
    CHECK(contains_text(texts, "Status changed from Open to On Hold"));
    CHECK(contains_text(texts, "Step to Resolved"));
    CHECK(s.read(id).at("resolution_time").is_int64());

    // Resolved → Closed is an edge; nothing leaves Closed.
    auto closed = s.act(id, "update-status", s.coordinator, {{"status", "Closed"}});
    REQUIRE_MESSAGE(closed.status == 200, closed.body);
    CHECK(closed.text("status") == "Closed");
    CHECK(closed.json().at("time_closed").is_string());
    s.remember(id);
    for (const std::string to : {"Open", "In Progress", "Resolved", "New", "Closed"}) {
        CAPTURE(to);
        const auto r = s.act(id, "update-status", s.coordinator, {{"status", to}});
        s.refused(id, r, 409, "invalid_state");
        CHECK(r.text("detail").find("Closed") != std::string::npos);
    }

    // Jumps that are not edges.
    const auto fresh = s.ticket_in("New");
    s.remember(fresh);
    for (const std::string to : {"Resolved", "Closed", "In Progress", "Open"}) {
        CAPTURE(to);
        const auto r = s.act(fresh, "update-status", s.coordinator, {{"status", to}});
        s.refused(fresh, r, 409, "invalid_state");
        CHECK(r.text("detail").find("New") != std::string::npos);
    }
    const auto open = s.ticket_in("Open");
    s.remember(open);
    for (const std::string to : {"Resolved", "Closed", "Rejected", "Withdrawn", "New"}) {
        CAPTURE(to);
        s.refused(open, s.act(open, "update-status", s.coordinator, {{"status", to}}), 409, "invalid_state");
    }
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
    // Defect 3: the owner cannot set their ticket's status.
    s.refused(open, s.act(open, "update-status", s.alice, {{"status", "In Progress"}}), 403, "permission_denied");
    s.refused(open, s.act(open, "update-status", s.bob, {{"status", "In Progress"}}), 404, "not_found");
}

TEST_CASE_TEMPLATE("withdraw: the owner from any open state, never from Closed, Rejected or Withdrawn", Factory,
                   HTTP_STORES) {
    server_fixture<Factory> f;
    desk_scene s{f};
    for (const std::string from : {"New", "Open", "In Progress", "On Hold", "Pending"}) {
        CAPTURE(from);
        const auto id = s.ticket_in(from);
        s.remember(id);
        s.refused(id, s.act(id, "withdraw", s.coordinator), 403, "permission_denied");
        s.refused(id, s.act(id, "withdraw", s.bob), 404, "not_found");
        auto ok = s.act(id, "withdraw", s.alice, {{"comment", "Fixed it myself."}});
        REQUIRE_MESSAGE(ok.status == 200, ok.body);
        CHECK(ok.text("status") == "Withdrawn");
        CHECK(contains_text(comment_texts(ok.json().at("comments")), "Fixed it myself."));
    }
    for (const std::string from : {"Closed", "Rejected", "Withdrawn", "Resolved"}) {
        CAPTURE(from);
        const auto id = s.ticket_in(from);
        s.remember(id);
        const auto r = s.act(id, "withdraw", s.alice);
        s.refused(id, r, 409, "invalid_state");
        CHECK(r.text("detail").find(from) != std::string::npos);
    }
}

TEST_CASE_TEMPLATE("close and reopen: the owner's answers to a Resolved ticket", Factory, HTTP_STORES) {
    server_fixture<Factory> f;
    desk_scene s{f};
    const auto id = s.ticket_in("Resolved");
    s.remember(id);

    s.refused(id, s.act(id, "close", s.coordinator), 403, "permission_denied");
    s.refused(id, s.act(id, "close", s.bob), 404, "not_found");
    s.refused(id, s.act(id, "reopen", s.coordinator, {{"comment", "Not fixed"}}), 403, "permission_denied");
    const auto no_comment = s.act(id, "reopen", s.alice);
    s.refused(id, no_comment, 400, "invalid_argument");
    CHECK(has_field_error(no_comment, "comment"));
    s.refused(id, s.act(id, "reopen", s.alice, {{"comment", "  "}}), 400, "invalid_argument");

    auto reopened = s.act(id, "reopen", s.alice, {{"comment", "Still broken after reboot."}});
    REQUIRE_MESSAGE(reopened.status == 200, reopened.body);
    CHECK(reopened.text("status") == "In Progress");
    CHECK(contains_text(comment_texts(reopened.json().at("comments")), "Still broken after reboot."));
    // Not Resolved any more: neither close nor reopen.
    s.remember(id);
    s.refused(id, s.act(id, "close", s.alice), 409, "invalid_state");
    s.refused(id, s.act(id, "reopen", s.alice, {{"comment", "Again"}}), 409, "invalid_state");

    const auto other = s.ticket_in("Resolved");
    auto closed = s.act(other, "close", s.alice, {{"comment", "Thanks!"}});
    REQUIRE_MESSAGE(closed.status == 200, closed.body);
    CHECK(closed.text("status") == "Closed");
    CHECK(closed.json().at("time_closed").is_string());
    s.remember(other);
    s.refused(other, s.act(other, "close", s.alice), 409, "invalid_state");
    s.refused(other, s.act(other, "reopen", s.alice, {{"comment", "Oops"}}), 409, "invalid_state");
}

TEST_CASE_TEMPLATE("finalize: staff hand an Open or In Progress ticket over once, a repeat changes nothing", Factory,
                   HTTP_STORES) {
    server_fixture<Factory> f;
    desk_scene s{f};
    const auto fresh = s.ticket_in("New");
    s.remember(fresh);
    s.refused(fresh, s.act(fresh, "finalize", s.coordinator), 409, "invalid_state");

    const auto id = s.ticket_in("Open");
    s.remember(id);
    s.refused(id, s.act(id, "finalize", s.alice), 403, "permission_denied");
    s.refused(id, s.act(id, "finalize", s.bob), 404, "not_found");
    CHECK(s.read(id).at("finalized").as_bool() == false);

    auto first = s.act(id, "finalize", s.coordinator);
    REQUIRE_MESSAGE(first.status == 200, first.body);
    CHECK(first.json().at("finalized").as_bool());
    CHECK(first.text("status") == "Open");
    const auto version = first.number("version");
    const auto events = f.desk().outbox().count(helpdesk::outbox_state::pending);
    auto second = s.act(id, "finalize", s.admin);
    REQUIRE_MESSAGE(second.status == 200, second.body);
    CHECK(second.number("version") == version);
    CHECK(second.json().at("finalized").as_bool());
    CHECK(f.desk().outbox().count(helpdesk::outbox_state::pending) == events);

    const auto closed = s.ticket_in("Closed");
    s.remember(closed);
    s.refused(closed, s.act(closed, "finalize", s.coordinator), 409, "invalid_state");
}

TEST_CASE_TEMPLATE("If-Match: the current version passes, a stale one is 412, a malformed one is 400", Factory,
                   HTTP_STORES) {
    server_fixture<Factory> f;
    desk_scene s{f};
    const auto id = s.ticket_in("New");
    s.remember(id);

    const auto stale = s.act(id, "approve", s.coordinator, {{"priority", "High"}}, {{"If-Match", "7"}});
    s.refused(id, stale, 412, "precondition_failed");
    for (const std::string bad : {"abc", "0", "-1", "\"\"", "1.0", "W/", "99999999999999999999999"}) {
        CAPTURE(bad);
        const auto r = s.act(id, "approve", s.coordinator, {{"priority", "High"}}, {{"If-Match", bad}});
        s.refused(id, r, 400, "invalid_argument");
        CHECK(has_field_error(r, "If-Match"));
    }

    // The entity-tag forms of the right version work.
    auto approved = s.act(id, "approve", s.coordinator, {{"priority", "High"}}, {{"If-Match", "W/\"1\""}});
    REQUIRE_MESSAGE(approved.status == 200, approved.body);
    CHECK(approved.number("version") == 2);
    CHECK(approved.header("ETag") == "\"2\"");
    s.remember(id);
    // A stale version on every kind of action changes nothing.
    s.refused(id, s.act(id, "claim", s.coordinator, boost::json::object{}, {{"If-Match", "1"}}), 412,
              "precondition_failed");
    s.refused(id, s.act(id, "assign", s.coordinator, {{"assigned_to", s.admin.id}}, {{"If-Match", "\"1\""}}), 412,
              "precondition_failed");
    s.refused(id, s.act(id, "update-status", s.coordinator, {{"status", "On Hold"}}, {{"If-Match", "1"}}), 412,
              "precondition_failed");
    s.refused(id, s.act(id, "finalize", s.coordinator, boost::json::object{}, {{"If-Match", "1"}}), 412,
              "precondition_failed");
    s.refused(id, s.act(id, "withdraw", s.alice, boost::json::object{}, {{"If-Match", "1"}}), 412,
              "precondition_failed");
    auto claimed = s.act(id, "claim", s.coordinator, boost::json::object{}, {{"If-Match", "\"2\""}});
    REQUIRE_MESSAGE(claimed.status == 200, claimed.body);
    CHECK(claimed.number("version") == 3);

    const auto resolved = s.ticket_in("Resolved");
    const auto v = s.read(resolved).at("version").as_int64();
    s.remember(resolved);
    s.refused(resolved, s.act(resolved, "close", s.alice, boost::json::object{}, {{"If-Match", std::to_string(v - 1)}}),
              412, "precondition_failed");
    s.refused(resolved,
              s.act(resolved, "reopen", s.alice, {{"comment", "x"}}, {{"If-Match", std::to_string(v + 1)}}), 412,
              "precondition_failed");
    auto closed = s.act(resolved, "close", s.alice, boost::json::object{}, {{"If-Match", std::to_string(v)}});
    REQUIRE_MESSAGE(closed.status == 200, closed.body);

    const auto fresh = s.ticket_in("New");
    s.remember(fresh);
    s.refused(fresh, s.act(fresh, "reject", s.coordinator, {{"rejection_reason", "No"}}, {{"If-Match", "2"}}), 412,
              "precondition_failed");
}

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
    CHECK(comment_texts(staff.json()) ==
          std::vector<std::string>{"Any news?", "Owner seems confused", "Working on it"});
    auto owner = web.get(path, s.alice.access);
    REQUIRE(owner.status == 200);
    CHECK(comment_texts(owner.json()) == std::vector<std::string>{"Any news?", "Working on it"});
    for (const auto doc = owner.json(); const auto& c : doc.as_array()) {
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
    const auto events = staff.json().as_array();
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
    const auto visible = owner.json().as_array();
    CHECK(visible.size() < events.size());
    for (const auto& e : visible) {
        CHECK(e.at("is_internal").as_bool() == false);
    }
    CHECK(owner.body.find("internal approval note") == std::string::npos);
    CHECK(owner.body.find("staff only remark") == std::string::npos);
    check_error(web.get("/api/tickets/" + sid + "/history/", s.bob.access), 404, "not_found");
    check_error(web.get("/api/tickets/999999/history/", s.coordinator.access), 404, "not_found");
}
