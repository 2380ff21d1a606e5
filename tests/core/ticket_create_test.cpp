// Ticket service: raising a ticket and every refusal of a create request; refusals also
// check that nothing was written.

#include "ticket_test_support.hpp"

TEST_SUITE("ticket_service") {

// ---------------------------------------------------------------- create

TEST_CASE("create: a New ticket numbered TX0001 with defaults, a history row and an outbox event") {
    desk_fixture f;
    const auto owner = f.employee("erin@example.com");
    const auto before = counts_of(f);

    const auto details = f.tickets().create(owner.id, fixture::ticket_request());
    const auto& t = details.item;
    CHECK(t.id > 0);
    CHECK(t.ticket_number == "TX0001");
    CHECK(t.status == ticket_status::new_);
    CHECK(t.ticket_priority == priority::low);
    CHECK(t.department == "IT Department");
    CHECK(t.employee == owner.id);
    CHECK(t.subject == "Laptop will not boot");
    CHECK(t.category == "IT Category");
    CHECK(t.sub_category == "Technical Support & Troubleshooting");
    CHECK_FALSE(t.assigned_to.has_value());
    CHECK_FALSE(t.response_seconds.has_value());
    CHECK_FALSE(t.resolution_seconds.has_value());
    CHECK_FALSE(t.time_closed.has_value());
    CHECK_FALSE(t.rejection_reason.has_value());
    CHECK(t.version == 1);
    CHECK(t.submit_date == f.time->now());
    CHECK(t.update_date == f.time->now());
    CHECK(details.employee.id == owner.id);
    CHECK(details.employee.first_name == "Erin");
    CHECK_FALSE(details.assigned_to.has_value());
    CHECK(details.attachments.empty());
    CHECK(details.comments.empty());

    const auto history = f.tickets().history(owner.id, t.id);
    REQUIRE(history.size() == 1);
    CHECK(history[0].kind == helpdesk::history_kind::created);
    CHECK(history[0].actor == owner.id);
    CHECK(history[0].at == f.time->now());
    CHECK(history[0].new_value == std::optional<std::string>{"New"});

    const auto after = counts_of(f);
    CHECK(after.tickets == before.tickets + 1);
    CHECK(after.events == before.events + 1);
    const auto created = events_of_kind(f, event_kind::ticket_created);
    REQUIRE(created.size() == 1);
    CHECK(created[0].ticket == t.id);
    CHECK(created[0].payload.find("TX0001") != std::string::npos);

    CHECK(f.raise(owner).ticket_number == "TX0002");
    CHECK(f.tickets().get_by_number(owner.id, "TX0001").item.id == t.id);

    // Staff may raise tickets too (any approved role).
    const auto coordinator = f.staff("coord@example.com");
    CHECK(f.raise(coordinator).employee == coordinator.id);
}

TEST_CASE("create: only approved accounts may raise tickets") {
    desk_fixture f;
    const auto pending = f.desk.accounts().sign_up(fixture::person("pending@example.com"));
    const auto before = counts_of(f);
    (void)expect_error(errc::permission_denied,
                       [&] { (void)f.tickets().create(pending.id, fixture::ticket_request()); });
    check_unchanged(f, before);
}

TEST_CASE("create refuses a missing, blank, letterless or overlong subject and an overlong description") {
    desk_fixture f;
    const auto owner = f.employee("erin@example.com");
    for (const std::string& bad : std::vector<std::string>{"", "    ", "12345", "!!! 42 ???", std::string(256, 's')}) {
        CAPTURE(bad);
        auto r = fixture::ticket_request(bad);
        expect_bad_create(f, owner, r, "subject");
    }
    for (const std::string& bad : std::vector<std::string>{"", "  \n ", std::string(5001, 'd')}) {
        CAPTURE(bad.size());
        expect_bad_create(f, owner, "description", [&](auto& r) { r.description = bad; });
    }
    // The limits themselves are fine; the subject is trimmed.
    auto longest = fixture::ticket_request("  " + std::string(255, 's') + "  ");
    longest.description = std::string(5000, 'd');
    const auto t = f.tickets().create(owner.id, longest).item;
    CHECK(t.subject == std::string(255, 's'));
    CHECK(t.description.size() == 5000);
    // Nothing was left behind by the refusals: the first stored ticket has only its own history.
    CHECK(f.tickets().history(owner.id, t.id).size() == 1);
    CHECK(ticket_count(f) == 1);
    CHECK(f.tickets().comments(owner.id, t.id).empty());
}

TEST_CASE("create: a subject needs a real letter - non-ASCII symbols and digits are not letters") {
    desk_fixture f;
    const auto owner = f.employee("erin@example.com");
    CHECK(f.tickets().create(owner.id, fixture::ticket_request("Écran noir")).item.subject == "Écran noir");
    for (const std::string& bad : std::vector<std::string>{"\xE2\x82\xAC 100",                    // "€ 100"
                                                           "\xF0\x9F\x94\xA5\xF0\x9F\x94\xA5",  // two emoji
                                                           "\xD9\xA3\xD9\xA4 !!"}) {           // Arabic-Indic digits
        CAPTURE(bad);
        const auto before = counts_of(f);
        if (check_invalid([&] { (void)f.tickets().create(owner.id, fixture::ticket_request(bad)); },
                          "subject")) {
            check_unchanged(f, before);
        }
    }
}

TEST_CASE("create refuses unknown categories and sub-categories of another category") {
    desk_fixture f;
    const auto owner = f.employee("erin@example.com");
    for (const std::string bad : {"HR Category", ""}) {
        CAPTURE(bad);
        expect_bad_create(f, owner, "category", [&](auto& r) { r.category = bad; });
    }
    // Asset Check-out belongs to Asset Category.
    for (const std::string bad : {"Asset Check-out", "Coffee Machine", ""}) {
        CAPTURE(bad);
        expect_bad_create(f, owner, "sub_category", [&](auto& r) { r.sub_category = bad; });
    }

    const auto budget = ticket_request_where([](auto& r) {
        r.category = "Budget Category";
        r.sub_category = "Project Proposal";
    });
    CHECK(f.tickets().create(owner.id, budget).item.category == "Budget Category");
}

TEST_CASE("create refuses malformed and past scheduled dates - today and later are fine") {
    desk_fixture f; // the clock says 2026-03-02
    const auto owner = f.employee("erin@example.com");
    for (const std::string& bad : std::vector<std::string>{"tomorrow", "2026-13-01", "2026-02-30", "02/03/2026",
                                                           "2026-3-5", "2026-03-05T10:00:00Z"}) {
        CAPTURE(bad);
        expect_bad_create(f, owner, "scheduled_date", [&](auto& r) { r.scheduled_date = bad; });
    }
    for (const std::string past : {"2026-03-01", "2025-12-31"}) {
        CAPTURE(past);
        expect_bad_create(f, owner, "scheduled_date", [&](auto& r) { r.scheduled_date = past; });
    }
    for (const std::string fine : {"2026-03-02", "2026-04-15"}) { // today and later
        CAPTURE(fine);
        const auto r = ticket_request_where([&](auto& request) { request.scheduled_date = fine; });
        CHECK(f.tickets().create(owner.id, r).item.scheduled_date == parse_iso_date(fine));
    }
}

TEST_CASE("create refuses too many, too large, empty and disallowed attachments, storing no blob") {
    engine_options small = fixture::fast_options();
    small.max_attachment_bytes = 1024;
    desk_fixture f{small};
    const auto owner = f.employee("erin@example.com");

    auto eleven = fixture::ticket_request();
    for (int i = 0; i < 11; ++i) {
        eleven.attachments.push_back(file("shot" + std::to_string(i) + ".png", png_bytes));
    }
    expect_bad_create(f, owner, eleven, "attachments");

    std::string big = png_bytes;
    big.resize(1025, 'x');
    auto too_big = fixture::ticket_request();
    too_big.attachments = {file("ok.png", png_bytes), file("big.png", big)};
    expect_bad_create(f, owner, too_big, "attachments", errc::payload_too_large);

    const std::vector<new_attachment> disallowed = {
        file("setup.exe", std::string{"MZ\x90\x00\x03\x00\x00\x00", 8} + std::string(40, '\0')),
        file("notes.pdf", "just plain text pretending to be a PDF"),
        file("notes.txt", "plain text"),
        file("archive.docx", std::string{"PK\x03\x04", 4} + "not an office document"),
        file("anim.gif", std::string{"GIF89a", 6} + std::string(20, 'g')),
        file("script.csv", std::string{"a,b\n\x01\x02", 6}),
    };
    for (const auto& bad : disallowed) {
        CAPTURE(bad.file_name);
        auto r = fixture::ticket_request();
        r.attachments = {file("fine.pdf", pdf_bytes), bad};
        expect_bad_create(f, owner, r, "attachments", errc::unsupported_media_type);
    }
    // An empty file is bad input, not a media type; mixed faults are too.
    expect_bad_create(f, owner, "attachments", [](auto& r) {
        r.attachments = {file("fine.pdf", pdf_bytes), file("empty.pdf", "")};
    });
    expect_bad_create(f, owner, "attachments", [&](auto& r) {
        r.attachments = {file("big.png", big), file("notes.txt", "plain text")};
    });
    CHECK(f.blobs->puts == 0);

    // Exactly ten files of exactly the limit are accepted.
    std::string largest = png_bytes;
    largest.resize(1024, 'x');
    auto ten = fixture::ticket_request();
    for (int i = 0; i < 10; ++i) {
        ten.attachments.push_back(file("shot" + std::to_string(i) + ".png", largest));
    }
    const auto details = f.tickets().create(owner.id, ten);
    CHECK(details.attachments.size() == 10);
    CHECK(f.blobs->live() == 10);
    // The first stored ticket carries only its own rows.
    CHECK(f.tickets().history(owner.id, details.item.id).size() == 11); // created + 10 attachments
    // The per-ticket limit also holds for later uploads.
    const auto before = counts_of(f);
    CHECK(expect_error(errc::invalid_argument, [&] {
              (void)f.tickets().add_attachment(owner.id, details.item.id, file("eleventh.png", png_bytes));
          }).fields().count("attachments") == 1);
    CHECK(f.blobs->live() == before.live_blobs);
    CHECK(f.tickets().get(owner.id, details.item.id).attachments.size() == 10);
}

TEST_CASE("create refuses status, priority, department and assignee set by the client") {
    desk_fixture f;
    const auto owner = f.employee("erin@example.com");
    expect_bad_create(f, owner, "status", [](auto& r) { r.status = "Open"; });
    expect_bad_create(f, owner, "priority", [](auto& r) { r.priority = "Critical"; });
    expect_bad_create(f, owner, "department", [](auto& r) { r.department = "IT Department"; });
    expect_bad_create(f, owner, "assigned_to", [&](auto& r) { r.assigned_to = std::to_string(f.admin.id); });
}

} // TEST_SUITE
