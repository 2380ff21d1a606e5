// Ticket service: stats, list filters, orderings and offset pages.

#include "ticket_test_support.hpp"

TEST_SUITE("ticket_service") {

// ------------------------------------------------------------ stats

TEST_CASE("stats: counts and mean times over all tickets for staff, over their own for employees") {
    desk_fixture f;
    const auto e1 = f.employee("e1@example.com");
    const auto e2 = f.employee("e2@example.com");
    const auto coordinator = f.staff("coord@example.com");
    const auto t1 = f.raise(e1, "First");
    const auto t2 = f.raise(e1, "Second");
    const auto t3 = f.raise(e2, "Third");
    (void)t2;

    f.time->advance(100s);
    (void)f.tickets().approve(coordinator.id, t1.id, approval("High", "Asset Department")); // response 100
    f.time->advance(100s);
    (void)f.tickets().approve(coordinator.id, t3.id, approval("Critical", "IT Department")); // response 200
    f.time->advance(100s);
    (void)f.tickets().claim(coordinator.id, t1.id);
    f.time->advance(100s);
    (void)f.tickets().update_status(coordinator.id, t1.id, "Resolved"); // resolution 400

    const auto n = [](const std::map<std::string, std::int64_t>& m, const std::string& key) -> std::int64_t {
        const auto it = m.find(key);
        return it == m.end() ? 0 : it->second;
    };
    const auto sum = [](const std::map<std::string, std::int64_t>& m) {
        std::int64_t total = 0;
        for (const auto& [key, value] : m) {
            total += value;
        }
        return total;
    };

    const auto all = f.tickets().stats(coordinator.id);
    CHECK(all.total == 3);
    CHECK(n(all.by_status, "New") == 1);
    CHECK(n(all.by_status, "Open") == 1);
    CHECK(n(all.by_status, "Resolved") == 1);
    CHECK(sum(all.by_status) == 3);
    CHECK(n(all.by_priority, "Low") == 1);
    CHECK(n(all.by_priority, "High") == 1);
    CHECK(n(all.by_priority, "Critical") == 1);
    CHECK(sum(all.by_priority) == 3);
    CHECK(n(all.by_department, "IT Department") == 2);
    CHECK(n(all.by_department, "Asset Department") == 1);
    CHECK(sum(all.by_department) == 3);
    REQUIRE(all.mean_response_seconds.has_value());
    CHECK(*all.mean_response_seconds == doctest::Approx(150.0));
    REQUIRE(all.mean_resolution_seconds.has_value());
    CHECK(*all.mean_resolution_seconds == doctest::Approx(400.0));
    CHECK(f.tickets().stats(f.admin.id).total == 3);

    const auto own = f.tickets().stats(e1.id);
    CHECK(own.total == 2);
    CHECK(n(own.by_status, "New") == 1);
    CHECK(n(own.by_status, "Resolved") == 1);
    CHECK(n(own.by_status, "Open") == 0);
    CHECK(n(own.by_priority, "Low") == 1);
    CHECK(n(own.by_priority, "High") == 1);
    CHECK(n(own.by_priority, "Critical") == 0);
    CHECK(n(own.by_department, "IT Department") == 1);
    CHECK(n(own.by_department, "Asset Department") == 1);
    REQUIRE(own.mean_response_seconds.has_value());
    CHECK(*own.mean_response_seconds == doctest::Approx(100.0));
    REQUIRE(own.mean_resolution_seconds.has_value());
    CHECK(*own.mean_resolution_seconds == doctest::Approx(400.0));

    const auto theirs = f.tickets().stats(e2.id);
    CHECK(theirs.total == 1);
    CHECK(n(theirs.by_status, "Open") == 1);
    CHECK(n(theirs.by_priority, "Critical") == 1);
    REQUIRE(theirs.mean_response_seconds.has_value());
    CHECK(*theirs.mean_response_seconds == doctest::Approx(200.0));
    CHECK_FALSE(theirs.mean_resolution_seconds.has_value());

    const auto nobody = f.employee("e3@example.com");
    const auto empty = f.tickets().stats(nobody.id);
    CHECK(empty.total == 0);
    CHECK_FALSE(empty.mean_response_seconds.has_value());
}

// ------------------------------------------------------------ lists

TEST_CASE("list: every filter of spec section 4") {
    list_world w;
    const auto& [a, b, c, d, e] = std::tie(w.a, w.b, w.c, w.d, w.e);
    REQUIRE(a.status == ticket_status::in_progress);
    REQUIRE(b.status == ticket_status::open);
    REQUIRE(c.status == ticket_status::new_);
    REQUIRE(d.status == ticket_status::in_progress);
    REQUIRE(e.status == ticket_status::new_);

    CHECK(w.query({}) == expect_numbers({&a, &b, &c, &d, &e}));

    ticket_filter status;
    status.statuses = {ticket_status::new_};
    CHECK(w.query(status) == expect_numbers({&c, &e}));
    status.statuses = {ticket_status::new_, ticket_status::open};
    CHECK(w.query(status) == expect_numbers({&b, &c, &e}));
    status.statuses = {ticket_status::in_progress, ticket_status::in_progress};
    CHECK(w.query(status) == expect_numbers({&a, &d}));
    status.statuses = {ticket_status::closed};
    CHECK(w.query(status).empty());

    ticket_filter prio;
    prio.ticket_priority = priority::critical;
    CHECK(w.query(prio) == expect_numbers({&a}));
    prio.ticket_priority = priority::medium;
    CHECK(w.query(prio) == expect_numbers({&b}));
    prio.ticket_priority = priority::low;
    CHECK(w.query(prio) == expect_numbers({&c, &d, &e}));

    ticket_filter dept;
    dept.department = "Asset Department";
    CHECK(w.query(dept) == expect_numbers({&b}));
    dept.department = "IT Department";
    CHECK(w.query(dept) == expect_numbers({&a, &c, &e}));
    dept.department = "Budget Department";
    CHECK(w.query(dept) == expect_numbers({&d}));

    ticket_filter cat;
    cat.category = "IT Category";
    CHECK(w.query(cat) == expect_numbers({&a, &b, &e}));
    cat.sub_category = "Technical Support & Troubleshooting";
    CHECK(w.query(cat) == expect_numbers({&a, &e}));
    ticket_filter sub;
    sub.sub_category = "Asset Check-out";
    CHECK(w.query(sub) == expect_numbers({&c}));

    ticket_filter assignee;
    assignee.assigned_to = w.s1.id;
    CHECK(w.query(assignee) == expect_numbers({&a}));
    assignee.assigned_to = w.s2.id;
    CHECK(w.query(assignee) == expect_numbers({&d}));

    ticket_filter owner;
    owner.employee = w.e2.id;
    CHECK(w.query(owner) == expect_numbers({&c, &d}));
    owner.employee = w.e1.id;
    CHECK(w.query(owner) == expect_numbers({&a, &b, &e}));

    ticket_filter search;
    search.search = "printer";
    CHECK(w.query(search) == expect_numbers({&a}));
    search.search = "PRINTER";
    CHECK(w.query(search) == expect_numbers({&a}));
    search.search = c.ticket_number;
    CHECK(w.query(search) == expect_numbers({&c}));
    search.search = "onboarding"; // description only
    CHECK(w.query(search) == expect_numbers({&c}));
    search.search = "budget";
    CHECK(w.query(search) == expect_numbers({&d}));
    search.search = "tunnel resets";
    CHECK(w.query(search) == expect_numbers({&b}));
    search.search = "nothing-matches-this";
    CHECK(w.query(search).empty());

    ticket_filter after;
    after.submitted_after = c.submit_date; // inclusive
    CHECK(w.query(after) == expect_numbers({&c, &d, &e}));
    ticket_filter before;
    before.submitted_before = c.submit_date; // exclusive
    CHECK(w.query(before) == expect_numbers({&a, &b}));
    ticket_filter window;
    window.submitted_after = b.submit_date;
    window.submitted_before = d.submit_date;
    CHECK(w.query(window) == expect_numbers({&b, &c}));

    ticket_filter combined;
    combined.employee = w.e1.id;
    combined.statuses = {ticket_status::new_, ticket_status::in_progress};
    combined.category = "IT Category";
    CHECK(w.query(combined) == expect_numbers({&a, &e}));
}

TEST_CASE("list: each ordering in both directions") {
    list_world w;
    const auto tickets = w.all();
    const auto by = [&](auto key, bool descending) {
        auto copy = tickets;
        std::sort(copy.begin(), copy.end(), [&](const ticket& x, const ticket& y) {
            const auto kx = std::pair{key(x), x.id};
            const auto ky = std::pair{key(y), y.id};
            return descending ? ky < kx : kx < ky;
        });
        std::vector<std::string> out;
        for (const auto& t : copy) {
            out.push_back(t.ticket_number);
        }
        return out;
    };
    const auto submit = [](const ticket& t) { return t.submit_date; };
    const auto update = [](const ticket& t) { return t.update_date; };
    const auto urgency = [](const ticket& t) { return static_cast<int>(t.ticket_priority); };

    CHECK(w.ordered("submit_date") == std::vector<std::string>{"TX0001", "TX0002", "TX0003", "TX0004", "TX0005"});
    CHECK(w.ordered("-submit_date") == std::vector<std::string>{"TX0005", "TX0004", "TX0003", "TX0002", "TX0001"});
    CHECK(w.ordered("submit_date") == by(submit, false));
    CHECK(w.ordered("update_date") == by(update, false));
    CHECK(w.ordered("-update_date") == by(update, true));
    // Last changed first: d (assigned), then b, a; c and e were never touched after creation.
    CHECK(w.ordered("-update_date").front() == w.d.ticket_number);
    CHECK(w.ordered("priority") == by(urgency, false));
    CHECK(w.ordered("-priority") == by(urgency, true));
    CHECK(w.ordered("-priority").front() == w.a.ticket_number); // Critical first
    CHECK(w.ordered("priority").back() == w.a.ticket_number);
    // The default is newest first.
    ticket_list_request defaults;
    CHECK(numbers(w.f.tickets().list(w.f.admin.id, defaults)) == w.ordered("-submit_date"));
}

TEST_CASE("list: page and page_size with count, has_next and has_previous") {
    list_world w;
    const auto full = w.ordered("-submit_date");
    std::vector<std::string> walked;
    for (std::int64_t page = 1; page <= 3; ++page) {
        ticket_list_request r;
        r.page_number = page;
        r.page_size = 2;
        const auto l = w.f.tickets().list(w.f.admin.id, r);
        CHECK(l.count == 5);
        CHECK(l.results.size() == (page < 3 ? 2u : 1u));
        CHECK(l.has_next == (page < 3));
        CHECK(l.has_previous == (page > 1));
        for (const auto& n : numbers(l)) {
            walked.push_back(n);
        }
    }
    CHECK(walked == full);

    ticket_list_request beyond;
    beyond.page_number = 4;
    beyond.page_size = 2;
    const auto empty = w.f.tickets().list(w.f.admin.id, beyond);
    CHECK(empty.results.empty());
    CHECK(empty.count == 5);
    CHECK_FALSE(empty.has_next);

    ticket_list_request filtered;
    filtered.filter.statuses = {ticket_status::new_};
    filtered.page_size = 1;
    const auto first = w.f.tickets().list(w.f.admin.id, filtered);
    CHECK(first.count == 2);
    CHECK(first.results.size() == 1);
    CHECK(first.has_next);
    CHECK_FALSE(first.has_previous);
}

} // TEST_SUITE
