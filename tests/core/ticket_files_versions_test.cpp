// Ticket service: attachments, Idempotency-Key retries and expected versions.

#include "ticket_test_support.hpp"

TEST_SUITE("ticket_service") {

// ------------------------------------------------------------ attachments

TEST_CASE("attachments: type sniffed from the bytes, stored under a generated key, downloadable by owner and staff") {
    desk_fixture f;
    const auto owner = f.employee("erin@example.com");
    const auto other = f.employee("olga@example.com");
    const auto coordinator = f.staff("coord@example.com");

    auto r = fixture::ticket_request();
    r.attachments = {file("x.pdf", png_bytes), file("report.pdf", pdf_bytes), file("../../etc/passwd.png", png_bytes)};
    const auto details = f.tickets().create(owner.id, r);
    REQUIRE(details.attachments.size() == 3);

    const auto& png = details.attachments[0];
    CHECK(png.file_name == "x.pdf");
    CHECK(png.content_type == "image/png");
    CHECK(png.size == static_cast<std::int64_t>(png_bytes.size()));
    CHECK(png.uploaded_by == owner.id);
    CHECK(png.upload_date == f.time->now());
    CHECK(png.ticket == details.item.id);

    const auto& pdf = details.attachments[1];
    CHECK(pdf.content_type == "application/pdf");
    CHECK(pdf.file_name == "report.pdf");

    std::set<std::string> keys;
    for (const auto& a : details.attachments) {
        CAPTURE(a.blob_key);
        CHECK_FALSE(a.blob_key.empty());
        CHECK(a.blob_key.find(a.file_name) == std::string::npos);
        CHECK(a.blob_key.find("report") == std::string::npos);
        CHECK(a.blob_key.find('/') == std::string::npos);
        CHECK(a.blob_key.find("..") == std::string::npos);
        keys.insert(a.blob_key);
    }
    CHECK(keys.size() == 3);
    CHECK(f.blobs->get(png.blob_key) == std::optional<std::string>{png_bytes});
    CHECK(f.blobs->get(pdf.blob_key) == std::optional<std::string>{pdf_bytes});

    const auto [owner_meta, owner_bytes] = f.tickets().download(owner.id, pdf.id);
    CHECK(owner_meta.id == pdf.id);
    CHECK(owner_meta.content_type == "application/pdf");
    CHECK(owner_bytes == pdf_bytes);
    CHECK(f.tickets().download(coordinator.id, png.id).bytes == png_bytes);
    CHECK(f.tickets().download(f.admin.id, png.id).bytes == png_bytes);
    (void)expect_error(errc::not_found, [&] { (void)f.tickets().download(other.id, png.id); });
    (void)expect_error(errc::not_found, [&] { (void)f.tickets().download(owner.id, 999999); });

    // A later upload is sniffed the same way and recorded in the history.
    const auto csv = f.tickets().add_attachment(owner.id, details.item.id, file("data.csv", "a,b\n1,2\n"));
    CHECK(csv.content_type == "text/csv");
    CHECK(f.tickets().get(owner.id, details.item.id).attachments.size() == 4);
    const auto history = f.tickets().history(owner.id, details.item.id);
    CHECK(std::count_if(history.begin(), history.end(),
                        [](const history_event& e) { return e.kind == helpdesk::history_kind::attachment_added; }) == 4);
    (void)expect_error(errc::not_found,
                       [&] { (void)f.tickets().add_attachment(other.id, details.item.id, file("a.png", png_bytes)); });
    CHECK(expect_error(errc::unsupported_media_type, [&] {
              (void)f.tickets().add_attachment(owner.id, details.item.id, file("a.pdf", "plain text"));
          }).fields().count("attachments") == 1);
}

// ------------------------------------------------------------ idempotency

TEST_CASE("idempotency: a retry with the same key and request returns the first ticket and writes nothing") {
    desk_fixture f;
    const auto owner = f.employee("erin@example.com");
    auto r = fixture::ticket_request();
    r.attachments = {file("shot.png", png_bytes)};

    const auto first = f.tickets().create(owner.id, r, "retry-key-1");
    const auto before = counts_of(f);
    const auto history_before = f.tickets().history(owner.id, first.item.id).size();
    f.time->advance(5s);

    const auto retry = f.tickets().create(owner.id, r, "retry-key-1");
    CHECK(retry.item.id == first.item.id);
    CHECK(retry.item.ticket_number == first.item.ticket_number);
    CHECK(retry.item.version == first.item.version);
    CHECK(retry.attachments.size() == 1);
    check_unchanged(f, before);
    CHECK(f.tickets().history(owner.id, first.item.id).size() == history_before);

    // Without a key, the same request is a new ticket.
    CHECK(f.tickets().create(owner.id, r).item.id != first.item.id);
}

TEST_CASE("idempotency: the same key with a different request is a conflict - another owner may reuse a key") {
    desk_fixture f;
    const auto owner = f.employee("erin@example.com");
    const auto other = f.employee("olga@example.com");
    const auto first = f.tickets().create(owner.id, fixture::ticket_request(), "shared-key");

    const auto before = counts_of(f);
    auto changed = fixture::ticket_request("Another problem entirely");
    (void)expect_error(errc::conflict, [&] { (void)f.tickets().create(owner.id, changed, "shared-key"); });
    auto with_file = fixture::ticket_request();
    with_file.attachments = {file("shot.png", png_bytes)};
    (void)expect_error(errc::conflict, [&] { (void)f.tickets().create(owner.id, with_file, "shared-key"); });
    check_unchanged(f, before);

    const auto theirs = f.tickets().create(other.id, fixture::ticket_request(), "shared-key");
    CHECK(theirs.item.id != first.item.id);
    CHECK(theirs.item.employee == other.id);
    CHECK(ticket_count(f) == before.tickets + 1);
}

// ------------------------------------------------------------ versions

TEST_CASE("a stale expected_version is precondition_failed and writes nothing - the right one bumps the version by 1") {
    desk_fixture f;
    const auto owner = f.employee("erin@example.com");
    const auto coordinator = f.staff("coord@example.com");
    const auto t = f.raise(owner);
    REQUIRE(t.version == 1);

    for (const std::int64_t stale : {0, 2, 7}) {
        const auto before = snapshot(f, t.id);
        (void)expect_error(errc::precondition_failed, [&] { (void)f.tickets().approve(coordinator.id, t.id, {}, stale); });
        check_untouched(f, before);
    }
    const auto opened = f.tickets().approve(coordinator.id, t.id, approval("High", "IT Department"), 1).item;
    CHECK(opened.version == 2);
    CHECK(opened.status == ticket_status::open);
    CHECK(f.fresh(t.id).version == 2);

    {
        const auto before = snapshot(f, t.id);
        (void)expect_error(errc::precondition_failed, [&] { (void)f.tickets().claim(coordinator.id, t.id, 1); });
        check_untouched(f, before);
    }
    const auto claimed = f.tickets().claim(coordinator.id, t.id, 2).item;
    CHECK(claimed.version == 3);
    CHECK(claimed.status == ticket_status::in_progress);
    CHECK(claimed.assigned_to == coordinator.id);

    {
        const auto before = snapshot(f, t.id);
        (void)expect_error(errc::precondition_failed, [&] {
            (void)f.tickets().update_status(coordinator.id, t.id, "On Hold", "waiting for parts", 2);
        });
        check_untouched(f, before);
    }
    const auto held = f.tickets().update_status(coordinator.id, t.id, "On Hold", "waiting for parts", 3).item;
    CHECK(held.version == 4);
    CHECK(held.status == ticket_status::on_hold);
    CHECK(f.fresh(t.id).version == 4);
}

} // TEST_SUITE
