// Staff editing an approved ticket (docs/product.md#editing-a-ticket):
// several fields in one change, history per field, one version, the owner
// told of priority and department, unassigning, and every refusal changing
// nothing.

#include <helpdesk/rules/sla_clock.hpp>

#include "ticket_test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

using namespace ticket_tests;

namespace {

/// A ticket approved as Low / IT Department, with its owner and two staff.
struct edit_world {
    desk_fixture f;
    account owner = f.employee("erin@example.com");
    account coordinator = f.staff("coord@example.com");
    account admin2 = f.staff("sam@example.com", "System Admin");
    ticket t = approved();

    ticket approved() {
        auto raised = f.raise(owner);
        return f.tickets().approve(coordinator.id, raised.id, approval("Low", "IT Department")).item;
    }

    /// The history rows written after the first `before` rows.
    std::vector<history_event> added_since(std::size_t before) {
        const auto all = f.tickets().history(f.admin.id, t.id);
        return {all.begin() + static_cast<std::ptrdiff_t>(before), all.end()};
    }
};

edit_ticket_request fields(std::optional<std::string> priority_name, std::optional<std::string> department,
                           std::optional<std::string> category = std::nullopt,
                           std::optional<std::string> sub_category = std::nullopt) {
    edit_ticket_request r;
    r.priority = std::move(priority_name);
    r.department = std::move(department);
    r.category = std::move(category);
    r.sub_category = std::move(sub_category);
    return r;
}

edit_ticket_request unassigning() {
    edit_ticket_request r;
    r.unassign = true;
    return r;
}

bool has_row(const std::vector<history_event>& rows, history_kind kind, const std::string& from, const std::string& to) {
    return std::any_of(rows.begin(), rows.end(), [&](const history_event& e) {
        return e.kind == kind && e.old_value == from && e.new_value == to;
    });
}

} // namespace

TEST_CASE("ticket edit: four fields in one call are one version, one history row each, and one notice") {
    edit_world w;
    drain(w.f);
    const auto before = snapshot(w.f, w.t.id);
    const auto d = w.f.tickets().edit(w.coordinator.id, w.t.id,
                                      fields("High", "Asset Department", "Asset Category", "Asset Check-in"),
                                      w.t.version);
    CHECK(d.item.version == w.t.version + 1);
    CHECK(d.item.ticket_priority == priority::high);
    CHECK(d.item.department == "Asset Department");
    CHECK(d.item.category == "Asset Category");
    CHECK(d.item.sub_category == "Asset Check-in");
    CHECK(d.item.status == ticket_status::open);
    CHECK(w.f.fresh(w.t.id).version == d.item.version);

    const auto rows = w.added_since(before.history);
    CHECK(rows.size() == 4);
    CHECK(has_row(rows, history_kind::priority_changed, "Low", "High"));
    CHECK(has_row(rows, history_kind::department_changed, "IT Department", "Asset Department"));
    CHECK(has_row(rows, history_kind::category_changed, "IT Category", "Asset Category"));
    CHECK(has_row(rows, history_kind::sub_category_changed, "Technical Support & Troubleshooting", "Asset Check-in"));
    for (const auto& e : rows) {
        CHECK(e.actor == w.coordinator.id);
        CHECK_FALSE(e.is_internal); // the owner sees what changed on their ticket
    }
    CHECK(w.f.tickets().history(w.owner.id, w.t.id).size() == before.history + 4);

    const auto notices = events_of_kind(w.f, event_kind::ticket_updated);
    REQUIRE(notices.size() == 1);
    CHECK(notices[0].account == w.owner.id);
    CHECK(notices[0].ticket == w.t.id);
    for (const auto* part : {"\"priority\":\"High\"", "\"old_priority\":\"Low\"", "\"department\":\"Asset Department\"",
                             "\"old_department\":\"IT Department\""}) {
        CHECK(notices[0].payload.find(part) != std::string::npos);
    }
    CHECK(w.f.desk.outbox().count(outbox_state::pending) == 1);
}

TEST_CASE("ticket edit: only a category or sub-category change tells nobody; values are trimmed") {
    edit_world w;
    drain(w.f);
    const auto d = w.f.tickets().edit(w.admin2.id, w.t.id, fields(std::nullopt, std::nullopt, std::nullopt, "  System Maintenance "));
    CHECK(d.item.sub_category == "System Maintenance");
    CHECK(d.item.version == w.t.version + 1);
    CHECK(w.f.desk.outbox().count(outbox_state::pending) == 0);
}

TEST_CASE("ticket edit: an edit that changes nothing writes nothing and answers the ticket") {
    edit_world w;
    drain(w.f);
    const auto before = snapshot(w.f, w.t.id);
    for (const auto& r : {edit_ticket_request{}, fields("Low", " IT Department ", "IT Category"), unassigning()}) {
        const auto d = w.f.tickets().edit(w.coordinator.id, w.t.id, r, w.t.version);
        CHECK(d.item.version == w.t.version);
        CHECK(d.viewer.has_value());
        check_untouched(w.f, before);
    }
}

TEST_CASE("ticket edit: allowed in every approved, non-terminal status, which it keeps") {
    edit_world w;
    auto& desk = w.f.tickets();
    auto t = desk.claim(w.coordinator.id, w.t.id).item;
    for (const auto* status : {"On Hold", "Pending", "Resolved"}) {
        t = desk.update_status(w.coordinator.id, t.id, status).item;
        INFO(status);
        const auto level = t.ticket_priority == priority::high ? "Medium" : "High";
        const auto d = desk.edit(w.coordinator.id, t.id, fields(level, std::nullopt));
        CHECK(to_string(d.item.status) == std::string{status});
        CHECK(to_string(d.item.ticket_priority) == std::string{level});
        CHECK(d.item.version == t.version + 1);
        t = d.item;
    }
}

TEST_CASE("ticket edit: unassigning In Progress goes back to Open, announced to the owner") {
    edit_world w;
    const auto claimed = w.f.tickets().claim(w.coordinator.id, w.t.id).item;
    drain(w.f);
    const auto before = snapshot(w.f, w.t.id);
    auto r = unassigning();
    r.priority = "Critical";
    const auto d = w.f.tickets().edit(w.admin2.id, w.t.id, r, claimed.version);
    CHECK(d.item.version == claimed.version + 1);
    CHECK_FALSE(d.item.assigned_to);
    CHECK_FALSE(d.assigned_to);
    CHECK(d.item.status == ticket_status::open);
    const auto rows = w.added_since(before.history);
    CHECK(rows.size() == 3);
    CHECK(has_row(rows, history_kind::status_changed, "In Progress", "Open"));
    CHECK(has_row(rows, history_kind::priority_changed, "Low", "Critical"));
    CHECK(std::any_of(rows.begin(), rows.end(), [&](const history_event& e) {
        return e.kind == history_kind::unassigned && e.old_value == std::to_string(w.coordinator.id) && !e.new_value;
    }));
    CHECK(d.comments.size() == before.comments + 1);
    CHECK(d.comments.back().text == "Returned to the queue. Status changed from In Progress to Open.");
    CHECK(events_of_kind(w.f, event_kind::ticket_status_changed).size() == 1);
    CHECK(events_of_kind(w.f, event_kind::ticket_updated).size() == 1);
    // Back in the queue: anyone may claim it again.
    CHECK(w.f.tickets().claim(w.coordinator.id, w.t.id).item.status == ticket_status::in_progress);
}

TEST_CASE("ticket edit: unassigning On Hold, Pending or Resolved keeps the status") {
    edit_world w;
    auto& desk = w.f.tickets();
    for (const auto* status : {"On Hold", "Pending", "Resolved"}) {
        INFO(status);
        auto t = desk.claim(w.coordinator.id, w.approved().id).item;
        t = desk.update_status(w.coordinator.id, t.id, status).item;
        const auto d = desk.edit(w.coordinator.id, t.id, unassigning());
        CHECK(to_string(d.item.status) == std::string{status});
        CHECK_FALSE(d.item.assigned_to);
        CHECK(d.item.version == t.version + 1);
    }
}

TEST_CASE("ticket edit: a priority change re-measures the SLA due dates") {
    edit_world w;
    const auto before = w.f.fresh(w.t.id); // Low: resolution in 5 business days
    w.f.time->advance(1h);
    const auto d = w.f.tickets().edit(w.coordinator.id, w.t.id, fields("Critical", std::nullopt));
    CHECK(d.item.sla.resolution.due != before.sla.resolution.due);
    CHECK(d.item.sla.resolution.due == test_epoch() + 4h); // Critical: 4 h around the clock from submission
    CHECK(w.f.fresh(w.t.id).sla == d.item.sla);
}

TEST_CASE("ticket edit: refusals change nothing (employee, New, terminal, bad values, stale version)") {
    edit_world w;
    auto& desk = w.f.tickets();
    const auto refused = [&](ticket_id id, errc code, auto&& call) {
        const auto before = snapshot(w.f, id);
        const auto e = expect_error(code, call);
        check_untouched(w.f, before);
        const auto now = w.f.fresh(id);
        CHECK(now.category == before.item.category);
        CHECK(now.sub_category == before.item.sub_category);
        return e;
    };
    const auto high = fields("High", std::nullopt);

    SUBCASE("an employee, even the owner") {
        const auto e = refused(w.t.id, errc::permission_denied, [&] { (void)desk.edit(w.owner.id, w.t.id, high); });
        CHECK(std::string{e.what()}.find("only staff") != std::string::npos);
        const auto other = w.f.employee("other@example.com");
        (void)refused(w.t.id, errc::not_found, [&] { (void)desk.edit(other.id, w.t.id, high); });
    }
    SUBCASE("a New ticket gets its fields at approval") {
        const auto fresh = w.f.raise(w.owner);
        (void)refused(fresh.id, errc::invalid_state, [&] { (void)desk.edit(w.coordinator.id, fresh.id, high); });
    }
    SUBCASE("terminal tickets") {
        const auto rejected = desk.reject(w.coordinator.id, w.f.raise(w.owner).id, "Duplicate").item;
        const auto withdrawn = desk.withdraw(w.owner.id, w.approved().id).item;
        auto closed = desk.claim(w.coordinator.id, w.approved().id).item;
        closed = desk.update_status(w.coordinator.id, closed.id, "Resolved").item;
        closed = desk.close(w.owner.id, closed.id).item;
        for (const auto& t : {rejected, withdrawn, closed}) {
            INFO(to_string(t.status));
            const auto e = refused(t.id, errc::invalid_state, [&] { (void)desk.edit(w.coordinator.id, t.id, high); });
            CHECK(std::string{e.what()}.find(std::string{to_string(t.status)}) != std::string::npos);
            (void)refused(t.id, errc::invalid_state, [&] { (void)desk.edit(w.coordinator.id, t.id, unassigning()); });
        }
    }
    SUBCASE("bad values, all named at once, none applied") {
        const auto e = refused(w.t.id, errc::invalid_argument, [&] {
            (void)desk.edit(w.coordinator.id, w.t.id, fields("Urgent", "Sales", " ", "Asset Check-in"));
        });
        CHECK(e.fields().count("priority") == 1);
        CHECK(e.fields().count("department") == 1);
        CHECK(e.fields().count("category") == 1);
        (void)refused(w.t.id, errc::invalid_argument, [&] {
            (void)desk.edit(w.coordinator.id, w.t.id, fields("High", std::nullopt, "Gardening"));
        });
        // The kept sub-category must belong to a new category, and a new one to the kept category.
        const auto e2 = refused(w.t.id, errc::invalid_argument, [&] {
            (void)desk.edit(w.coordinator.id, w.t.id, fields("High", std::nullopt, "Budget Category"));
        });
        CHECK(e2.fields().count("sub_category") == 1);
        (void)refused(w.t.id, errc::invalid_argument, [&] {
            (void)desk.edit(w.coordinator.id, w.t.id, fields(std::nullopt, std::nullopt, std::nullopt, "Project Proposal"));
        });
    }
    SUBCASE("a stale version") {
        (void)refused(w.t.id, errc::precondition_failed,
                      [&] { (void)desk.edit(w.coordinator.id, w.t.id, high, w.t.version - 1); });
        (void)refused(w.t.id, errc::precondition_failed,
                      [&] { (void)desk.edit(w.coordinator.id, w.t.id, edit_ticket_request{}, w.t.version + 1); });
    }
}
