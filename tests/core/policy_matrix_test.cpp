// The permission matrix of docs/product.md#permissions as a data table, checked against
// `helpdesk::can` for every role × action × ownership × ticket status.

#include "test_support.hpp"

#include <helpdesk/rules/policy.hpp>

#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace {

using namespace helpdesk;
using namespace helpdesk::testing;
using S = ticket_status;
using A = action;

/// Who may perform an action (before the ticket's state is considered).
/// `self_or_staff` concerns an account; `workflow` is no person at all.
enum class who_may { anyone, owner, staff, owner_or_staff, admin, self_or_staff, workflow };

/// One row of the rule table: who, and (for ticket actions) from which states.
struct rule {
    who_may who;
    std::set<S> from;   ///< empty for create and the account actions
    bool needs_approval = true;
};

const std::set<S> every_state = {S::new_,     S::open,   S::in_progress, S::on_hold,  S::pending,
                                 S::resolved, S::closed, S::rejected,    S::withdrawn};
const std::set<S> non_terminal = {S::new_, S::open, S::in_progress, S::on_hold, S::pending, S::resolved};

// docs/product.md#lifecycle ("who", "from") and #permissions, written independently of lib/rules.
// update-status can leave every state that has an update-status edge
// (the target is checked by the service). view and add_attachment are not in
// the table of docs/product.md#permissions: a visible ticket can be viewed in every state; files, like
// comments, only while it is not terminal.
const std::map<A, rule> rules = {
    {A::view, {who_may::owner_or_staff, every_state}},
    {A::create, {who_may::anyone, {}}},
    {A::approve, {who_may::staff, {S::new_}}},
    {A::reject, {who_may::staff, {S::new_}}},
    {A::claim, {who_may::staff, {S::open}}},
    {A::assign, {who_may::staff, {S::open, S::in_progress, S::on_hold, S::pending}}},
    {A::update_status, {who_may::staff, {S::open, S::in_progress, S::on_hold, S::pending, S::resolved}}},
    {A::withdraw, {who_may::owner, {S::new_, S::open, S::in_progress, S::on_hold, S::pending}}},
    {A::close, {who_may::owner, {S::resolved}}},
    {A::reopen, {who_may::owner, {S::resolved}}},
    {A::comment_public, {who_may::owner_or_staff, non_terminal}},
    {A::comment_internal, {who_may::staff, non_terminal}},
    {A::add_attachment, {who_may::owner_or_staff, non_terminal}},
    {A::finalize, {who_may::staff, {S::open, S::in_progress}}},
    // Editing an approved ticket's fields, and unassigning it: staff, from
    // approval until it is terminal.
    {A::edit_ticket, {who_may::staff, {S::open, S::in_progress, S::on_hold, S::pending, S::resolved}}},
    {A::unassign, {who_may::staff, {S::open, S::in_progress, S::on_hold, S::pending, S::resolved}}},
    {A::list_accounts, {who_may::staff, {}}},
    {A::approve_account, {who_may::admin, {}}},
    {A::reject_account, {who_may::admin, {}}},
    {A::create_account, {who_may::admin, {}}},
    {A::change_role, {who_may::admin, {}}},
    {A::read_rejection_audit, {who_may::admin, {}}},
    {A::deactivate_account, {who_may::admin, {}}},
    {A::reactivate_account, {who_may::admin, {}}},
    {A::edit_account, {who_may::admin, {}}},
    {A::read_account_history, {who_may::admin, {}}},
    {A::manage_outbox, {who_may::admin, {}}},
    {A::manage_api_keys, {who_may::admin, {}}},
    {A::manage_sla, {who_may::admin, {}}},
    {A::list_tickets, {who_may::anyone, {}}},
    {A::view_stats, {who_may::anyone, {}}},
    {A::use_ticket_queues, {who_may::staff, {}}},
    {A::workflow_update_status, {who_may::workflow, {}}},
    {A::update_profile, {who_may::anyone, {}}},
    {A::check_password, {who_may::anyone, {}}},
    {A::change_password, {who_may::anyone, {}}},
    {A::set_image, {who_may::anyone, {}}},
    {A::view_account, {who_may::self_or_staff, {}}},
    // A profile picture was always shown to the account itself and to staff,
    // whatever the looker's own state.
    {A::view_account_image, {who_may::self_or_staff, {}, false}},
    // Canned replies: staff use their own and the shared ones; only System
    // Admins write the shared ones.
    {A::use_canned_replies, {who_may::staff, {}}},
    {A::manage_shared_canned_replies, {who_may::admin, {}}},
    // Automatic assignment: staff set their own availability; only System
    // Admins read and change the departments' modes.
    {A::set_availability, {who_may::staff, {}}},
    {A::manage_assignment, {who_may::admin, {}}},
};

enum class outcome { allowed, not_found, permission_denied, invalid_state };

const char* name(outcome o) {
    switch (o) {
    case outcome::allowed: return "allowed";
    case outcome::not_found: return "not_found";
    case outcome::permission_denied: return "permission_denied";
    case outcome::invalid_state: return "invalid_state";
    }
    return "?";
}

outcome observed(const decision& d) {
    if (d.allowed) {
        return outcome::allowed;
    }
    switch (d.code) {
    case errc::not_found: return outcome::not_found;
    case errc::permission_denied: return outcome::permission_denied;
    case errc::invalid_state: return outcome::invalid_state;
    default: return outcome::allowed; // any other code is wrong; compared below
    }
}

bool role_fits(who_may who, role r, bool owner) {
    const bool staff = r != role::employee;
    switch (who) {
    case who_may::anyone: return true;
    case who_may::owner: return owner;
    case who_may::staff: return staff;
    case who_may::owner_or_staff: return owner || staff;
    case who_may::admin: return r == role::system_admin;
    case who_may::self_or_staff: return owner || staff;
    case who_may::workflow: return false;
    }
    return false;
}

/// The expected answer for a ticket action: visibility, then who, then state.
outcome expected_ticket(role r, bool owner, A act, S st) {
    const auto& rl = rules.at(act);
    if (!owner && r == role::employee) {
        return outcome::not_found; // no existence leak
    }
    if (!role_fits(rl.who, r, owner)) {
        return outcome::permission_denied;
    }
    return rl.from.count(st) ? outcome::allowed : outcome::invalid_state;
}

/// The expected answer for create and the account actions (no ticket).
outcome expected_plain(role r, A act) {
    return role_fits(rules.at(act).who, r, false) ? outcome::allowed : outcome::permission_denied;
}

constexpr account_id actor_id = 7;
constexpr account_id someone_else = 8;

ticket ticket_in(S st, bool owned) {
    ticket t;
    t.id = 42;
    t.ticket_number = "TX0042";
    t.employee = owned ? actor_id : someone_else;
    t.status = st;
    return t;
}

/// create and the account actions take no ticket.
bool takes_ticket(A act) { return is_ticket_action(act) && act != A::create; }

/// Looking at an account takes the account looked at.
bool takes_account(A act) { return rules.at(act).who == who_may::self_or_staff; }

/// The expected answer for an action on an account: oneself or, for staff,
/// anyone's; another's account is as missing as one that does not exist.
outcome expected_account(role r, bool self, A act) {
    return role_fits(rules.at(act).who, r, self) ? outcome::allowed : outcome::not_found;
}

constexpr int ticket_actions = 15;
constexpr int account_actions = 2;
constexpr int plain_actions = static_cast<int>(std::size(all_actions)) - ticket_actions - account_actions;

} // namespace

TEST_CASE("policy matrix: the rule table covers every action exactly once") {
    CHECK(rules.size() == std::size(all_actions));
    for (const auto act : all_actions) {
        INFO(to_string(act));
        CHECK(rules.count(act) == 1);
    }
}

TEST_CASE("policy matrix: every role × action × ownership × status (approved actors)") {
    int checked = 0;
    int allowed = 0;
    for (const auto r : all_roles) {
        const actor who{actor_id, r, account_status::approved};
        for (const auto act : all_actions) {
            if (takes_account(act)) {
                for (const bool self : {true, false}) {
                    const auto want = expected_account(r, self, act);
                    const auto got = can(who, act, self ? actor_id : someone_else);
                    INFO(to_string(r) << " / " << to_string(act) << " / " << (self ? "own account" : "another's")
                                      << ": expected " << name(want) << ", got "
                                      << (got.allowed ? "allowed" : std::string{to_string(got.code)}));
                    CHECK(observed(got) == want);
                    allowed += got.allowed ? 1 : 0;
                    ++checked;
                }
                continue;
            }
            if (!takes_ticket(act)) {
                const auto want = expected_plain(r, act);
                const auto got = can(who, act, nullptr);
                INFO(to_string(r) << " / " << to_string(act) << " / no ticket: expected " << name(want) << ", got "
                                  << (got.allowed ? "allowed" : std::string{to_string(got.code)}) << " (" << got.reason
                                  << ")");
                CHECK(observed(got) == want);
                if (!got.allowed) {
                    CHECK(got.code == errc::permission_denied);
                    CHECK_FALSE(got.reason.empty());
                }
                allowed += got.allowed ? 1 : 0;
                ++checked;
                continue;
            }
            for (const bool owned : {true, false}) {
                for (const auto st : all_ticket_statuses) {
                    const auto t = ticket_in(st, owned);
                    const auto want = expected_ticket(r, owned, act, st);
                    const auto got = can(who, act, &t);
                    INFO(to_string(r) << " / " << to_string(act) << " / " << (owned ? "owner" : "not owner") << " / "
                                      << to_string(st) << ": expected " << name(want) << ", got "
                                      << (got.allowed ? "allowed" : std::string{to_string(got.code)}) << " ("
                                      << got.reason << ")");
                    CHECK(observed(got) == want);
                    if (!got.allowed) {
                        CHECK_FALSE(got.reason.empty());
                    }
                    if (want == outcome::invalid_state) {
                        // The refusal names the current state.
                        CHECK(got.reason.find(std::string{to_string(st)}) != std::string::npos);
                    }
                    allowed += got.allowed ? 1 : 0;
                    ++checked;
                }
            }
        }
    }
    // 3 roles × (15 ticket actions × 2 ownerships × 9 states + 2 account
    // actions × 2 accounts + the ticketless actions).
    CHECK(plain_actions == 26);
    CHECK(checked == 3 * (ticket_actions * 2 * 9 + account_actions * 2 + plain_actions));
    CHECK(allowed > 0);
    CHECK(allowed < checked);
}

TEST_CASE("policy matrix: actors that are not approved (Pending, Rejected) are denied everything but a picture") {
    int checked = 0;
    for (const auto status : {account_status::pending, account_status::rejected}) {
        for (const auto r : all_roles) {
            const actor who{actor_id, r, status};
            for (const auto act : all_actions) {
                if (takes_account(act)) {
                    for (const bool self : {true, false}) {
                        INFO(to_string(status) << " " << to_string(r) << " / " << to_string(act) << " / "
                                               << (self ? "own account" : "another's"));
                        const auto got = can(who, act, self ? actor_id : someone_else);
                        if (rules.at(act).needs_approval) {
                            CHECK_FALSE(got.allowed);
                            CHECK(got.code == errc::permission_denied);
                            CHECK(got.reason == can(who, act, nullptr).reason);
                        } else {
                            CHECK(observed(got) == expected_account(r, self, act));
                        }
                        ++checked;
                    }
                    continue;
                }
                if (!takes_ticket(act)) {
                    INFO(to_string(status) << " " << to_string(r) << " / " << to_string(act));
                    const auto got = can(who, act, nullptr);
                    CHECK_FALSE(got.allowed);
                    CHECK(got.code == errc::permission_denied);
                    ++checked;
                    continue;
                }
                for (const bool owned : {true, false}) {
                    for (const auto st : all_ticket_statuses) {
                        INFO(to_string(status) << " " << to_string(r) << " / " << to_string(act) << " / "
                                               << (owned ? "owner" : "not owner") << " / " << to_string(st));
                        const auto t = ticket_in(st, owned);
                        const auto got = can(who, act, &t);
                        CHECK_FALSE(got.allowed);
                        // The same answer whether or not the ticket is theirs or exists.
                        CHECK(got.code == errc::permission_denied);
                        CHECK(got.reason == can(who, act, nullptr).reason);
                        ++checked;
                    }
                }
            }
        }
    }
    CHECK(checked == 2 * 3 * (ticket_actions * 2 * 9 + account_actions * 2 + plain_actions));
}

TEST_CASE("policy matrix: a deactivated actor (approved or not) is denied everything, pictures included") {
    int checked = 0;
    for (const auto status : {account_status::approved, account_status::pending}) {
        for (const auto r : all_roles) {
            const actor who{actor_id, r, status, false};
            for (const auto act : all_actions) {
                INFO(to_string(status) << " " << to_string(r) << " / " << to_string(act));
                std::vector<decision> answers;
                if (takes_account(act)) {
                    answers = {can(who, act, actor_id), can(who, act, someone_else)};
                } else if (takes_ticket(act)) {
                    for (const auto st : all_ticket_statuses) {
                        for (const bool owned : {true, false}) {
                            const auto t = ticket_in(st, owned);
                            answers.push_back(can(who, act, &t));
                        }
                    }
                } else {
                    answers = {can(who, act, nullptr)};
                }
                for (const auto& got : answers) {
                    CHECK_FALSE(got.allowed);
                    CHECK(got.code == errc::permission_denied);
                    ++checked;
                }
            }
        }
    }
    CHECK(checked == 2 * 3 * (ticket_actions * 2 * 9 + account_actions * 2 + plain_actions));
}

TEST_CASE("policy matrix: an employee never learns that another's ticket exists") {
    const actor employee{actor_id, role::employee, account_status::approved};
    std::set<std::string> reasons;
    int checked = 0;
    for (const auto act : all_actions) {
        if (!takes_ticket(act)) {
            continue;
        }
        // A missing ticket and another person's ticket get the same answer.
        const auto missing = can(employee, act, nullptr);
        CHECK_FALSE(missing.allowed);
        CHECK(missing.code == errc::not_found);
        for (const auto st : all_ticket_statuses) {
            INFO(to_string(act) << " / " << to_string(st));
            const auto t = ticket_in(st, false);
            const auto got = can(employee, act, &t);
            CHECK_FALSE(got.allowed);
            CHECK(got.code == errc::not_found);
            CHECK(got.code != errc::permission_denied);
            CHECK(got.reason == missing.reason);
            // The status must not show through the reason either.
            CHECK(got.reason.find(std::string{to_string(st)}) == std::string::npos);
            reasons.insert(got.reason);
            ++checked;
        }
    }
    CHECK(checked == ticket_actions * 9);
    CHECK(reasons.size() == 1);
}

TEST_CASE("policy matrix: through the services, another's ticket answers exactly like a missing one") {
    fixture f;
    const auto alice = f.employee("alice@example.com");
    const auto bob = f.employee("bob@example.com");
    const auto coord = f.staff("coord@example.com");
    const auto t = f.desk.tickets().create(alice.id, [] {
        auto r = fixture::ticket_request();
        r.attachments.push_back({"data.csv", "a,b\n1,2\n"});
        return r;
    }()).item;
    const auto file = f.desk.tickets().get(alice.id, t.id).attachments.at(0);
    const ticket_id missing = t.id + 1000;
    auto& tickets = f.desk.tickets();

    const auto same = [](const helpdesk::error& theirs, const helpdesk::error& none) {
        CHECK(std::string{theirs.what()} == std::string{none.what()});
    };
    same(expect_error(errc::not_found, [&] { (void)tickets.get(bob.id, t.id); }),
         expect_error(errc::not_found, [&] { (void)tickets.get(bob.id, missing); }));
    same(expect_error(errc::not_found, [&] { (void)tickets.get_by_number(bob.id, t.ticket_number); }),
         expect_error(errc::not_found, [&] { (void)tickets.get_by_number(bob.id, "TX9998"); }));
    same(expect_error(errc::not_found, [&] { (void)tickets.comments(bob.id, t.id); }),
         expect_error(errc::not_found, [&] { (void)tickets.comments(bob.id, missing); }));
    same(expect_error(errc::not_found, [&] { (void)tickets.history(bob.id, t.id); }),
         expect_error(errc::not_found, [&] { (void)tickets.history(bob.id, missing); }));
    same(expect_error(errc::not_found, [&] { (void)tickets.add_comment(bob.id, t.id, "hello"); }),
         expect_error(errc::not_found, [&] { (void)tickets.add_comment(bob.id, missing, "hello"); }));
    same(expect_error(errc::not_found, [&] { (void)tickets.withdraw(bob.id, t.id); }),
         expect_error(errc::not_found, [&] { (void)tickets.withdraw(bob.id, missing); }));
    same(expect_error(errc::not_found, [&] { (void)tickets.claim(bob.id, t.id); }),
         expect_error(errc::not_found, [&] { (void)tickets.claim(bob.id, missing); }));
    same(expect_error(errc::not_found, [&] { (void)tickets.download(bob.id, file.id); }),
         expect_error(errc::not_found, [&] { (void)tickets.download(bob.id, file.id + 1000); }));

    // Nor does it show up in bob's lists or stats.
    CHECK(tickets.list(bob.id, {}).count == std::optional<std::int64_t>{0});
    // Staff and the owner do see it.
    CHECK(tickets.get(alice.id, t.id).item.id == t.id);
    CHECK(tickets.get(coord.id, t.id).item.id == t.id);
}

TEST_CASE("policy matrix: the workflow system's key may update a status, nothing else") {
    api_key key;
    key.id = 3;
    key.name = "workflow";
    for (const auto act : all_actions) {
        INFO(to_string(act));
        const auto t = ticket_in(S::open, false);
        const auto got = can(key, act, &t);
        if (act == A::workflow_update_status) {
            CHECK(got.allowed);
            // A ticket that is not there is not found.
            const auto missing = can(key, act, nullptr);
            CHECK_FALSE(missing.allowed);
            CHECK(missing.code == errc::not_found);
        } else {
            CHECK_FALSE(got.allowed);
            CHECK(got.code == errc::permission_denied);
        }
    }
    // No person may use the workflow system's call, whatever their role.
    for (const auto r : all_roles) {
        const auto got = can(actor{actor_id, r, account_status::approved}, A::workflow_update_status, nullptr);
        CHECK_FALSE(got.allowed);
        CHECK(got.code == errc::permission_denied);
    }
}

TEST_CASE("policy matrix: lists, stats, queues and one's own account keep their refusals through the services") {
    fixture f;
    const auto alice = f.employee("alice@example.com");
    const auto coord = f.staff("coord@example.com");
    auto& tickets = f.desk.tickets();
    auto& accounts = f.desk.accounts();

    const auto queue_refusal = expect_error(errc::permission_denied, [&] { (void)tickets.new_queue(alice.id); });
    CHECK(std::string{queue_refusal.what()}.find("only staff may use the ticket queues") != std::string::npos);
    expect_error(errc::permission_denied, [&] { (void)tickets.open_queue(alice.id); });
    expect_error(errc::permission_denied, [&] { (void)tickets.assigned_to_me(alice.id); });
    CHECK(tickets.new_queue(coord.id).count == std::optional<std::int64_t>{0});
    CHECK(tickets.list(alice.id, {}).count == std::optional<std::int64_t>{0});
    CHECK(tickets.stats(alice.id).total == 0);

    // Another's account is as missing as one that does not exist.
    const auto other = expect_error(errc::not_found, [&] { (void)accounts.get(alice.id, coord.id); });
    const auto none = expect_error(errc::not_found, [&] { (void)accounts.get(alice.id, coord.id + 1000); });
    CHECK(std::string{other.what()} == std::string{none.what()});
    expect_error(errc::not_found, [&] { (void)accounts.image(alice.id, coord.id); });
    CHECK(accounts.get(coord.id, alice.id).id == alice.id);
    CHECK_FALSE(accounts.image(coord.id, alice.id).has_value());
    CHECK(accounts.check_password(alice.id, "not the password") == false);

    // A pending account (not yet approved) is refused its own settings.
    const auto pending = accounts.sign_up(fixture::person("pending@example.com"));
    const auto not_approved = [&](auto&& call) {
        const auto e = expect_error(errc::permission_denied, call);
        CHECK(std::string{e.what()}.find("the account is not approved") != std::string::npos);
    };
    not_approved([&] { (void)tickets.list(pending.id, {}); });
    not_approved([&] { (void)tickets.stats(pending.id); });
    not_approved([&] { (void)tickets.new_queue(pending.id); });
    not_approved([&] { (void)accounts.get(pending.id, pending.id); });
    not_approved([&] { (void)accounts.check_password(pending.id, "whatever"); });
    not_approved([&] { (void)accounts.update_profile(pending.id, {}); });
    not_approved([&] { accounts.change_password(pending.id, "Old-pass-123", "New-pass-456!", "New-pass-456!"); });
    // Its own picture it may still ask for (it has none).
    CHECK_FALSE(accounts.image(pending.id, pending.id).has_value());
}
