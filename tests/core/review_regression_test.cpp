// Regressions for defects found in review: each test names what went wrong.

#include "test_support.hpp"

#include <helpdesk/ports/queries.hpp>

#include <limits>
#include <string>

using namespace helpdesk;
using namespace helpdesk::testing;

namespace {
const std::string png{"\x89PNG\r\n\x1a\n rest of a picture", 26};
} // namespace

TEST_CASE("review: control characters and bidi overrides are refused in subjects and file names") {
    fixture f;
    const auto erin = f.employee("erin@example.com");

    auto escape = fixture::ticket_request("Printer \x1b[31m on fire");
    auto e = expect_error(errc::invalid_argument, [&] { (void)f.desk.tickets().create(erin.id, escape); });
    CHECK(e.fields().count("subject") == 1);

    auto spoof = fixture::ticket_request("Screen flickers");
    spoof.attachments.push_back({"invoice\xE2\x80\xAEgnp.exe", png}); // U+202E RIGHT-TO-LEFT OVERRIDE
    e = expect_error(errc::invalid_argument, [&] { (void)f.desk.tickets().create(erin.id, spoof); });
    CHECK(e.fields().count("attachments") == 1);

    auto split = fixture::ticket_request("Screen flickers");
    split.attachments.push_back({"a.png\r\nX-Evil: 1", png});
    (void)expect_error(errc::invalid_argument, [&] { (void)f.desk.tickets().create(erin.id, split); });

    auto broken = fixture::ticket_request("Screen flickers");
    broken.attachments.push_back({"a\xff\xfe.png", png});
    (void)expect_error(errc::invalid_argument, [&] { (void)f.desk.tickets().create(erin.id, broken); });

    // Line breaks stay allowed where text spans lines.
    auto multi = fixture::ticket_request("Screen flickers");
    multi.description = "First line.\nSecond line.\tTabbed.";
    CHECK(f.desk.tickets().create(erin.id, multi).item.description == multi.description);
    CHECK(f.desk.tickets().stats(f.admin.id).total == 1);
}

TEST_CASE("review: emails must be ASCII, so both stores agree on case-insensitive uniqueness") {
    fixture f;
    auto e = expect_error(errc::invalid_argument,
                          [&] { (void)f.desk.accounts().sign_up(fixture::person("j\xC3\xB6rg@example.com")); });
    CHECK(e.fields().count("email") == 1);
}

TEST_CASE("review: a late failure report never turns a delivered event dead") {
    fixture f;
    (void)f.employee("erin@example.com"); // registered + approved events
    const auto events = f.desk.outbox().claim_due(1);
    REQUIRE(events.size() == 1);
    CHECK(f.desk.outbox().mark_delivered(events[0].id, events[0].lease));
    CHECK(f.desk.outbox().mark_failed(events[0].id, events[0].lease, "worker B timed out") ==
          outbox_state::delivered);
    const auto delivered = f.desk.outbox().count(outbox_state::delivered);
    CHECK(delivered == 1);
    CHECK(f.desk.outbox().count(outbox_state::dead) == 0);
}

TEST_CASE("review: a search of punctuation alone matches nothing instead of everything") {
    fixture f;
    const auto erin = f.employee("erin@example.com");
    (void)f.raise(erin, "Laptop will not boot");
    ticket_list_request r;
    r.filter.search = "!!! ???";
    const auto page = f.desk.tickets().list(f.admin.id, r);
    CHECK(page.results.empty());
    CHECK(page.count == 0);
    r.filter.search = "   "; // an empty search box filters nothing
    CHECK(f.desk.tickets().list(f.admin.id, r).results.size() == 1);
}

TEST_CASE("review: absurd page numbers and out-of-range priority cursors are refused") {
    fixture f;
    ticket_list_request r;
    r.page_number = std::numeric_limits<std::int64_t>::max() / 50;
    r.page_size = 100;
    auto e = expect_error(errc::invalid_argument, [&] { (void)f.desk.tickets().list(f.admin.id, r); });
    CHECK(e.fields().count("page") == 1);

    ticket_list_request c;
    c.ordering = "priority";
    c.cursor = "pa.70000.1";
    e = expect_error(errc::invalid_argument, [&] { (void)f.desk.tickets().list(f.admin.id, c); });
    CHECK(e.fields().count("cursor") == 1);
}

TEST_CASE("review: a junk reset token is refused before any password is hashed, and spends nothing") {
    fixture f;
    const auto erin = f.employee("erin@example.com");
    const auto token = f.desk.accounts().request_password_reset("erin@example.com");
    REQUIRE(token);
    (void)expect_error(errc::invalid_argument,
                       [&] { f.desk.accounts().reset_password("junk", "N3w!Password", "N3w!Password"); });
    f.desk.accounts().reset_password(*token, "N3w!Password", "N3w!Password");
    CHECK(f.desk.accounts().authenticate(login_kind::employee, "erin@example.com", "N3w!Password").id == erin.id);
}

TEST_CASE("review: an admin-created account without a password looks like a wrong password at login") {
    fixture f;
    (void)f.desk.accounts().admin_create(f.admin.id, hire("new@example.com", "Nia", "New"));
    auto e = expect_error(errc::unauthenticated,
                          [&] { (void)f.desk.accounts().authenticate(login_kind::employee, "new@example.com", "x"); });
    CHECK(std::string{e.what()} == "invalid email or password");
}
