// A deactivation is one transaction (docs/product.md#account-administration):
// when its commit fails, the account stays active, its sessions live, its
// tickets stay assigned, and no history or notice is written.

#include "regression_test_support.hpp"

TEST_CASE("a deactivation whose commit fails changes nothing") {
    faulty_fixture ff;
    auto& desk = ff.desk;
    auto person = desk.accounts().sign_up(fixture::person("cora@example.com", "Cora", "Coordinator"));
    person = desk.accounts().approve(ff.admin.id, person.id);
    person = desk.accounts().change_role(ff.admin.id, person.id, "Ticket Coordinator");
    const auto owner = desk.accounts().approve(ff.admin.id,
                                               desk.accounts().sign_up(fixture::person("erin@example.com")).id);
    auto t = desk.tickets().create(owner.id, fixture::ticket_request()).item;
    (void)desk.tickets().approve(ff.admin.id, t.id, approve_request{});
    t = desk.tickets().claim(person.id, t.id).item;
    desk.sessions().open(person.id, "session", "token", ff.time->now() + std::chrono::hours{1});
    const auto history_rows = desk.accounts().history(ff.admin.id, person.id).results.size();
    const auto pending_events = desk.outbox().count(outbox_state::pending);

    ff.fail.commit = true;
    (void)expect_error(errc::storage_unavailable, [&] { (void)desk.accounts().deactivate(ff.admin.id, person.id); });
    ff.fail.commit = false;

    CHECK(desk.accounts().get(ff.admin.id, person.id).is_active);
    CHECK(desk.sessions().active("token"));
    const auto after = desk.tickets().get(owner.id, t.id).item;
    CHECK(after.assigned_to == std::optional<account_id>{person.id});
    CHECK(after.status == ticket_status::in_progress);
    CHECK(after.version == t.version);
    CHECK(desk.accounts().history(ff.admin.id, person.id).results.size() == history_rows);
    CHECK(desk.outbox().count(outbox_state::pending) == pending_events);

    // And when nothing fails, all of it happens.
    CHECK_FALSE(desk.accounts().deactivate(ff.admin.id, person.id).is_active);
    CHECK_FALSE(desk.sessions().active("token"));
    CHECK_FALSE(desk.tickets().get(owner.id, t.id).item.assigned_to);
}
