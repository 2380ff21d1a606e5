// Ticket service: status updates pushed by the external workflow system.

#include "ticket_test_support.hpp"

TEST_SUITE("ticket_service") {

// ------------------------------------------------------------ workflow

TEST_CASE("workflow_update_status validates like update-status and records a comment naming the workflow") {
    desk_fixture f;
    const auto owner = f.employee("erin@example.com");
    const auto coordinator = f.staff("coord@example.com");
    const auto fresh_ticket = f.raise(owner, "Still new");
    const auto t = f.raise(owner);
    (void)f.tickets().approve(coordinator.id, t.id, {});
    auto& tickets = f.tickets();
    const auto via = f.desk.api_keys().create(f.admin.id, "field-ops ERP").record;

    {
        const auto before = snapshot(f, fresh_ticket.id);
        (void)expect_error(errc::invalid_state,
                           [&] { (void)tickets.workflow_update_status(via, fresh_ticket.ticket_number, "Resolved"); });
        (void)expect_error(errc::invalid_state,
                           [&] { (void)tickets.workflow_update_status(via, fresh_ticket.ticket_number, "Open"); });
        check_untouched(f, before);
    }
    {
        const auto before = snapshot(f, t.id);
        (void)expect_error(errc::invalid_state, [&] { (void)tickets.workflow_update_status(via, t.ticket_number, "Closed"); });
        (void)expect_error(errc::invalid_state, [&] { (void)tickets.workflow_update_status(via, t.ticket_number, "New"); });
        CHECK(expect_error(errc::invalid_argument, [&] {
                  (void)tickets.workflow_update_status(via, t.ticket_number, "Done");
              }).fields().count("status") == 1);
        check_untouched(f, before);
    }
    (void)expect_error(errc::not_found, [&] { (void)tickets.workflow_update_status(via, "TX9999", "In Progress"); });

    const auto version = f.fresh(t.id).version;
    f.time->advance(1min);
    const auto moved = tickets.workflow_update_status(via, t.ticket_number, "In Progress", "Picked up by field team").item;
    CHECK(moved.status == ticket_status::in_progress);
    CHECK(moved.version == version + 1);
    CHECK(moved.update_date == f.time->now());

    const auto comments = tickets.comments(owner.id, t.id);
    const auto by_workflow = std::find_if(comments.begin(), comments.end(), [](const comment& c) {
        return c.text.find("workflow") != std::string::npos;
    });
    REQUIRE(by_workflow != comments.end());
    CHECK(by_workflow->text == "Status changed from Open to In Progress by the workflow system (key field-ops ERP).");
    CHECK_FALSE(by_workflow->author.has_value());
    CHECK_FALSE(by_workflow->is_internal);
    CHECK(std::any_of(comments.begin(), comments.end(),
                      [](const comment& c) { return c.text == "Picked up by field team"; }));

    const auto history = tickets.history(owner.id, t.id);
    const auto last_move = std::find_if(history.rbegin(), history.rend(),
                                        [](const history_event& e) { return e.kind == helpdesk::history_kind::status_changed; });
    REQUIRE(last_move != history.rend());
    CHECK_FALSE(last_move->actor.has_value());
    CHECK(last_move->new_value == std::optional<std::string>{"In Progress"});
    CHECK(last_move->at == f.time->now());

    const auto changed = events_of_kind(f, event_kind::ticket_status_changed);
    REQUIRE_FALSE(changed.empty());
    CHECK(changed.back().ticket == t.id);

    // Through to the end along the table's edges.
    CHECK(tickets.workflow_update_status(via, t.ticket_number, "Resolved").item.status == ticket_status::resolved);
    CHECK(tickets.workflow_update_status(via, t.ticket_number, "Closed").item.status == ticket_status::closed);
    (void)expect_error(errc::invalid_state, [&] { (void)tickets.workflow_update_status(via, t.ticket_number, "Open"); });
}

} // TEST_SUITE
