// Ticket lists: every filter, every ordering both ways, offset and keyset
// paging, counts.
#include "store_factories.hpp"
#include "store_fixtures.hpp"

#include <helpdesk/rules/sla_outlook.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <set>

using namespace contract;
using helpdesk::priority;
using helpdesk::sla_state;
using helpdesk::ticket;
using helpdesk::ticket_filter;
using helpdesk::ticket_order;
using helpdesk::ticket_order_field;
using helpdesk::ticket_page_request;
using helpdesk::ticket_status;

namespace {

/// An SLA measurement in one of the shapes the engine writes, picked by `i`:
/// not measured, running, paused (before or after running out), stopped in
/// time or late; due dates repeat, so due orderings have ties.
[[nodiscard]] helpdesk::sla_measure sample_sla(int i) {
    using std::chrono::minutes;
    const auto due = at(minutes{10 * (i % 5)});
    const auto risk = due - minutes{5};
    auto clock = [&](int shape) -> helpdesk::sla_clock {
        switch (shape % 5) {
        case 0: return {.due = due, .at_risk_at = risk, .stopped_at = std::nullopt, .paused = false};
        case 1: return {.due = std::nullopt, .at_risk_at = std::nullopt, .stopped_at = std::nullopt, .paused = true};
        case 2: return {.due = due, .at_risk_at = risk, .stopped_at = std::nullopt, .paused = true};
        case 3: return {.due = due, .at_risk_at = risk, .stopped_at = due - minutes{1}, .paused = false};
        default: return {.due = due, .at_risk_at = risk, .stopped_at = due + minutes{1}, .paused = false};
        }
    };
    if (i % 7 == 6) {
        return {};
    }
    return {.policy_version = 1, .first_response = clock(i / 2), .resolution = clock(i / 3 + 1)};
}

/// 60 tickets over 3 owners with varied fields; pairs share a submit date so
/// ordering ties are broken by id.
struct ticket_set {
    std::vector<helpdesk::account_id> owners;
    std::vector<helpdesk::account_id> staff;
    std::vector<ticket> tickets;

    explicit ticket_set(helpdesk::store& s) {
        for (int i = 1; i <= 3; ++i) {
            owners.push_back(add_account(s, make_account(i)).id);
        }
        for (int i = 4; i <= 5; ++i) {
            staff.push_back(add_account(s, make_account(i, helpdesk::role::ticket_coordinator)).id);
        }
        static const char* const departments[] = {"IT Department", "Asset Department", "Budget Department"};
        static const std::pair<const char*, const char*> categories[] = {
            {"IT Category", "System Maintenance"},
            {"IT Category", "Technical Support & Troubleshooting"},
            {"Asset Category", "Asset Check-out"},
        };
        in_write(s, [&](helpdesk::transaction& tx) {
            for (int i = 0; i < 60; ++i) {
                auto t = make_ticket(owners[static_cast<std::size_t>(i % 3)], tx.tickets().next_ticket_sequence(),
                                     at(std::chrono::minutes{i / 2}));
                t.update_date = at(std::chrono::minutes{(i * 37) % 60});
                t.status = helpdesk::all_ticket_statuses[i % 9];
                t.ticket_priority = static_cast<priority>((i / 3) % 4);
                t.department = departments[(i / 2) % 3];
                t.category = categories[(i / 5) % 3].first;
                t.sub_category = categories[(i / 5) % 3].second;
                if (i % 4 != 0) {
                    t.assigned_to = staff[static_cast<std::size_t>(i % 2)];
                }
                t.sla = sample_sla(i);
                tx.tickets().insert(t);
                tickets.push_back(t);
            }
        });
    }
};

[[nodiscard]] bool matches(const ticket& t, const ticket_filter& f) {
    if (!f.statuses.empty() && std::find(f.statuses.begin(), f.statuses.end(), t.status) == f.statuses.end()) {
        return false;
    }
    return (!f.ticket_priority || t.ticket_priority == *f.ticket_priority) &&
           (!f.department || t.department == *f.department) && (!f.category || t.category == *f.category) &&
           (!f.sub_category || t.sub_category == *f.sub_category) &&
           (!f.assigned_to || t.assigned_to == f.assigned_to) && (!f.employee || t.employee == *f.employee) &&
           (!f.submitted_after || t.submit_date >= *f.submitted_after) &&
           (!f.submitted_before || t.submit_date < *f.submitted_before) &&
           (!f.sla || (t.sla.policy_version > 0 && helpdesk::overall_state_at(t.sla, f.as_of) == *f.sla));
}

[[nodiscard]] std::int64_t sort_key(const ticket& t, ticket_order_field field) {
    switch (field) {
    case ticket_order_field::submit_date:
        return t.submit_date.time_since_epoch().count();
    case ticket_order_field::update_date:
        return t.update_date.time_since_epoch().count();
    case ticket_order_field::priority:
        return static_cast<std::int64_t>(t.ticket_priority);
    case ticket_order_field::first_response_due:
        return helpdesk::due_sort_key(t.sla.first_response.due);
    case ticket_order_field::resolution_due:
        return helpdesk::due_sort_key(t.sla.resolution.due);
    }
    return 0;
}

[[nodiscard]] std::vector<helpdesk::ticket_id> expected_ids(const std::vector<ticket>& all, const ticket_filter& f,
                                                            ticket_order order) {
    std::vector<const ticket*> rows;
    for (const auto& t : all) {
        if (matches(t, f)) {
            rows.push_back(&t);
        }
    }
    std::sort(rows.begin(), rows.end(), [&](const ticket* a, const ticket* b) {
        const auto ka = std::pair{sort_key(*a, order.field), a->id};
        const auto kb = std::pair{sort_key(*b, order.field), b->id};
        return order.descending ? kb < ka : ka < kb;
    });
    std::vector<helpdesk::ticket_id> ids;
    for (const auto* t : rows) {
        ids.push_back(t->id);
    }
    return ids;
}

/// Every page through keyset paging, `size` rows at a time.
[[nodiscard]] std::vector<helpdesk::ticket_id> keyset_walk(helpdesk::ticket_repository& repo, ticket_page_request request,
                                                           std::int64_t size,
                                                           const std::function<void()>& between_pages = {}) {
    std::vector<helpdesk::ticket_id> ids;
    request.offset = 0;
    request.limit = size;
    request.with_count = false;
    for (;;) {
        auto page = repo.list(request);
        for (const auto& t : page.rows) {
            ids.push_back(t.id);
        }
        if (static_cast<std::int64_t>(page.rows.size()) < size) {
            return ids;
        }
        request.after = helpdesk::keyset{sort_key(page.rows.back(), request.order.field), page.rows.back().id};
        if (between_pages) {
            between_pages();
        }
    }
}

const ticket_order all_orders[] = {
    {ticket_order_field::submit_date, true}, {ticket_order_field::submit_date, false},
    {ticket_order_field::update_date, true}, {ticket_order_field::update_date, false},
    {ticket_order_field::priority, true},    {ticket_order_field::priority, false},
    {ticket_order_field::first_response_due, true}, {ticket_order_field::first_response_due, false},
    {ticket_order_field::resolution_due, true}, {ticket_order_field::resolution_due, false},
};

} // namespace

TEST_CASE_TEMPLATE_DEFINE("ticket list: filters, orderings and counts", Factory, ticket_list_id) {
    Factory factory;
    auto store = factory.open();
    const ticket_set data{*store};

    std::vector<std::pair<const char*, ticket_filter>> filters = {
        {"none", {}},
        {"one status", {.statuses = {ticket_status::new_}}},
        {"several statuses", {.statuses = {ticket_status::open, ticket_status::in_progress, ticket_status::open}}},
        {"priority", {.ticket_priority = priority::high}},
        {"department", {.department = "Asset Department"}},
        {"category", {.category = "IT Category"}},
        {"sub_category", {.sub_category = "Asset Check-out"}},
        {"assigned_to", {.assigned_to = data.staff[1]}},
        {"assigned_to and status", {.statuses = {ticket_status::in_progress}, .assigned_to = data.staff[0]}},
        {"employee", {.employee = data.owners[1]}},
        {"employee and statuses", {.statuses = {ticket_status::new_, ticket_status::pending}, .employee = data.owners[0]}},
        {"submitted window", {.submitted_after = at(5min), .submitted_before = at(20min)}},
        {"submitted after", {.submitted_after = at(25min)}},
        {"everything", {.statuses = {ticket_status::new_, ticket_status::open, ticket_status::closed},
                        .department = "IT Department",
                        .category = "IT Category",
                        .employee = data.owners[0],
                        .submitted_before = at(28min)}},
        {"nothing matches", {.department = "No Such Department"}},
    };
    // Each SLA state, judged before, at, between and after the sample's
    // thresholds (at-risk instants are inclusive, due dates exclusive).
    for (const auto state : {sla_state::on_track, sla_state::at_risk, sla_state::breached, sla_state::met,
                             sla_state::paused}) {
        for (const auto when : {at(-1min), at(15min), at(20min), at(25min), at(38min), at(90min)}) {
            filters.push_back({"sla", {.sla = state, .as_of = when}});
        }
    }
    filters.push_back({"sla and status", {.statuses = {ticket_status::open, ticket_status::in_progress},
                                          .sla = sla_state::breached, .as_of = at(25min)}});

    in_read(*store, [&](helpdesk::transaction& tx) {
        for (const auto& [name, filter] : filters) {
            for (const auto& order : all_orders) {
                CAPTURE(name);
                CAPTURE(filter.sla ? helpdesk::to_string(*filter.sla) : "-");
                CAPTURE(filter.as_of.time_since_epoch().count());
                CAPTURE(static_cast<int>(order.field));
                CAPTURE(order.descending);
                const auto expected = expected_ids(data.tickets, filter, order);
                ticket_page_request request{.filter = filter, .order = order, .offset = 0, .limit = 100};
                auto result = tx.tickets().list(request);
                CHECK(ids_of(result.rows) == expected);
                REQUIRE(result.count);
                CHECK(*result.count == static_cast<std::int64_t>(expected.size()));

                // Offset paging.
                request.offset = 3;
                request.limit = 4;
                request.with_count = false;
                auto page = tx.tickets().list(request);
                CHECK_FALSE(page.count);
                const auto first = std::min<std::size_t>(3, expected.size());
                const auto last = std::min<std::size_t>(7, expected.size());
                CHECK(ids_of(page.rows) == std::vector<helpdesk::ticket_id>(expected.begin() + first,
                                                                            expected.begin() + last));

                // Keyset paging walks the same rows.
                CHECK(keyset_walk(tx.tickets(), request, 7) == expected);
                CHECK(keyset_walk(tx.tickets(), request, 1) == expected);
            }
        }
    });

    SUBCASE("the count survives status changes (aggregate shortcut)") {
        auto moved = data.tickets[0];
        REQUIRE(moved.status == ticket_status::new_);
        moved.status = ticket_status::open;
        moved.version += 1;
        in_write(*store, [&](helpdesk::transaction& tx) { CHECK(tx.tickets().update(moved, moved.version - 1)); });
        in_read(*store, [&](helpdesk::transaction& tx) {
            auto count = [&](ticket_filter f) { return *tx.tickets().list({.filter = f, .limit = 1}).count; };
            CHECK(count({.statuses = {ticket_status::new_}}) == 6);
            CHECK(count({.statuses = {ticket_status::open}}) == 8);
            CHECK(count({.statuses = {ticket_status::open}, .employee = moved.employee}) ==
                  count({.statuses = {ticket_status::open}, .employee = moved.employee,
                         .submitted_after = at(-1h)}));
            CHECK(count({}) == 60);
            CHECK(count({.employee = data.owners[2]}) == 20);
        });
    }

    SUBCASE("limit 0 and negative paging values give no rows") {
        in_read(*store, [&](helpdesk::transaction& tx) {
            auto none = tx.tickets().list({.limit = 0});
            CHECK(none.rows.empty());
            CHECK(none.count == 60);
            CHECK(tx.tickets().list({.offset = -5, .limit = 2}).rows.size() == 2);
        });
    }
}

TEST_CASE_TEMPLATE_DEFINE("ticket list: keyset pages stay stable while rows are inserted", Factory,
                          keyset_stable_id) {
    Factory factory;
    auto store = factory.open();
    const ticket_set data{*store};

    for (const auto& order : all_orders) {
        CAPTURE(static_cast<int>(order.field));
        CAPTURE(order.descending);
        const auto before = expected_ids(data.tickets, {}, order);
        int inserted = 0;
        std::vector<helpdesk::ticket_id> walked;
        {
            // Readers of a file database would not see the inserts inside one
            // transaction; open one per page, as a client would.
            ticket_page_request request{.order = order, .limit = 9, .with_count = false};
            for (;;) {
                auto page = in_read(*store, [&](helpdesk::transaction& tx) { return tx.tickets().list(request); });
                for (const auto& t : page.rows) {
                    walked.push_back(t.id);
                }
                if (page.rows.size() < 9) {
                    break;
                }
                request.after = helpdesk::keyset{sort_key(page.rows.back(), order.field), page.rows.back().id};
                // Newer and older rows land in the middle of the walk.
                (void)add_ticket(*store, data.owners[0], at(std::chrono::minutes{100 + inserted}));
                (void)add_ticket(*store, data.owners[1], at(std::chrono::minutes{-100 - inserted}));
                inserted += 2;
            }
        }
        const std::set<helpdesk::ticket_id> distinct(walked.begin(), walked.end());
        CHECK(distinct.size() == walked.size()); // nothing twice
        for (auto id : before) {
            CHECK(distinct.count(id) == 1);       // nothing skipped
        }
        // The original rows keep their relative order.
        std::vector<helpdesk::ticket_id> original_in_walk;
        const std::set<helpdesk::ticket_id> original(before.begin(), before.end());
        for (auto id : walked) {
            if (original.count(id) != 0) {
                original_in_walk.push_back(id);
            }
        }
        CHECK(original_in_walk == before);
    }
}

TEST_CASE_TEMPLATE_APPLY(ticket_list_id, all_store_factories);
TEST_CASE_TEMPLATE_APPLY(keyset_stable_id, all_store_factories);
