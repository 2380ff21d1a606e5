// Ticket service: refused list input, cursor pages, literal search text, and who lists what.

#include "ticket_test_support.hpp"

TEST_SUITE("ticket_service") {

TEST_CASE("list: invalid ordering, paging and cursors are refused") {
    list_world w;
    auto& tickets = w.f.tickets();
    for (const std::string& bad : std::vector<std::string>{"subject", "-", "--submit_date", "submit_date ",
                                                           "Priority", "-status", "submit_date,priority"}) {
        CAPTURE(bad);
        expect_bad_list(w.f, "ordering", [&](auto& r) { r.ordering = bad; });
    }
    for (const std::int64_t size : {0, -1, 101, 1000}) {
        CAPTURE(size);
        expect_bad_list(w.f, "page_size", [&](auto& r) { r.page_size = size; });
        ticket_list_request c;
        c.page_size = size;
        c.cursor = "";
        (void)expect_error(errc::invalid_argument, [&] { (void)tickets.list(w.f.admin.id, c); });
    }
    expect_bad_list(w.f, "page", [](auto& r) { r.page_number = 0; });
    ticket_list_request max;
    max.page_size = 100;
    CHECK(tickets.list(w.f.admin.id, max).results.size() == 5);

    for (const std::string& bad : std::vector<std::string>{"garbage", "sd.", "sd.x.1", "sd.1.", "sd.1.2.3", "..",
                                                           "xd.1.1"}) {
        CAPTURE(bad);
        expect_bad_list(w.f, "cursor", [&](auto& r) { r.cursor = bad; });
    }
    // A cursor belongs to the ordering that produced it.
    ticket_list_request first;
    first.cursor = "";
    first.page_size = 2;
    first.ordering = "-submit_date";
    const auto page = tickets.list(w.f.admin.id, first);
    REQUIRE(page.next_cursor.has_value());
    expect_bad_list(w.f, "cursor", [&](auto& r) {
        r.cursor = page.next_cursor;
        r.ordering = "priority";
    });
}

TEST_CASE("list: cursor pages visit every row exactly once, even while tickets are being added") {
    for (const char* ordering : {"-submit_date", "submit_date", "priority", "-priority", "update_date"}) {
        CAPTURE(ordering);
        list_world w;
        // Two more so that pages of 2 take several round trips.
        (void)w.make(w.e2, "Keyboard missing keys", "IT Category", "Technical Support & Troubleshooting", "No Q key.");
        (void)w.make(w.e1, "Scanner offline", "IT Category", "Technical Support & Troubleshooting", "Offline.");
        std::set<ticket_id> existing;
        {
            ticket_list_request all;
            all.page_size = 100;
            for (const auto& t : w.f.tickets().list(w.f.admin.id, all).results) {
                existing.insert(t.id);
            }
        }
        REQUIRE(existing.size() == 7);

        std::vector<ticket_id> seen;
        ticket_list_request r;
        r.ordering = ordering;
        r.page_size = 2;
        r.cursor = "";
        int pages = 0;
        bool first_page = true;
        for (;;) {
            const auto page = w.f.tickets().list(w.f.admin.id, r);
            ++pages;
            REQUIRE(pages < 20);
            CHECK(page.has_previous == !first_page);
            first_page = false;
            CHECK(page.results.size() <= 2);
            for (const auto& t : page.results) {
                seen.push_back(t.id);
            }
            // A writer adds a ticket between page fetches.
            (void)w.make(w.e1, "Inserted while paging " + std::to_string(pages), "IT Category", "System Maintenance",
                         "Added mid-walk.");
            if (!page.next_cursor) {
                CHECK_FALSE(page.has_next);
                break;
            }
            CHECK(page.has_next);
            r.cursor = page.next_cursor;
        }
        const std::set<ticket_id> distinct(seen.begin(), seen.end());
        CHECK_MESSAGE(distinct.size() == seen.size(), "a row was returned twice");
        for (const auto id : existing) {
            CHECK_MESSAGE(distinct.count(id) == 1, "pre-existing ticket " << id << " was skipped");
        }
    }
}

TEST_CASE("list: search text with query-language characters is taken literally, never an error") {
    list_world w;
    for (const std::string& text : std::vector<std::string>{"\"printer", "printer*", "NEAR(printer", "printer OR",
                                                            "-", ":", "subject:printer", "(", "*", "AND", "'",
                                                            "printer\" OR \"vpn", "^printer"}) {
        CAPTURE(text);
        ticket_list_request r;
        r.filter.search = text;
        try {
            const auto l = w.f.tickets().list(w.f.admin.id, r);
            CHECK(l.count == static_cast<std::int64_t>(l.results.size()));
        } catch (const std::exception& e) {
            FAIL_CHECK("search '" << text << "' threw: " << std::string{e.what()});
        }
    }
    ticket_list_request blank;
    blank.filter.search = "   ";
    CHECK(w.f.tickets().list(w.f.admin.id, blank).count == 5);
}

TEST_CASE("list: employees only ever see their own tickets") {
    list_world w;
    auto& tickets = w.f.tickets();
    ticket_list_request r;
    r.page_size = 100;
    const auto own = tickets.list(w.e2.id, r);
    CHECK(sorted(numbers(own)) == expect_numbers({&w.c, &w.d}));
    CHECK(own.count == 2);

    ticket_list_request theirs = r;
    theirs.filter.employee = w.e1.id;
    const auto none = tickets.list(w.e2.id, theirs);
    CHECK(none.results.empty());
    CHECK(none.count.value_or(0) == 0);

    ticket_list_request search = r;
    search.filter.search = "printer"; // e1's ticket
    CHECK(tickets.list(w.e2.id, search).results.empty());

    ticket_list_request assigned = r;
    assigned.filter.assigned_to = w.s1.id;
    CHECK(tickets.list(w.e2.id, assigned).results.empty());

    ticket_list_request cursor = r;
    cursor.cursor = "";
    cursor.page_size = 1;
    std::set<std::string> walked;
    for (int guard = 0; guard < 10; ++guard) {
        const auto page = tickets.list(w.e2.id, cursor);
        for (const auto& t : page.results) {
            CHECK(t.employee == w.e2.id);
            walked.insert(t.ticket_number);
        }
        if (!page.next_cursor) {
            break;
        }
        cursor.cursor = page.next_cursor;
    }
    CHECK(walked == std::set<std::string>{w.c.ticket_number, w.d.ticket_number});

    const auto s = tickets.stats(w.e2.id);
    CHECK(s.total == 2);
}

TEST_CASE("queues: new, open and assigned-to-me are staff-only") {
    list_world w;
    auto& tickets = w.f.tickets();
    (void)expect_error(errc::permission_denied, [&] { (void)tickets.new_queue(w.e1.id); });
    (void)expect_error(errc::permission_denied, [&] { (void)tickets.open_queue(w.e1.id); });
    (void)expect_error(errc::permission_denied, [&] { (void)tickets.assigned_to_me(w.e1.id); });

    CHECK(sorted(numbers(tickets.new_queue(w.s1.id))) == expect_numbers({&w.c, &w.e}));
    CHECK(tickets.new_queue(w.s1.id).count == 2);
    CHECK(sorted(numbers(tickets.open_queue(w.s1.id))) == expect_numbers({&w.b}));
    CHECK(sorted(numbers(tickets.assigned_to_me(w.s1.id))) == expect_numbers({&w.a}));
    CHECK(sorted(numbers(tickets.assigned_to_me(w.s2.id))) == expect_numbers({&w.d}));
    const auto paged = tickets.new_queue(w.s2.id, {.page_number = 1, .page_size = 1});
    CHECK(paged.results.size() == 1);
    CHECK(paged.has_next);
    (void)expect_error(errc::invalid_argument, [&] { (void)tickets.new_queue(w.s2.id, {.page_number = 1, .page_size = 101}); });
}

} // TEST_SUITE
