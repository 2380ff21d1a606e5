// The ticket lifecycle over HTTP, the owner's answers and the hand-over:
// withdraw, close, reopen, finalize, and If-Match on every action. Every
// refusal is checked for its status, its error body, and that the ticket did
// not change.
#include "desk_scene.hpp"

using namespace http_test;
using namespace http_test::routes;

HTTP_TEST_CASE("withdraw: the owner from any open state, never from Closed, Rejected or Withdrawn") {
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

HTTP_TEST_CASE("close and reopen: the owner's answers to a Resolved ticket") {
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

HTTP_TEST_CASE("finalize: staff hand an Open or In Progress ticket over once, a repeat changes nothing") {
    desk_scene s{f};
    const auto id = s.open_ticket_for_staff_only("finalize");
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

HTTP_TEST_CASE("If-Match: the current version passes, a stale one is 412, a malformed one is 400") {
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
