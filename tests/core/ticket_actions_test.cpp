// permitted_actions: the actions a ticket view offers its reader. For every
// reader (owner, another employee, coordinator, admin, a coordinator who owns
// the ticket) × every status, each offerable action is tried through the
// services on a fresh ticket in that status: an action is listed exactly when
// the service accepts it, and update-status is accepted exactly for the
// listed targets. So a client that shows only the listed buttons never meets
// a refusal (other than a lost race).

#include "test_support.hpp"

#include <helpdesk/rules/ticket_actions.hpp>

#include <algorithm>
#include <set>
#include <string>

namespace {

using namespace helpdesk;
using namespace helpdesk::testing;
using S = ticket_status;
using A = action;

/// A reader of tickets and whose tickets they read.
struct reader {
    std::string label;
    account who;
    account owner;   ///< the owner of the tickets this reader is shown
};

actor actor_of(const account& a) { return {a.id, a.account_role, a.status}; }

bool listed(const ticket_permissions& p, A act) {
    return std::find(p.actions.begin(), p.actions.end(), act) != p.actions.end();
}

/// Builds tickets in a given status through the services.
struct ticket_maker {
    fixture& f;
    account worker;   ///< the coordinator who claims and moves tickets

    ticket in(const account& owner, S status, bool finalized = false) {
        auto& tickets = f.desk.tickets();
        const auto id = f.raise(owner).id;
        if (status == S::rejected) {
            (void)tickets.reject(f.admin.id, id, "Not a help-desk matter.");
        } else if (status == S::withdrawn) {
            (void)tickets.withdraw(owner.id, id);
        } else if (status != S::new_) {
            (void)tickets.approve(f.admin.id, id, approve_request{});
            if (finalized) {
                (void)tickets.finalize(f.admin.id, id);
            }
            if (status != S::open) {
                (void)tickets.claim(worker.id, id);
            }
            if (status == S::on_hold || status == S::pending || status == S::resolved) {
                (void)tickets.update_status(worker.id, id, to_string(status));
            }
            if (status == S::closed) {
                (void)tickets.update_status(worker.id, id, "Resolved");
                (void)tickets.close(owner.id, id);
            }
        }
        auto t = tickets.get(f.admin.id, id).item;
        REQUIRE(t.status == status);
        REQUIRE(t.finalized == finalized);
        return t;
    }
};

/// Whether the service accepts `act` by `who` on `t` (with valid input).
bool accepted(fixture& f, const account& who, A act, const ticket& t) {
    auto& tickets = f.desk.tickets();
    try {
        switch (act) {
        case A::approve: (void)tickets.approve(who.id, t.id, approve_request{}); break;
        case A::reject: (void)tickets.reject(who.id, t.id, "Out of scope."); break;
        case A::claim: (void)tickets.claim(who.id, t.id); break;
        case A::assign: (void)tickets.assign(who.id, t.id, who.id); break;
        case A::withdraw: (void)tickets.withdraw(who.id, t.id); break;
        case A::close: (void)tickets.close(who.id, t.id); break;
        case A::reopen: (void)tickets.reopen(who.id, t.id, "It broke again."); break;
        case A::comment_public: (void)tickets.add_comment(who.id, t.id, "Any news?", false); break;
        case A::comment_internal: (void)tickets.add_comment(who.id, t.id, "Check the logs.", true); break;
        case A::add_attachment:
            (void)tickets.add_attachment(who.id, t.id, new_attachment{"shot.png", std::string{"\x89PNG\r\n\x1a\n", 8} + "pixels"});
            break;
        case A::finalize: (void)tickets.finalize(who.id, t.id); break;
        case A::edit_ticket: (void)tickets.edit(who.id, t.id, {.priority = "High"}); break;
        // Unassigning a ticket nobody has is accepted as a no-op: nothing done, nothing to offer.
        case A::unassign: return tickets.edit(who.id, t.id, {.unassign = true}).item.version > t.version;
        default: FAIL("not an offerable action: " << to_string(act));
        }
        return true;
    } catch (const helpdesk::error&) {
        return false;
    }
}

bool update_accepted(fixture& f, const account& who, S to, const ticket& t) {
    try {
        (void)f.desk.tickets().update_status(who.id, t.id, to_string(to));
        return true;
    } catch (const helpdesk::error&) {
        return false;
    }
}

} // namespace

TEST_CASE("ticket actions: listed exactly when the service accepts, for every reader × status") {
    fixture f;
    const auto owner = f.employee("owner@example.com");
    const auto other = f.employee("other@example.com");
    const auto coordinator = f.staff("cora@example.com");
    const auto staff_owner = f.staff("sam@example.com");
    ticket_maker make{f, f.staff("wes@example.com")};
    const std::vector<reader> readers = {
        {"owner", owner, owner},
        {"another employee", other, owner},
        {"coordinator", coordinator, owner},
        {"admin", f.admin, owner},
        {"coordinator who owns it", staff_owner, staff_owner},
    };
    int tried = 0;
    int listed_total = 0;
    std::set<A> ever_listed;
    for (const auto& r : readers) {
        for (const auto status : all_ticket_statuses) {
            const auto shown = make.in(r.owner, status);
            const auto permissions = permitted_actions(actor_of(r.who), shown);
            for (const auto act : offerable_ticket_actions) {
                if (act == A::update_status) {
                    continue; // tried target by target below
                }
                const auto fresh = make.in(r.owner, status);
                const bool ok = accepted(f, r.who, act, fresh);
                INFO(r.label << " / " << to_string(status) << " / " << to_string(act) << ": service "
                             << (ok ? "accepts" : "refuses"));
                CHECK(listed(permissions, act) == ok);
                ++tried;
            }
            bool some_target = false;
            for (const auto to : all_ticket_statuses) {
                const auto fresh = make.in(r.owner, status);
                const bool ok = update_accepted(f, r.who, to, fresh);
                const bool offered = std::find(permissions.status_targets.begin(), permissions.status_targets.end(),
                                               to) != permissions.status_targets.end();
                INFO(r.label << " / " << to_string(status) << " / update_status to " << to_string(to) << ": service "
                             << (ok ? "accepts" : "refuses"));
                CHECK(offered == ok);
                some_target = some_target || ok;
                ++tried;
            }
            CHECK(listed(permissions, A::update_status) == some_target);
            if (!listed(permissions, A::update_status)) {
                CHECK(permissions.status_targets.empty());
            }
            listed_total += static_cast<int>(permissions.actions.size());
            ever_listed.insert(permissions.actions.begin(), permissions.actions.end());
        }
    }
    // 5 readers × 9 statuses × (13 actions + 9 update-status targets).
    CHECK(tried == 5 * 9 * (13 + 9));
    CHECK(listed_total > 0);
    // Every offerable action is offered to someone somewhere.
    CHECK(ever_listed.size() == std::size(offerable_ticket_actions));
}

TEST_CASE("ticket actions: the service's viewer is the reader, and what it lists for them") {
    fixture f;
    const auto owner = f.employee("owner@example.com");
    const auto coordinator = f.staff("cora@example.com");
    const auto t = f.raise(owner);

    const auto as_owner = f.desk.tickets().get(owner.id, t.id);
    REQUIRE(as_owner.viewer.has_value());
    CHECK(as_owner.viewer->id == owner.id);
    CHECK(as_owner.viewer->actor_role == role::employee);
    const auto mine = permitted_actions(*as_owner.viewer, as_owner.item);
    CHECK(mine.actions == std::vector<A>{A::withdraw, A::comment_public, A::add_attachment});
    CHECK(mine.status_targets.empty());

    const auto as_staff = f.desk.tickets().get_by_number(coordinator.id, t.ticket_number);
    REQUIRE(as_staff.viewer.has_value());
    CHECK(as_staff.viewer->actor_role == role::ticket_coordinator);
    CHECK(permitted_actions(*as_staff.viewer, as_staff.item).actions ==
          std::vector<A>{A::approve, A::reject, A::comment_public, A::comment_internal, A::add_attachment});

    ticket_list_request all;
    const auto page = f.desk.tickets().list(coordinator.id, all);
    REQUIRE(page.viewer.has_value());
    CHECK(page.viewer->id == coordinator.id);
    const auto created = f.desk.tickets().create(owner.id, fixture::ticket_request("Second"));
    REQUIRE(created.viewer.has_value());
    CHECK(created.viewer->id == owner.id);
}

TEST_CASE("ticket actions: In Progress lists the update-status edges in lifecycle order") {
    fixture f;
    const auto owner = f.employee("owner@example.com");
    ticket_maker make{f, f.staff("wes@example.com")};
    const auto t = make.in(owner, S::in_progress);
    const auto p = permitted_actions(actor_of(f.admin), t);
    CHECK(p.status_targets == std::vector<S>{S::open, S::on_hold, S::pending, S::resolved});
    CHECK(permitted_actions(actor_of(f.admin), make.in(owner, S::resolved)).status_targets == std::vector<S>{S::closed});
}

TEST_CASE("ticket actions: finalize is not offered again once the ticket is finalized") {
    fixture f;
    const auto owner = f.employee("owner@example.com");
    ticket_maker make{f, f.staff("wes@example.com")};
    for (const auto status : {S::open, S::in_progress}) {
        INFO(to_string(status));
        CHECK(listed(permitted_actions(actor_of(f.admin), make.in(owner, status)), A::finalize));
        const auto done = make.in(owner, status, true);
        const auto p = permitted_actions(actor_of(f.admin), done);
        CHECK_FALSE(listed(p, A::finalize));
        // A second finalize would be accepted as a no-op: nothing to offer.
        const auto again = f.desk.tickets().finalize(f.admin.id, done.id).item;
        CHECK(again.version == done.version);
        CHECK(listed(p, A::comment_internal));
    }
}

TEST_CASE("ticket actions: unassign is offered only while somebody is assigned") {
    fixture f;
    const auto owner = f.employee("owner@example.com");
    ticket_maker make{f, f.staff("wes@example.com")};
    const auto open = make.in(owner, S::open);
    CHECK_FALSE(listed(permitted_actions(actor_of(f.admin), open), A::unassign));
    CHECK(listed(permitted_actions(actor_of(f.admin), open), A::edit_ticket));
    const auto taken = make.in(owner, S::in_progress);
    CHECK(listed(permitted_actions(actor_of(f.admin), taken), A::unassign));
    const auto back = f.desk.tickets().edit(f.admin.id, taken.id, {.unassign = true}).item;
    CHECK(back.status == S::open);
    CHECK_FALSE(listed(permitted_actions(actor_of(f.admin), back), A::unassign));
}

TEST_CASE("ticket actions: a reader who is not approved is offered nothing") {
    fixture f;
    const auto owner = f.employee("owner@example.com");
    const auto t = f.raise(owner);
    for (const auto status : {account_status::pending, account_status::rejected}) {
        auto who = actor_of(owner);
        who.status = status;
        const auto p = permitted_actions(who, t);
        CHECK(p.actions.empty());
        CHECK(p.status_targets.empty());
    }
}

TEST_CASE("ticket actions: client names are the API's action strings") {
    const std::set<std::string> contract = {"approve",  "reject",  "claim",          "assign",           "update_status",
                                            "withdraw", "close",   "reopen",         "comment",          "comment_internal",
                                            "attach",   "finalize", "edit_ticket", "unassign"};
    std::set<std::string> names;
    for (const auto act : offerable_ticket_actions) {
        names.insert(std::string{client_action_name(act)});
    }
    CHECK(names == contract);
    CHECK(client_action_name(A::comment_public) == "comment");
    CHECK(client_action_name(A::add_attachment) == "attach");
    CHECK(client_action_name(A::update_status) == "update_status");
}
