// Ticket service: who sees what (tickets, internal comments, history) and the clock-driven times.

#include "ticket_test_support.hpp"

TEST_SUITE("ticket_service") {

// ------------------------------------------------------------ visibility

TEST_CASE("another employee's ticket is not found, exactly like a missing one") {
    desk_fixture f;
    const auto owner = f.employee("erin@example.com");
    const auto other = f.employee("olga@example.com");
    const auto t = f.raise(owner);
    auto& tickets = f.tickets();

    const auto hidden = expect_error(errc::not_found, [&] { (void)tickets.get(other.id, t.id); });
    const auto missing = expect_error(errc::not_found, [&] { (void)tickets.get(other.id, 999999); });
    CHECK(std::string{hidden.what()} == std::string{missing.what()});
    (void)expect_error(errc::not_found, [&] { (void)tickets.get_by_number(other.id, t.ticket_number); });
    (void)expect_error(errc::not_found, [&] { (void)tickets.history(other.id, t.id); });
    (void)expect_error(errc::not_found, [&] { (void)tickets.comments(other.id, t.id); });
    const auto before = snapshot(f, t.id);
    (void)expect_error(errc::not_found, [&] { (void)tickets.add_comment(other.id, t.id, "me too"); });
    (void)expect_error(errc::not_found, [&] { (void)tickets.withdraw(other.id, t.id); });
    check_untouched(f, before);

    CHECK(tickets.get(owner.id, t.id).item.id == t.id);
    CHECK(tickets.get_by_number(owner.id, t.ticket_number).item.id == t.id);
    (void)expect_error(errc::not_found, [&] { (void)tickets.get_by_number(owner.id, "TX9999"); });
}

TEST_CASE("internal comments and internal history are shown to staff only") {
    raised_ticket_world world;
    auto& [f, owner, coordinator, t, tickets] = world;

    approve_request r = approval("Medium", "IT Department");
    r.approval_notes = "Owner is on the VIP list";
    (void)tickets.approve(coordinator.id, t.id, r);
    (void)tickets.add_comment(coordinator.id, t.id, "Checked the logs: disk failure", true);
    (void)tickets.add_comment(coordinator.id, t.id, "Please try a reboot", false);
    (void)tickets.add_comment(owner.id, t.id, "Rebooted, still broken", false);
    (void)expect_error(errc::permission_denied, [&] { (void)tickets.add_comment(owner.id, t.id, "secret", true); });

    const auto texts = [](const std::vector<comment>& comments) {
        std::vector<std::string> out;
        for (const auto& c : comments) {
            out.push_back(c.text);
        }
        return out;
    };
    const std::vector<std::string> public_texts = {"Please try a reboot", "Rebooted, still broken"};
    CHECK(texts(tickets.comments(owner.id, t.id)) == public_texts);
    CHECK(texts(tickets.get(owner.id, t.id).comments) == public_texts);

    const auto staff_comments = tickets.comments(coordinator.id, t.id);
    CHECK(staff_comments.size() == 4);
    CHECK(std::count_if(staff_comments.begin(), staff_comments.end(), [](const comment& c) { return c.is_internal; }) ==
          2);
    CHECK(tickets.get(coordinator.id, t.id).comments.size() == 4);

    const auto owner_history = tickets.history(owner.id, t.id);
    const auto staff_history = tickets.history(coordinator.id, t.id);
    CHECK(std::none_of(owner_history.begin(), owner_history.end(), [](const history_event& e) { return e.is_internal; }));
    CHECK(std::count_if(staff_history.begin(), staff_history.end(), [](const history_event& e) { return e.is_internal; }) >=
          2);
    CHECK(staff_history.size() > owner_history.size());
    // Both are in order.
    for (const auto* h : {&owner_history, &staff_history}) {
        for (std::size_t i = 1; i < h->size(); ++i) {
            CHECK((*h)[i - 1].id < (*h)[i].id);
            CHECK((*h)[i - 1].at <= (*h)[i].at);
        }
    }
}

TEST_CASE("comments and history with their people: authors and actors named, each once, visibility kept") {
    raised_ticket_world world;
    auto& [f, owner, coordinator, t, tickets] = world;
    (void)tickets.approve(coordinator.id, t.id, approval("Medium", "IT Department"));
    (void)tickets.add_comment(coordinator.id, t.id, "Internal: disk failure", true);
    (void)tickets.add_comment(coordinator.id, t.id, "Please try a reboot", false);
    (void)tickets.add_comment(owner.id, t.id, "Rebooted", false);
    (void)tickets.add_comment(coordinator.id, t.id, "Replacing the disk", false);

    const auto name_of = [](const std::vector<account_summary>& people, std::optional<account_id> id) -> std::string {
        for (const auto& p : people) {
            if (id && p.id == *id) {
                return p.first_name + " " + p.last_name + " (" + std::string{to_string(p.account_role)} + ")";
            }
        }
        return "?";
    };
    const auto for_owner = tickets.comment_page(owner.id, t.id, {.page_size = 100});
    REQUIRE(for_owner.results.size() == 3);
    CHECK(for_owner.authors.size() == 2);
    for (const auto& c : for_owner.results) {
        CHECK_FALSE(c.is_internal);
        CHECK(name_of(for_owner.authors, c.author) != "?");
    }
    CHECK(name_of(for_owner.authors, owner.id) == "Erin Employee (Employee)");
    CHECK(name_of(for_owner.authors, coordinator.id) == "Erin Employee (Ticket Coordinator)");
    CHECK(tickets.comment_page(coordinator.id, t.id, {.page_size = 100}).results.size() == 4);

    const auto details = tickets.get(owner.id, t.id);
    CHECK(details.comment_authors.size() == 2);

    const auto for_staff = tickets.history_page(coordinator.id, t.id, {.page_size = 100});
    const auto plain = tickets.history(coordinator.id, t.id);
    REQUIRE(for_staff.results.size() == plain.size());
    CHECK(for_staff.actors.size() == 2);
    for (const auto& e : for_staff.results) {
        if (e.actor) {
            CHECK(name_of(for_staff.actors, e.actor) != "?");
        }
    }
    CHECK(tickets.history_page(owner.id, t.id, {.page_size = 100}).results.size() == tickets.history(owner.id, t.id).size());

    const auto stranger = f.employee("stranger@example.com");
    (void)expect_error(errc::not_found, [&] { (void)tickets.comment_page(stranger.id, t.id, {.page_size = 100}); });
    (void)expect_error(errc::not_found, [&] { (void)tickets.history_page(stranger.id, t.id, {.page_size = 100}); });
}

TEST_CASE("an owner's comment on a Pending ticket moves it to In Progress - a staff comment does not") {
    raised_ticket_world world;
    auto& [f, owner, coordinator, t, tickets] = world;
    (void)f.tickets().approve(coordinator.id, t.id, {});
    (void)f.tickets().claim(coordinator.id, t.id);
    (void)f.tickets().update_status(coordinator.id, t.id, "Pending", "Which model is it?");
    (void)f.tickets().add_comment(coordinator.id, t.id, "Any news?");
    CHECK(f.fresh(t.id).status == ticket_status::pending);

    const auto version = f.fresh(t.id).version;
    (void)f.tickets().add_comment(owner.id, t.id, "It is a T14");
    const auto after = f.fresh(t.id);
    CHECK(after.status == ticket_status::in_progress);
    CHECK(after.version == version + 1);
    const auto history = f.tickets().history(owner.id, t.id);
    REQUIRE_FALSE(history.empty());
    const auto last_move = std::find_if(history.rbegin(), history.rend(),
                                        [](const history_event& e) { return e.kind == helpdesk::history_kind::status_changed; });
    REQUIRE(last_move != history.rend());
    CHECK(last_move->old_value == std::optional<std::string>{"Pending"});
    CHECK(last_move->new_value == std::optional<std::string>{"In Progress"});
    CHECK(last_move->actor == owner.id);
}

// ------------------------------------------------------------ times

TEST_CASE("response, resolution and closing times follow the clock exactly") {
    raised_ticket_world world;
    auto& [f, owner, coordinator, t, tickets] = world;
    const auto submitted = f.time->now();

    f.time->advance(10min);
    const auto opened = f.tickets().approve(coordinator.id, t.id, {}).item;
    CHECK(opened.response_seconds == 600);
    CHECK(opened.update_date == f.time->now());

    f.time->advance(20min);
    const auto claimed = f.tickets().claim(coordinator.id, t.id).item;
    CHECK(claimed.response_seconds == 600); // only the first reaction counts
    CHECK_FALSE(claimed.resolution_seconds.has_value());

    f.time->advance(1h);
    const auto resolved = f.tickets().update_status(coordinator.id, t.id, "Resolved", "Replaced the disk").item;
    CHECK(resolved.resolution_seconds == 600 + 1200 + 3600);
    CHECK_FALSE(resolved.time_closed.has_value());

    // Reopened and resolved again: the resolution time is the latest one.
    f.time->advance(30min);
    const auto reopened = f.tickets().reopen(owner.id, t.id, "It broke again").item;
    CHECK(reopened.status == ticket_status::in_progress);
    f.time->advance(30min);
    const auto again = f.tickets().update_status(coordinator.id, t.id, "Resolved").item;
    CHECK(again.resolution_seconds == 5400 + 3600);

    f.time->advance(2h);
    const auto closed = f.tickets().close(owner.id, t.id, "Thanks").item;
    CHECK(closed.status == ticket_status::closed);
    CHECK(closed.time_closed == f.time->now());
    CHECK(closed.time_closed == submitted + 5400s + 3600s + 2h);
    CHECK(closed.resolution_seconds == 9000);
    CHECK(closed.response_seconds == 600);

    const auto stored = f.fresh(t.id);
    CHECK(stored.time_closed == closed.time_closed);
    CHECK(stored.resolution_seconds == 9000);
    CHECK(stored.response_seconds == 600);
}

TEST_CASE("the first public staff comment or a rejection counts as the response - internal notes do not") {
    desk_fixture f;
    const auto owner = f.employee("erin@example.com");
    const auto coordinator = f.staff("coord@example.com");
    const auto commented = f.raise(owner, "Commented ticket");
    const auto rejected = f.raise(owner, "Rejected ticket");

    f.time->advance(30s);
    (void)f.tickets().add_comment(owner.id, commented.id, "Any update?");
    (void)f.tickets().add_comment(coordinator.id, commented.id, "internal triage note", true);
    CHECK_FALSE(f.fresh(commented.id).response_seconds.has_value());
    f.time->advance(60s);
    (void)f.tickets().add_comment(coordinator.id, commented.id, "Looking into it");
    CHECK(f.fresh(commented.id).response_seconds == 90);

    f.time->advance(15s);
    const auto r = f.tickets().reject(coordinator.id, rejected.id, "Duplicate of another ticket").item;
    CHECK(r.status == ticket_status::rejected);
    CHECK(r.response_seconds == 105);
    CHECK(r.rejection_reason == std::optional<std::string>{"Duplicate of another ticket"});
}

TEST_CASE("actions answer with the detail view the actor may see, as a read afterwards shows it") {
    desk_fixture f;
    const auto owner = f.employee("owner@example.com");
    const auto coordinator = f.staff("coord@example.com");
    auto& tickets = f.tickets();
    const auto t = f.raise(owner);

    approve_request r;
    r.approval_notes = "Known issue with this model.";
    const auto approved = tickets.approve(coordinator.id, t.id, r);
    CHECK(approved.item.status == ticket_status::open);
    REQUIRE(approved.viewer.has_value());
    CHECK(approved.viewer->id == coordinator.id);
    CHECK(approved.employee.id == owner.id);
    // Staff see the internal approval note in the answer, exactly as a read shows it.
    const auto read_back = tickets.get(coordinator.id, t.id);
    CHECK(approved.item.version == read_back.item.version);
    CHECK(approved.comments.size() == read_back.comments.size());
    CHECK(std::any_of(approved.comments.begin(), approved.comments.end(),
                      [](const comment& c) { return c.is_internal; }));

    const auto claimed = tickets.claim(coordinator.id, t.id, approved.item.version);
    REQUIRE(claimed.assigned_to.has_value());
    CHECK(claimed.assigned_to->id == coordinator.id);

    // The owner's answer leaves the internal note out.
    const auto withdrawn = tickets.withdraw(owner.id, t.id, "No longer needed");
    CHECK(withdrawn.item.status == ticket_status::withdrawn);
    CHECK(withdrawn.viewer->id == owner.id);
    CHECK(std::none_of(withdrawn.comments.begin(), withdrawn.comments.end(),
                       [](const comment& c) { return c.is_internal; }));
    CHECK(withdrawn.comments.size() == tickets.get(owner.id, t.id).comments.size());

    // A comment comes back with its author.
    const auto other = f.raise(owner, "Printer jams");
    const auto posted = tickets.add_comment(owner.id, other.id, "Still jammed");
    CHECK(posted.author.id == owner.id);
    CHECK(posted.author.email == "owner@example.com");
    CHECK(posted.item.text == "Still jammed");
}

} // TEST_SUITE
