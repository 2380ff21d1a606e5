// The ticket lifecycle of docs/product.md#lifecycle: the transition table as data, every edge
// driven through the services by the proper actor, and every other
// (state, action) pair refused without side effects.

#include "test_support.hpp"

#include <helpdesk/rules/lifecycle.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace {

using namespace helpdesk;
using namespace helpdesk::testing;
using S = ticket_status;
using A = action;

// docs/product.md#lifecycle, written out by hand (not read from lib/). `view` and
// `add_attachment` are not in the table of docs/product.md#lifecycle; the choice recorded here is
// that a visible ticket can be viewed in every state, and files can be added
// while the ticket is not terminal (like comments).
const std::vector<transition> spec_edges = {
    {A::approve, S::new_, S::open},
    {A::reject, S::new_, S::rejected},
    {A::claim, S::open, S::in_progress},

    // assign: Open becomes In Progress, the others keep their status.
    {A::assign, S::open, S::in_progress},
    {A::assign, S::in_progress, S::in_progress},
    {A::assign, S::on_hold, S::on_hold},
    {A::assign, S::pending, S::pending},

    // update-status: Open/In Progress/On Hold/Pending among themselves ...
    {A::update_status, S::open, S::in_progress},
    {A::update_status, S::open, S::on_hold},
    {A::update_status, S::open, S::pending},
    {A::update_status, S::in_progress, S::open},
    {A::update_status, S::in_progress, S::on_hold},
    {A::update_status, S::in_progress, S::pending},
    {A::update_status, S::on_hold, S::open},
    {A::update_status, S::on_hold, S::in_progress},
    {A::update_status, S::on_hold, S::pending},
    {A::update_status, S::pending, S::open},
    {A::update_status, S::pending, S::in_progress},
    {A::update_status, S::pending, S::on_hold},
    // ... In Progress/On Hold/Pending → Resolved, Resolved → Closed.
    {A::update_status, S::in_progress, S::resolved},
    {A::update_status, S::on_hold, S::resolved},
    {A::update_status, S::pending, S::resolved},
    {A::update_status, S::resolved, S::closed},

    {A::withdraw, S::new_, S::withdrawn},
    {A::withdraw, S::open, S::withdrawn},
    {A::withdraw, S::in_progress, S::withdrawn},
    {A::withdraw, S::on_hold, S::withdrawn},
    {A::withdraw, S::pending, S::withdrawn},

    {A::close, S::resolved, S::closed},
    {A::reopen, S::resolved, S::in_progress},

    // comment: any non-terminal state; the owner answering on Pending moves it to In Progress.
    {A::comment_public, S::new_, S::new_},
    {A::comment_public, S::open, S::open},
    {A::comment_public, S::in_progress, S::in_progress},
    {A::comment_public, S::on_hold, S::on_hold},
    {A::comment_public, S::pending, S::in_progress},
    {A::comment_public, S::resolved, S::resolved},
    {A::comment_internal, S::new_, S::new_},
    {A::comment_internal, S::open, S::open},
    {A::comment_internal, S::in_progress, S::in_progress},
    {A::comment_internal, S::on_hold, S::on_hold},
    {A::comment_internal, S::pending, S::pending},
    {A::comment_internal, S::resolved, S::resolved},

    {A::add_attachment, S::new_, S::new_},
    {A::add_attachment, S::open, S::open},
    {A::add_attachment, S::in_progress, S::in_progress},
    {A::add_attachment, S::on_hold, S::on_hold},
    {A::add_attachment, S::pending, S::pending},
    {A::add_attachment, S::resolved, S::resolved},

    {A::finalize, S::open, S::open},
    {A::finalize, S::in_progress, S::in_progress},

    // Staff edit an approved ticket until it is terminal; unassigning an In
    // Progress ticket gives it back to the queue (Open), the others stay.
    {A::edit_ticket, S::open, S::open},
    {A::edit_ticket, S::in_progress, S::in_progress},
    {A::edit_ticket, S::on_hold, S::on_hold},
    {A::edit_ticket, S::pending, S::pending},
    {A::edit_ticket, S::resolved, S::resolved},
    {A::unassign, S::open, S::open},
    {A::unassign, S::in_progress, S::open},
    {A::unassign, S::on_hold, S::on_hold},
    {A::unassign, S::pending, S::pending},
    {A::unassign, S::resolved, S::resolved},

    {A::view, S::new_, S::new_},
    {A::view, S::open, S::open},
    {A::view, S::in_progress, S::in_progress},
    {A::view, S::on_hold, S::on_hold},
    {A::view, S::pending, S::pending},
    {A::view, S::resolved, S::resolved},
    {A::view, S::closed, S::closed},
    {A::view, S::rejected, S::rejected},
    {A::view, S::withdrawn, S::withdrawn},
};

bool same_edge(const transition& a, const transition& b) {
    return a.act == b.act && a.from == b.from && a.to == b.to;
}

std::string describe(const transition& t) {
    return std::string{to_string(t.act)} + ": " + std::string{to_string(t.from)} + " -> " +
           std::string{to_string(t.to)};
}

/// True when the lifecycle table lets `act` leave `from` (towards `to`, for update-status).
bool spec_allows(A act, S from, std::optional<S> to = std::nullopt) {
    return std::any_of(spec_edges.begin(), spec_edges.end(), [&](const transition& t) {
        return t.act == act && t.from == from && (!to || t.to == *to);
    });
}

/// A desk with an owner, a coordinator who acts, and a second coordinator to assign to.
struct scene : fixture {
    account owner = employee("owner@example.com");
    account coord = staff("coord@example.com");
    account helper = staff("helper@example.com", "System Admin");

    /// A fresh ticket of `owner`, driven into `target` through the services.
    ticket reach(S target) {
        auto& t = desk.tickets();
        auto tk = raise(owner);
        switch (target) {
        case S::new_: break;
        case S::rejected: tk = t.reject(coord.id, tk.id, "Duplicate of an earlier request").item; break;
        case S::withdrawn: tk = t.withdraw(owner.id, tk.id).item; break;
        default:
            tk = t.approve(coord.id, tk.id, approve_request{}).item;
            if (target == S::open) break;
            tk = t.claim(coord.id, tk.id).item;
            if (target == S::in_progress) break;
            if (target == S::on_hold || target == S::pending) {
                tk = t.update_status(coord.id, tk.id, to_string(target)).item;
                break;
            }
            tk = t.update_status(coord.id, tk.id, "Resolved").item;
            if (target == S::resolved) break;
            tk = t.close(owner.id, tk.id).item;
        }
        REQUIRE(tk.status == target);
        REQUIRE(desk.tickets().get(coord.id, tk.id).item.status == target);
        return tk;
    }

    /// As `reach`, with an assignee where the status allows one: an Open
    /// ticket keeps the assignee it had In Progress.
    ticket reach_assigned(S target) {
        if (target != S::open) {
            return reach(target);
        }
        const auto tk = reach(S::in_progress);
        return desk.tickets().update_status(coord.id, tk.id, "Open").item;
    }

    /// Performs `act` on ticket `id` as `by`; returns the ticket as stored afterwards.
    ticket perform(A act, ticket_id id, const account& by, std::optional<S> target = std::nullopt) {
        auto& t = desk.tickets();
        switch (act) {
        case A::approve: {
            approve_request r;
            r.priority = "High";
            r.department = "Asset Department";
            r.approval_notes = "Looks legitimate";
            (void)t.approve(by.id, id, r);
            break;
        }
        case A::reject: (void)t.reject(by.id, id, "Out of scope"); break;
        case A::claim: (void)t.claim(by.id, id); break;
        case A::assign: (void)t.assign(by.id, id, helper.id); break;
        case A::update_status: (void)t.update_status(by.id, id, to_string(target.value()), "status note"); break;
        case A::withdraw: (void)t.withdraw(by.id, id, "No longer needed"); break;
        case A::close: (void)t.close(by.id, id, "Thanks"); break;
        case A::reopen: (void)t.reopen(by.id, id, "Still broken"); break;
        case A::comment_public: (void)t.add_comment(by.id, id, "A public note", false); break;
        case A::comment_internal: (void)t.add_comment(by.id, id, "An internal note", true); break;
        case A::add_attachment: (void)t.add_attachment(by.id, id, new_attachment{"data.csv", "a,b\n1,2\n"}); break;
        case A::finalize: (void)t.finalize(by.id, id); break;
        case A::edit_ticket: {
            edit_ticket_request r;
            r.priority = "Critical";
            (void)t.edit(by.id, id, r);
            break;
        }
        case A::unassign: {
            edit_ticket_request r;
            r.unassign = true;
            (void)t.edit(by.id, id, r);
            break;
        }
        case A::view: (void)t.get(by.id, id); break;
        default: FAIL("not a ticket action: " << to_string(act));
        }
        return t.get(coord.id, id).item;
    }

    /// What a refused call must not change.
    struct snapshot {
        std::int64_t version = 0;
        S status = S::new_;
        std::size_t history = 0;
        std::size_t comments = 0;
        std::int64_t pending_events = 0;
    };

    snapshot snap(ticket_id id) {
        const auto d = desk.tickets().get(coord.id, id);
        return {d.item.version, d.item.status, desk.tickets().history(coord.id, id).size(), d.comments.size(),
                desk.outbox().count(outbox_state::pending)};
    }
};

/// The history kind an edge that keeps the status writes.
std::optional<history_kind> kind_without_move(A act) {
    switch (act) {
    case A::assign: return history_kind::assigned;
    case A::finalize: return history_kind::finalized;
    case A::edit_ticket: return history_kind::priority_changed;
    case A::unassign: return history_kind::unassigned;
    case A::comment_public: return history_kind::comment_added;
    case A::comment_internal: return history_kind::internal_comment_added;
    case A::add_attachment: return history_kind::attachment_added;
    default: return std::nullopt;
    }
}

/// Who performs `act` for the edge test: owner actions by the owner, staff
/// actions by staff; where both may act, both are listed.
std::vector<const account*> performers(scene& s, const transition& edge) {
    switch (edge.act) {
    case A::withdraw:
    case A::close:
    case A::reopen: return {&s.owner};
    // The Pending → In Progress comment edge is the owner's answer; on other
    // states staff may comment publicly too.
    case A::comment_public:
        return edge.from == S::pending ? std::vector<const account*>{&s.owner}
                                       : std::vector<const account*>{&s.owner, &s.coord};
    case A::add_attachment:
    case A::view: return {&s.owner, &s.coord};
    default: return {&s.coord};
    }
}

} // namespace

TEST_CASE("lifecycle table: matches the hand-written table edge by edge, both ways") {
    const auto table = lifecycle_table();
    for (const auto& edge : table) {
        INFO("table edge " << describe(edge));
        CHECK(std::any_of(spec_edges.begin(), spec_edges.end(), [&](const auto& e) { return same_edge(e, edge); }));
    }
    for (const auto& edge : spec_edges) {
        INFO("table edge " << describe(edge));
        CHECK(std::any_of(table.begin(), table.end(), [&](const auto& e) { return same_edge(e, edge); }));
    }
    CHECK(table.size() == spec_edges.size());
    // No duplicates in the table.
    for (std::size_t i = 0; i < table.size(); ++i) {
        for (std::size_t j = i + 1; j < table.size(); ++j) {
            INFO("duplicate " << describe(table[i]));
            CHECK_FALSE(same_edge(table[i], table[j]));
        }
    }
}

TEST_CASE("lifecycle table: no edge leaves a terminal state except view, and create has no edges") {
    for (const auto& edge : lifecycle_table()) {
        INFO(describe(edge));
        CHECK(is_ticket_action(edge.act));
        CHECK(edge.act != A::create);
        if (is_terminal(edge.from)) {
            CHECK(edge.act == A::view);
        }
    }
}

TEST_CASE("lifecycle table: action_allowed_from and lifecycle_target agree with the hand-written table") {
    for (const auto act : all_actions) {
        if (!is_ticket_action(act)) {
            continue;
        }
        for (const auto from : all_ticket_statuses) {
            INFO(to_string(act) << " from " << to_string(from));
            CHECK(action_allowed_from(act, from) == spec_allows(act, from));
            if (act == A::update_status) {
                CHECK_FALSE(lifecycle_target(act, from).has_value()); // a target must be requested
                for (const auto to : all_ticket_statuses) {
                    INFO("to " << to_string(to));
                    const auto got = lifecycle_target(act, from, to);
                    CHECK(got.has_value() == spec_allows(act, from, to));
                    if (got) {
                        CHECK(*got == to);
                    }
                }
            } else {
                const auto got = lifecycle_target(act, from);
                CHECK(got.has_value() == spec_allows(act, from));
                if (got) {
                    CHECK(spec_allows(act, from, *got));
                    // Other actions ignore a requested target.
                    CHECK(lifecycle_target(act, from, S::withdrawn) == got);
                }
            }
        }
    }
}

TEST_CASE("lifecycle: the scene reaches each of the 9 states through the services") {
    scene s;
    for (const auto st : all_ticket_statuses) {
        INFO(to_string(st));
        const auto t = s.reach(st);
        CHECK(t.status == st);
        CHECK(s.desk.tickets().get(s.owner.id, t.id).item.status == st);
    }
}

TEST_CASE("lifecycle: every table edge is reachable for the right actor through the services") {
    scene s;
    int performed = 0;
    for (const auto& edge : lifecycle_table()) {
        for (const auto* by : performers(s, edge)) {
            INFO("edge " << describe(edge) << " by " << by->email);
            const auto start = edge.act == A::unassign ? s.reach_assigned(edge.from) : s.reach(edge.from);
            const auto before = s.snap(start.id);
            const auto after = s.perform(edge.act, start.id, *by, edge.to);
            ++performed;
            CHECK(after.status == edge.to);
            if (edge.act == A::view) {
                CHECK(after.version == before.version);
                CHECK(s.snap(start.id).history == before.history);
                continue;
            }
            CHECK(after.version == before.version + 1);
            const auto history = s.desk.tickets().history(s.coord.id, start.id);
            REQUIRE(history.size() > before.history);
            std::vector<history_event> added(history.begin() + static_cast<std::ptrdiff_t>(before.history),
                                             history.end());
            for (const auto& e : added) {
                CHECK(e.actor == std::optional<account_id>{by->id});
            }
            if (edge.from != edge.to) {
                const auto moved = std::find_if(added.begin(), added.end(), [](const history_event& e) {
                    return e.kind == helpdesk::history_kind::status_changed;
                });
                REQUIRE(moved != added.end());
                CHECK(moved->old_value == std::optional<std::string>{std::string{to_string(edge.from)}});
                CHECK(moved->new_value == std::optional<std::string>{std::string{to_string(edge.to)}});
            } else {
                const auto wanted = kind_without_move(edge.act);
                CHECK(std::any_of(added.begin(), added.end(),
                                  [&](const history_event& e) { return e.kind == wanted; }));
                CHECK(std::none_of(added.begin(), added.end(),
                                   [](const history_event& e) { return e.kind == helpdesk::history_kind::status_changed; }));
            }
        }
    }
    // Every edge of the table has at least one performer; the shared ones have two.
    CHECK(performed > static_cast<int>(lifecycle_table().size()));
}

TEST_CASE("lifecycle: a staff public comment on Pending keeps it Pending (only the owner's answer moves it)") {
    scene s;
    const auto t = s.reach(S::pending);
    const auto after = s.perform(A::comment_public, t.id, s.coord);
    CHECK(after.status == S::pending);
    CHECK(after.version == t.version + 1);
}

TEST_CASE("lifecycle: finalize is idempotent (second call changes and records nothing)") {
    scene s;
    for (const auto st : {S::open, S::in_progress}) {
        INFO(to_string(st));
        const auto t = s.reach(st);
        const auto first = s.perform(A::finalize, t.id, s.coord);
        CHECK(first.finalized);
        const auto before = s.snap(t.id);
        const auto second = s.perform(A::finalize, t.id, s.coord);
        const auto after = s.snap(t.id);
        CHECK(second.version == first.version);
        CHECK(after.history == before.history);
        CHECK(after.pending_events == before.pending_events);
    }
}

TEST_CASE("lifecycle: every other (state, action) pair is refused with invalid_state naming the state, "
          "and changes nothing") {
    scene s;
    // One ticket per state: a refusal must leave it exactly as it was, so it can be reused.
    std::map<S, ticket> tickets;
    for (const auto st : all_ticket_statuses) {
        tickets.emplace(st, s.reach(st));
    }

    int refusals = 0;
    const auto refuse = [&](A act, S st, const account& by, std::optional<S> target) {
        const auto& t = tickets.at(st);
        INFO(to_string(act) << " on " << to_string(st) << (target ? " to " + std::string{to_string(*target)} : "")
                            << " by " << by.email);
        const auto before = s.snap(t.id);
        const auto e = expect_error(errc::invalid_state, [&] { (void)s.perform(act, t.id, by, target); });
        CHECK(std::string{e.what()}.find(std::string{to_string(st)}) != std::string::npos);
        const auto after = s.snap(t.id);
        CHECK(after.version == before.version);
        CHECK(after.status == before.status);
        CHECK(after.status == st);
        CHECK(after.history == before.history);
        CHECK(after.comments == before.comments);
        CHECK(after.pending_events == before.pending_events);
        ++refusals;
    };

    const A staff_actions[] = {A::approve, A::reject, A::claim, A::assign, A::finalize, A::edit_ticket, A::unassign};
    const A owner_actions[] = {A::withdraw, A::close, A::reopen};
    for (const auto st : all_ticket_statuses) {
        for (const auto act : staff_actions) {
            if (!spec_allows(act, st)) refuse(act, st, s.coord, std::nullopt);
        }
        for (const auto act : owner_actions) {
            if (!spec_allows(act, st)) refuse(act, st, s.owner, std::nullopt);
        }
        if (!spec_allows(A::comment_public, st)) {
            refuse(A::comment_public, st, s.owner, std::nullopt);
            refuse(A::comment_public, st, s.coord, std::nullopt);
        }
        for (const auto to : all_ticket_statuses) {
            if (!spec_allows(A::update_status, st, to)) refuse(A::update_status, st, s.coord, to);
        }
    }
    // 11 actions × 9 states − 32 allowed (state, action) pairs, + 3 staff comments
    // on terminal states, + 81 update-status pairs − 16 edges.
    CHECK(refusals == (99 - 32) + 3 + (81 - 16));
}
