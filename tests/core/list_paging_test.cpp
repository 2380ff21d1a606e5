// Every service list pages the same way: by number (with a count) and by
// cursor (no count), refusing bad cursors and sizes, under the policy.

#include "ticket_test_support.hpp"

using namespace ticket_tests;

namespace {

/// The ids of every row, walked by cursor in pages of `size`; checks each
/// page's neighbours as it goes.
template <class Fetch> std::vector<std::int64_t> cursor_walk(Fetch fetch, std::int64_t size) {
    std::vector<std::int64_t> ids;
    page_request r;
    r.page_size = size;
    r.cursor = "";
    for (int guard = 0; guard < 200; ++guard) {
        const auto p = fetch(r);
        CHECK_FALSE(p.count.has_value());
        CHECK(p.has_previous == !r.cursor->empty());
        CHECK(std::ssize(p.results) <= size);
        for (const auto& row : p.results) {
            ids.push_back(row.id);
        }
        if (!p.has_next) {
            CHECK_FALSE(p.next_cursor.has_value());
            return ids;
        }
        REQUIRE(p.next_cursor.has_value());
        r.cursor = *p.next_cursor;
    }
    FAIL("the cursor walk did not end");
    return ids;
}

/// The ids of every row, walked by page number in pages of `size`.
template <class Fetch> std::vector<std::int64_t> number_walk(Fetch fetch, std::int64_t size) {
    std::vector<std::int64_t> ids;
    page_request r;
    r.page_size = size;
    for (r.page_number = 1; r.page_number < 200; ++r.page_number) {
        const auto p = fetch(r);
        REQUIRE(p.count.has_value());
        CHECK(p.has_previous == (r.page_number > 1));
        CHECK_FALSE(p.next_cursor.has_value());
        for (const auto& row : p.results) {
            ids.push_back(row.id);
        }
        if (!p.has_next) {
            CHECK(*p.count == std::ssize(ids));
            return ids;
        }
    }
    FAIL("the numbered walk did not end");
    return ids;
}

/// Both walks agree, in pages of 1, 2 and 100, and return the rows' ids.
template <class Fetch> std::vector<std::int64_t> walks_agree(Fetch fetch) {
    const auto all = number_walk(fetch, 100);
    for (const std::int64_t size : {1, 2}) {
        CAPTURE(size);
        CHECK(cursor_walk(fetch, size) == all);
        CHECK(number_walk(fetch, size) == all);
    }
    return all;
}

/// Bad cursors (junk, another list's) and sizes are refused naming the field.
template <class Fetch> void refuses_bad_paging(Fetch fetch, const std::string& foreign_cursor) {
    for (const std::string& bad : {std::string{"junk"}, std::string{"e"}, foreign_cursor}) {
        CAPTURE(bad);
        page_request r;
        r.cursor = bad;
        CHECK(expect_error(errc::invalid_argument, [&] { (void)fetch(r); }).fields().count("cursor") == 1);
    }
    for (const std::int64_t size : {0, 101}) {
        page_request r;
        r.page_size = size;
        CHECK(expect_error(errc::invalid_argument, [&] { (void)fetch(r); }).fields().count("page_size") == 1);
    }
    page_request zero;
    zero.page_number = 0;
    CHECK(expect_error(errc::invalid_argument, [&] { (void)fetch(zero); }).fields().count("page") == 1);
}

bool ascending(const std::vector<std::int64_t>& ids) { return std::is_sorted(ids.begin(), ids.end()); }

bool descending(const std::vector<std::int64_t>& ids) {
    return std::is_sorted(ids.rbegin(), ids.rend());
}

} // namespace

TEST_SUITE("list paging") {

TEST_CASE("employees, the rejection audit and dead events page by number and by cursor") {
    desk_fixture f;
    const auto coordinator = f.staff("coord@example.com");
    const auto erin = f.employee("erin@example.com");
    for (int i = 0; i < 4; ++i) {
        (void)f.employee("e" + std::to_string(i) + "@example.com");
    }
    for (int i = 0; i < 5; ++i) {
        const auto waiting = f.desk.accounts().sign_up(fixture::person("r" + std::to_string(i) + "@example.com"));
        (void)f.desk.accounts().reject(f.admin.id, waiting.id, "not staff"); // all at one instant: ties
    }
    auto& accounts = f.desk.accounts();

    const auto employees = [&](const page_request& r) {
        account_list_request a;
        static_cast<page_request&>(a) = r;
        return accounts.list(coordinator.id, a);
    };
    const auto ids = walks_agree(employees);
    CHECK(ids.size() == 7);
    CHECK(ascending(ids));
    refuses_bad_paging(employees, "ra.1");
    refuses_bad_paging(employees, "sd.1.2"); // a ticket list's cursor
    account_list_request only_staff;
    only_staff.filter.account_role = role::ticket_coordinator;
    only_staff.cursor = "";
    CHECK(accounts.list(f.admin.id, only_staff).results.size() == 1);
    (void)expect_error(errc::permission_denied, [&] { (void)accounts.list(erin.id, {}); });

    const auto audit = [&](const page_request& r) { return accounts.rejections(f.admin.id, r); };
    const auto rejected = walks_agree(audit);
    CHECK(rejected.size() == 5);
    CHECK(descending(rejected)); // the same instant: newest id first
    refuses_bad_paging(audit, "ea.1");
    (void)expect_error(errc::permission_denied, [&] { (void)accounts.rejections(coordinator.id, {}); });
    CHECK(accounts.rejection_count(f.admin.id) == 5);

    const auto pending = [&](const page_request& r) {
        return f.desk.outbox().list(f.admin.id, outbox_state::pending, r);
    };
    const auto events = walks_agree(pending);
    CHECK(events.size() == static_cast<std::size_t>(f.desk.outbox().count(outbox_state::pending)));
    CHECK(descending(events));
    for (const auto& e : pending({}).results) {
        CHECK_FALSE(e.secret.has_value());
    }
    refuses_bad_paging(pending, "oa.1");
    (void)expect_error(errc::permission_denied, [&] { (void)f.desk.outbox().list(coordinator.id, outbox_state::dead); });
}

TEST_CASE("API keys page by id, the operator's list still has every key") {
    desk_fixture f;
    const auto coordinator = f.staff("coord@example.com");
    for (int i = 0; i < 105; ++i) {
        (void)f.desk.api_keys().create_for_operator("key " + std::to_string(i));
    }
    const auto keys = [&](const page_request& r) { return f.desk.api_keys().list(f.admin.id, r); };
    const auto ids = walks_agree(keys);
    CHECK(ids.size() == 105);
    CHECK(ascending(ids));
    std::vector<std::int64_t> operator_ids;
    for (const auto& k : f.desk.api_keys().list_for_operator()) {
        operator_ids.push_back(k.id);
    }
    CHECK(operator_ids == ids);
    refuses_bad_paging(keys, "ca.1");
    (void)expect_error(errc::permission_denied, [&] { (void)f.desk.api_keys().list(coordinator.id); });
}

TEST_CASE("the queues page by cursor as the ticket list does") {
    desk_fixture f;
    const auto coordinator = f.staff("coord@example.com");
    const auto erin = f.employee("erin@example.com");
    for (int i = 0; i < 5; ++i) {
        (void)f.raise(erin, "Ticket " + std::to_string(i));
        f.time->advance(1s);
    }
    const auto queue = [&](const page_request& r) { return f.tickets().new_queue(coordinator.id, r); };
    const auto ids = walks_agree(queue);
    CHECK(ids.size() == 5);
    CHECK(descending(ids)); // newest first
    refuses_bad_paging(queue, "sa.1.2");
    page_request open_first;
    open_first.cursor = "";
    CHECK(f.tickets().open_queue(coordinator.id, open_first).results.empty());
    CHECK(f.tickets().assigned_to_me(coordinator.id, open_first).results.empty());
    (void)expect_error(errc::permission_denied, [&] { (void)f.tickets().new_queue(erin.id, open_first); });
}

TEST_CASE("comment and history pages hide internal rows from the owner on every page and name the page's people") {
    desk_fixture f;
    const auto coordinator = f.staff("coord@example.com");
    const auto erin = f.employee("erin@example.com");
    const auto other = f.employee("other@example.com");
    const auto t = f.raise(erin);
    for (int i = 0; i < 7; ++i) {
        if (i % 2 == 0) {
            (void)f.tickets().add_comment(coordinator.id, t.id, "staff " + std::to_string(i), i % 4 == 0);
        } else {
            (void)f.tickets().add_comment(erin.id, t.id, "owner " + std::to_string(i));
        }
    }
    auto& tickets = f.tickets();
    const auto comments_for = [&](account_id who) {
        return [&tickets, &t, who](const page_request& r) { return tickets.comment_page(who, t.id, r); };
    };
    const auto for_owner = walks_agree(comments_for(erin.id));
    const auto for_staff = walks_agree(comments_for(coordinator.id));
    CHECK(for_owner.size() == tickets.comments(erin.id, t.id).size());
    CHECK(for_staff.size() == 7);
    CHECK(for_owner.size() == 5);
    CHECK(ascending(for_staff));
    page_request one;
    one.page_size = 1;
    one.cursor = "";
    for (;;) {
        const auto p = tickets.comment_page(erin.id, t.id, one);
        for (const auto& c : p.results) {
            CHECK_FALSE(c.is_internal);
        }
        REQUIRE(p.authors.size() == 1); // only the page's author
        CHECK(p.authors[0].id == p.results.at(0).author);
        if (!p.next_cursor) {
            break;
        }
        one.cursor = p.next_cursor;
    }

    const auto history_for = [&](account_id who) {
        return [&tickets, &t, who](const page_request& r) { return tickets.history_page(who, t.id, r); };
    };
    CHECK(walks_agree(history_for(erin.id)).size() == tickets.history(erin.id, t.id).size());
    CHECK(walks_agree(history_for(coordinator.id)).size() == tickets.history(coordinator.id, t.id).size());
    const auto first = tickets.history_page(erin.id, t.id, {.page_size = 1});
    CHECK(first.actors.size() <= 1);
    refuses_bad_paging(comments_for(erin.id), "ha.1");
    refuses_bad_paging(history_for(erin.id), "ca.1");

    (void)expect_error(errc::not_found, [&] { (void)tickets.comment_page(other.id, t.id); });
    (void)expect_error(errc::not_found, [&] { (void)tickets.history_page(other.id, t.id); });
}

} // TEST_SUITE
