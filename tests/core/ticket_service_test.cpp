// Ticket service and outbox against spec §1.2, §2, §3, §4 (lists), §5 and §6
// (one transaction per call). Refusals also check that nothing was written.

#include "test_support.hpp"

#include <helpdesk/domain/ticket.hpp>

#include <algorithm>
#include <chrono>
#include <set>
#include <string>
#include <vector>

namespace {

using namespace helpdesk;
using namespace helpdesk::testing;
using namespace std::chrono_literals;

/// A blob store that records what is put in it and can be told to fail the
/// n-th put, to break an operation halfway.
class recording_blobs final : public blob_store {
public:
    explicit recording_blobs(std::shared_ptr<blob_store> inner) : inner_(std::move(inner)) {}

    void put(std::string_view key, std::string_view bytes) override {
        ++puts;
        if (fail_on_put && puts == *fail_on_put) {
            throw error(errc::storage_unavailable, "disk full");
        }
        inner_->put(key, bytes);
        keys.emplace_back(key);
    }
    [[nodiscard]] std::optional<std::string> get(std::string_view key) override { return inner_->get(key); }
    void remove(std::string_view key) noexcept override { inner_->remove(key); }

    /// How many of the keys ever written still hold bytes.
    [[nodiscard]] std::size_t live() const {
        return static_cast<std::size_t>(
            std::count_if(keys.begin(), keys.end(), [&](const std::string& k) { return inner_->get(k).has_value(); }));
    }

    int puts = 0;
    std::optional<int> fail_on_put;
    std::vector<std::string> keys;

private:
    std::shared_ptr<blob_store> inner_;
};

/// Like `fixture`, with engine options of the test's choosing and a
/// recording blob store.
struct desk_fixture {
    explicit desk_fixture(engine_options o = fixture::fast_options()) : options(std::move(o)) {}

    engine_options options;
    std::shared_ptr<store> db = sqlite::open("sqlite::memory:");
    std::shared_ptr<fixed_clock> time = std::make_shared<fixed_clock>(test_epoch());
    std::shared_ptr<recording_blobs> blobs = std::make_shared<recording_blobs>(memory_blob_store());
    engine desk{engine_parts{db, blobs, time, std::make_shared<counting_random>()}, options};
    account admin = desk.accounts().bootstrap_admin(fixture::person("admin@example.com", "Ada", "Admin"));

    account employee(const std::string& email) {
        auto a = desk.accounts().sign_up(fixture::person(email));
        return desk.accounts().approve(admin.id, a.id);
    }
    account staff(const std::string& email, const std::string& role_name = "Ticket Coordinator") {
        auto a = employee(email);
        return desk.accounts().change_role(admin.id, a.id, role_name);
    }
    ticket raise(const account& owner, std::string subject = "Laptop will not boot") {
        return desk.tickets().create(owner.id, fixture::ticket_request(std::move(subject))).item;
    }
    ticket_service& tickets() { return desk.tickets(); }
    ticket fresh(ticket_id id) { return desk.tickets().get(admin.id, id).item; }
};

struct ticket_counts {
    std::int64_t tickets = 0;
    std::int64_t events = 0;
    std::size_t live_blobs = 0;
    int puts = 0;

    bool operator==(const ticket_counts&) const = default;
};

std::int64_t ticket_count(desk_fixture& f) {
    ticket_list_request all;
    all.page_size = 100;
    return f.tickets().list(f.admin.id, all).count.value_or(-1);
}

ticket_counts counts_of(desk_fixture& f) {
    return {ticket_count(f), f.desk.outbox().count(outbox_state::pending), f.blobs->live(), f.blobs->puts};
}

void check_unchanged(desk_fixture& f, const ticket_counts& before) {
    const auto after = counts_of(f);
    CHECK_MESSAGE(after.tickets == before.tickets, "a ticket was written");
    CHECK_MESSAGE(after.events == before.events, "an outbox event was written");
    CHECK_MESSAGE(after.live_blobs == before.live_blobs, "a blob was left behind");
    CHECK_MESSAGE(after.puts == before.puts, "a blob was written");
}

/// The state of one ticket a refused mutation must not touch.
struct ticket_snapshot {
    ticket item;
    std::size_t history = 0;
    std::size_t comments = 0;
    std::int64_t events = 0;
};

ticket_snapshot snapshot(desk_fixture& f, ticket_id id) {
    return {f.fresh(id), f.tickets().history(f.admin.id, id).size(), f.tickets().comments(f.admin.id, id).size(),
            f.desk.outbox().count(outbox_state::pending)};
}

void check_untouched(desk_fixture& f, const ticket_snapshot& before) {
    const auto now = snapshot(f, before.item.id);
    CHECK(now.item.version == before.item.version);
    CHECK(now.item.status == before.item.status);
    CHECK(now.item.assigned_to == before.item.assigned_to);
    CHECK(now.item.ticket_priority == before.item.ticket_priority);
    CHECK(now.item.department == before.item.department);
    CHECK(now.item.update_date == before.item.update_date);
    CHECK(now.item.response_seconds == before.item.response_seconds);
    CHECK(now.history == before.history);
    CHECK(now.comments == before.comments);
    CHECK(now.events == before.events);
}

/// Create must be refused with `code` naming `field`, writing nothing.
void expect_bad_create(desk_fixture& f, const account& owner, const create_ticket_request& r, const std::string& field,
                       errc code = errc::invalid_argument) {
    const auto before = counts_of(f);
    const auto e = expect_error(code, [&] { (void)f.tickets().create(owner.id, r); });
    CHECK_MESSAGE(e.fields().count(field) == 1, "no field error for '" << field << "' (" << e.what() << ")");
    check_unchanged(f, before);
}

const std::string png_bytes = std::string{"\x89PNG\r\n\x1a\n", 8} + std::string(120, 'p');
const std::string pdf_bytes = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n";

new_attachment file(std::string name, std::string bytes) { return {std::move(name), std::move(bytes)}; }

std::vector<std::string> numbers(const ticket_list& l) {
    std::vector<std::string> out;
    for (const auto& t : l.results) {
        out.push_back(t.ticket_number);
    }
    return out;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
}

std::vector<outbox_event> events_of_kind(desk_fixture& f, std::string_view kind) {
    std::vector<outbox_event> out;
    for (auto& e : f.desk.outbox().pending(1000)) {
        if (e.kind == kind) {
            out.push_back(e);
        }
    }
    return out;
}

/// Delivers whatever the set-up left in the outbox, so a test starts from none pending.
void drain(desk_fixture& f) {
    recording_notifier sink;
    (void)f.desk.outbox().deliver_due(sink, 1000);
    REQUIRE(f.desk.outbox().count(outbox_state::pending) == 0);
}

approve_request approval(std::string priority_name, std::string department) {
    approve_request r;
    r.priority = std::move(priority_name);
    r.department = std::move(department);
    return r;
}

/// Five tickets of two employees in various states; every change a minute apart.
struct list_world {
    desk_fixture f;
    account e1, e2, s1, s2;
    ticket a, b, c, d, e;

    list_world() {
        e1 = f.employee("e1@example.com");
        e2 = f.employee("e2@example.com");
        s1 = f.staff("s1@example.com");
        s2 = f.staff("s2@example.com", "System Admin");
        a = make(e1, "Printer jams on floor two", "IT Category", "Technical Support & Troubleshooting",
                 "Paper is stuck in tray one.");
        b = make(e1, "VPN drops every hour", "IT Category", "Network & Security Administration",
                 "The tunnel resets itself.");
        c = make(e2, "Laptop request", "Asset Category", "Asset Check-out", "Needs a laptop for onboarding.");
        d = make(e2, "Conference travel", "Budget Category", "Project Proposal", "Travel budget for the summit.");
        e = make(e1, "Monitor flickers", "IT Category", "Technical Support & Troubleshooting",
                 "Flickering after the update.");
        tick();
        (void)f.tickets().approve(s1.id, a.id, approval("Critical", "IT Department"));
        tick();
        (void)f.tickets().claim(s1.id, a.id);
        tick();
        (void)f.tickets().approve(s1.id, b.id, approval("Medium", "Asset Department"));
        tick();
        (void)f.tickets().approve(s2.id, d.id, approval("Low", "Budget Department"));
        tick();
        (void)f.tickets().assign(s2.id, d.id, s2.id);
        for (auto* t : {&a, &b, &c, &d, &e}) {
            *t = f.fresh(t->id);
        }
    }

    void tick() { f.time->advance(1min); }

    ticket make(const account& owner, std::string subject, std::string cat, std::string sub, std::string text) {
        tick();
        create_ticket_request r;
        r.subject = std::move(subject);
        r.category = std::move(cat);
        r.sub_category = std::move(sub);
        r.description = std::move(text);
        return f.tickets().create(owner.id, r).item;
    }

    std::vector<std::string> query(const ticket_filter& filter, account_id as = 0) {
        ticket_list_request r;
        r.filter = filter;
        r.page_size = 100;
        const auto l = f.tickets().list(as == 0 ? f.admin.id : as, r);
        CHECK(l.count == static_cast<std::int64_t>(l.results.size()));
        return sorted(numbers(l));
    }

    std::vector<std::string> ordered(const std::string& ordering) {
        ticket_list_request r;
        r.ordering = ordering;
        r.page_size = 100;
        return numbers(f.tickets().list(f.admin.id, r));
    }

    std::vector<ticket> all() { return {a, b, c, d, e}; }
};

std::vector<std::string> expect_numbers(std::initializer_list<const ticket*> tickets) {
    std::vector<std::string> out;
    for (const auto* t : tickets) {
        out.push_back(t->ticket_number);
    }
    return sorted(out);
}

} // namespace

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
        auto r = fixture::ticket_request();
        r.description = bad;
        expect_bad_create(f, owner, r, "description");
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
        std::optional<error> refused;
        try {
            (void)f.tickets().create(owner.id, fixture::ticket_request(bad));
        } catch (const error& e) {
            refused = e;
        }
        CHECK_MESSAGE(refused.has_value(), "accepted as a subject");
        if (refused) {
            CHECK(refused->code() == errc::invalid_argument);
            CHECK(refused->fields().count("subject") == 1);
            check_unchanged(f, before);
        }
    }
}

TEST_CASE("create refuses unknown categories and sub-categories of another category") {
    desk_fixture f;
    const auto owner = f.employee("erin@example.com");
    auto unknown = fixture::ticket_request();
    unknown.category = "HR Category";
    expect_bad_create(f, owner, unknown, "category");
    auto missing = fixture::ticket_request();
    missing.category = "";
    expect_bad_create(f, owner, missing, "category");

    auto foreign = fixture::ticket_request();
    foreign.sub_category = "Asset Check-out"; // belongs to Asset Category
    expect_bad_create(f, owner, foreign, "sub_category");
    auto nonsense = fixture::ticket_request();
    nonsense.sub_category = "Coffee Machine";
    expect_bad_create(f, owner, nonsense, "sub_category");
    auto no_sub = fixture::ticket_request();
    no_sub.sub_category = "";
    expect_bad_create(f, owner, no_sub, "sub_category");

    auto budget = fixture::ticket_request();
    budget.category = "Budget Category";
    budget.sub_category = "Project Proposal";
    CHECK(f.tickets().create(owner.id, budget).item.category == "Budget Category");
}

TEST_CASE("create refuses malformed and past scheduled dates - today and later are fine") {
    desk_fixture f; // the clock says 2026-03-02
    const auto owner = f.employee("erin@example.com");
    for (const std::string& bad : std::vector<std::string>{"tomorrow", "2026-13-01", "2026-02-30", "02/03/2026",
                                                           "2026-3-5", "2026-03-05T10:00:00Z"}) {
        CAPTURE(bad);
        auto r = fixture::ticket_request();
        r.scheduled_date = bad;
        expect_bad_create(f, owner, r, "scheduled_date");
    }
    for (const char* past : {"2026-03-01", "2025-12-31"}) {
        CAPTURE(past);
        auto r = fixture::ticket_request();
        r.scheduled_date = past;
        expect_bad_create(f, owner, r, "scheduled_date");
    }
    auto today = fixture::ticket_request();
    today.scheduled_date = "2026-03-02";
    CHECK(f.tickets().create(owner.id, today).item.scheduled_date == parse_iso_date("2026-03-02"));
    auto later = fixture::ticket_request();
    later.scheduled_date = "2026-04-15";
    CHECK(f.tickets().create(owner.id, later).item.scheduled_date == parse_iso_date("2026-04-15"));
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
    auto empty = fixture::ticket_request();
    empty.attachments = {file("fine.pdf", pdf_bytes), file("empty.pdf", "")};
    expect_bad_create(f, owner, empty, "attachments");
    auto mixed = fixture::ticket_request();
    mixed.attachments = {file("big.png", big), file("notes.txt", "plain text")};
    expect_bad_create(f, owner, mixed, "attachments");
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
    auto with_status = fixture::ticket_request();
    with_status.status = "Open";
    expect_bad_create(f, owner, with_status, "status");
    auto with_priority = fixture::ticket_request();
    with_priority.priority = "Critical";
    expect_bad_create(f, owner, with_priority, "priority");
    auto with_department = fixture::ticket_request();
    with_department.department = "IT Department";
    expect_bad_create(f, owner, with_department, "department");
    auto with_assignee = fixture::ticket_request();
    with_assignee.assigned_to = std::to_string(f.admin.id);
    expect_bad_create(f, owner, with_assignee, "assigned_to");
}

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

// ------------------------------------------------------------ visibility

TEST_CASE("another employee's ticket is not found, exactly like a missing one") {
    desk_fixture f;
    const auto owner = f.employee("erin@example.com");
    const auto other = f.employee("olga@example.com");
    const auto t = f.raise(owner);
    auto& tickets = f.tickets();

    const auto hidden = expect_error(errc::not_found, [&] { (void)tickets.get(other.id, t.id); });
    const auto missing = expect_error(errc::not_found, [&] { (void)tickets.get(other.id, 999999); });
    CHECK(std::string{hidden.what()} == std::string{missing.what()});
    (void)expect_error(errc::not_found, [&] { (void)tickets.get_by_number(other.id, t.ticket_number); });
    (void)expect_error(errc::not_found, [&] { (void)tickets.history(other.id, t.id); });
    (void)expect_error(errc::not_found, [&] { (void)tickets.comments(other.id, t.id); });
    const auto before = snapshot(f, t.id);
    (void)expect_error(errc::not_found, [&] { (void)tickets.add_comment(other.id, t.id, "me too"); });
    (void)expect_error(errc::not_found, [&] { (void)tickets.withdraw(other.id, t.id); });
    check_untouched(f, before);

    CHECK(tickets.get(owner.id, t.id).item.id == t.id);
    CHECK(tickets.get_by_number(owner.id, t.ticket_number).item.id == t.id);
    (void)expect_error(errc::not_found, [&] { (void)tickets.get_by_number(owner.id, "TX9999"); });
}

TEST_CASE("internal comments and internal history are shown to staff only") {
    desk_fixture f;
    const auto owner = f.employee("erin@example.com");
    const auto coordinator = f.staff("coord@example.com");
    const auto t = f.raise(owner);
    auto& tickets = f.tickets();

    approve_request r = approval("Medium", "IT Department");
    r.approval_notes = "Owner is on the VIP list";
    (void)tickets.approve(coordinator.id, t.id, r);
    (void)tickets.add_comment(coordinator.id, t.id, "Checked the logs: disk failure", true);
    (void)tickets.add_comment(coordinator.id, t.id, "Please try a reboot", false);
    (void)tickets.add_comment(owner.id, t.id, "Rebooted, still broken", false);
    (void)expect_error(errc::permission_denied, [&] { (void)tickets.add_comment(owner.id, t.id, "secret", true); });

    const auto texts = [](const std::vector<comment>& comments) {
        std::vector<std::string> out;
        for (const auto& c : comments) {
            out.push_back(c.text);
        }
        return out;
    };
    const std::vector<std::string> public_texts = {"Please try a reboot", "Rebooted, still broken"};
    CHECK(texts(tickets.comments(owner.id, t.id)) == public_texts);
    CHECK(texts(tickets.get(owner.id, t.id).comments) == public_texts);

    const auto staff_comments = tickets.comments(coordinator.id, t.id);
    CHECK(staff_comments.size() == 4);
    CHECK(std::count_if(staff_comments.begin(), staff_comments.end(), [](const comment& c) { return c.is_internal; }) ==
          2);
    CHECK(tickets.get(coordinator.id, t.id).comments.size() == 4);

    const auto owner_history = tickets.history(owner.id, t.id);
    const auto staff_history = tickets.history(coordinator.id, t.id);
    CHECK(std::none_of(owner_history.begin(), owner_history.end(), [](const history_event& e) { return e.is_internal; }));
    CHECK(std::count_if(staff_history.begin(), staff_history.end(), [](const history_event& e) { return e.is_internal; }) >=
          2);
    CHECK(staff_history.size() > owner_history.size());
    // Both are in order.
    for (const auto* h : {&owner_history, &staff_history}) {
        for (std::size_t i = 1; i < h->size(); ++i) {
            CHECK((*h)[i - 1].id < (*h)[i].id);
            CHECK((*h)[i - 1].at <= (*h)[i].at);
        }
    }
}

TEST_CASE("comments and history with their people: authors and actors named, each once, visibility kept") {
    desk_fixture f;
    const auto owner = f.employee("erin@example.com");
    const auto coordinator = f.staff("coord@example.com");
    const auto t = f.raise(owner);
    auto& tickets = f.tickets();
    (void)tickets.approve(coordinator.id, t.id, approval("Medium", "IT Department"));
    (void)tickets.add_comment(coordinator.id, t.id, "Internal: disk failure", true);
    (void)tickets.add_comment(coordinator.id, t.id, "Please try a reboot", false);
    (void)tickets.add_comment(owner.id, t.id, "Rebooted", false);
    (void)tickets.add_comment(coordinator.id, t.id, "Replacing the disk", false);

    const auto name_of = [](const std::vector<account_summary>& people, std::optional<account_id> id) -> std::string {
        for (const auto& p : people) {
            if (id && p.id == *id) {
                return p.first_name + " " + p.last_name + " (" + std::string{to_string(p.account_role)} + ")";
            }
        }
        return "?";
    };
    const auto for_owner = tickets.comments_with_authors(owner.id, t.id);
    REQUIRE(for_owner.comments.size() == 3);
    CHECK(for_owner.authors.size() == 2);
    for (const auto& c : for_owner.comments) {
        CHECK_FALSE(c.is_internal);
        CHECK(name_of(for_owner.authors, c.author) != "?");
    }
    CHECK(name_of(for_owner.authors, owner.id) == "Erin Employee (Employee)");
    CHECK(name_of(for_owner.authors, coordinator.id) == "Erin Employee (Ticket Coordinator)");
    CHECK(tickets.comments_with_authors(coordinator.id, t.id).comments.size() == 4);

    const auto details = tickets.get(owner.id, t.id);
    CHECK(details.comment_authors.size() == 2);

    const auto for_staff = tickets.history_with_actors(coordinator.id, t.id);
    const auto plain = tickets.history(coordinator.id, t.id);
    REQUIRE(for_staff.events.size() == plain.size());
    CHECK(for_staff.actors.size() == 2);
    for (const auto& e : for_staff.events) {
        if (e.actor) {
            CHECK(name_of(for_staff.actors, e.actor) != "?");
        }
    }
    CHECK(tickets.history_with_actors(owner.id, t.id).events.size() == tickets.history(owner.id, t.id).size());

    const auto stranger = f.employee("stranger@example.com");
    (void)expect_error(errc::not_found, [&] { (void)tickets.comments_with_authors(stranger.id, t.id); });
    (void)expect_error(errc::not_found, [&] { (void)tickets.history_with_actors(stranger.id, t.id); });
}

TEST_CASE("an owner's comment on a Pending ticket moves it to In Progress - a staff comment does not") {
    desk_fixture f;
    const auto owner = f.employee("erin@example.com");
    const auto coordinator = f.staff("coord@example.com");
    const auto t = f.raise(owner);
    (void)f.tickets().approve(coordinator.id, t.id, {});
    (void)f.tickets().claim(coordinator.id, t.id);
    (void)f.tickets().update_status(coordinator.id, t.id, "Pending", "Which model is it?");
    (void)f.tickets().add_comment(coordinator.id, t.id, "Any news?");
    CHECK(f.fresh(t.id).status == ticket_status::pending);

    const auto version = f.fresh(t.id).version;
    (void)f.tickets().add_comment(owner.id, t.id, "It is a T14");
    const auto after = f.fresh(t.id);
    CHECK(after.status == ticket_status::in_progress);
    CHECK(after.version == version + 1);
    const auto history = f.tickets().history(owner.id, t.id);
    REQUIRE_FALSE(history.empty());
    const auto last_move = std::find_if(history.rbegin(), history.rend(),
                                        [](const history_event& e) { return e.kind == helpdesk::history_kind::status_changed; });
    REQUIRE(last_move != history.rend());
    CHECK(last_move->old_value == std::optional<std::string>{"Pending"});
    CHECK(last_move->new_value == std::optional<std::string>{"In Progress"});
    CHECK(last_move->actor == owner.id);
}

// ------------------------------------------------------------ times

TEST_CASE("response, resolution and closing times follow the clock exactly") {
    desk_fixture f;
    const auto owner = f.employee("erin@example.com");
    const auto coordinator = f.staff("coord@example.com");
    const auto t = f.raise(owner);
    const auto submitted = f.time->now();

    f.time->advance(10min);
    const auto opened = f.tickets().approve(coordinator.id, t.id, {}).item;
    CHECK(opened.response_seconds == 600);
    CHECK(opened.update_date == f.time->now());

    f.time->advance(20min);
    const auto claimed = f.tickets().claim(coordinator.id, t.id).item;
    CHECK(claimed.response_seconds == 600); // only the first reaction counts
    CHECK_FALSE(claimed.resolution_seconds.has_value());

    f.time->advance(1h);
    const auto resolved = f.tickets().update_status(coordinator.id, t.id, "Resolved", "Replaced the disk").item;
    CHECK(resolved.resolution_seconds == 600 + 1200 + 3600);
    CHECK_FALSE(resolved.time_closed.has_value());

    // Reopened and resolved again: the resolution time is the latest one.
    f.time->advance(30min);
    const auto reopened = f.tickets().reopen(owner.id, t.id, "It broke again").item;
    CHECK(reopened.status == ticket_status::in_progress);
    f.time->advance(30min);
    const auto again = f.tickets().update_status(coordinator.id, t.id, "Resolved").item;
    CHECK(again.resolution_seconds == 5400 + 3600);

    f.time->advance(2h);
    const auto closed = f.tickets().close(owner.id, t.id, "Thanks").item;
    CHECK(closed.status == ticket_status::closed);
    CHECK(closed.time_closed == f.time->now());
    CHECK(closed.time_closed == submitted + 5400s + 3600s + 2h);
    CHECK(closed.resolution_seconds == 9000);
    CHECK(closed.response_seconds == 600);

    const auto stored = f.fresh(t.id);
    CHECK(stored.time_closed == closed.time_closed);
    CHECK(stored.resolution_seconds == 9000);
    CHECK(stored.response_seconds == 600);
}

TEST_CASE("the first public staff comment or a rejection counts as the response - internal notes do not") {
    desk_fixture f;
    const auto owner = f.employee("erin@example.com");
    const auto coordinator = f.staff("coord@example.com");
    const auto commented = f.raise(owner, "Commented ticket");
    const auto rejected = f.raise(owner, "Rejected ticket");

    f.time->advance(30s);
    (void)f.tickets().add_comment(owner.id, commented.id, "Any update?");
    (void)f.tickets().add_comment(coordinator.id, commented.id, "internal triage note", true);
    CHECK_FALSE(f.fresh(commented.id).response_seconds.has_value());
    f.time->advance(60s);
    (void)f.tickets().add_comment(coordinator.id, commented.id, "Looking into it");
    CHECK(f.fresh(commented.id).response_seconds == 90);

    f.time->advance(15s);
    const auto r = f.tickets().reject(coordinator.id, rejected.id, "Duplicate of another ticket").item;
    CHECK(r.status == ticket_status::rejected);
    CHECK(r.response_seconds == 105);
    CHECK(r.rejection_reason == std::optional<std::string>{"Duplicate of another ticket"});
}

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

TEST_CASE("list: invalid ordering, paging and cursors are refused") {
    list_world w;
    auto& tickets = w.f.tickets();
    for (const std::string& bad : std::vector<std::string>{"subject", "-", "--submit_date", "submit_date ",
                                                           "Priority", "-status", "submit_date,priority"}) {
        CAPTURE(bad);
        ticket_list_request r;
        r.ordering = bad;
        CHECK(expect_error(errc::invalid_argument, [&] { (void)tickets.list(w.f.admin.id, r); })
                  .fields()
                  .count("ordering") == 1);
    }
    for (const std::int64_t size : {0, -1, 101, 1000}) {
        CAPTURE(size);
        ticket_list_request r;
        r.page_size = size;
        CHECK(expect_error(errc::invalid_argument, [&] { (void)tickets.list(w.f.admin.id, r); })
                  .fields()
                  .count("page_size") == 1);
        ticket_list_request c;
        c.page_size = size;
        c.cursor = "";
        (void)expect_error(errc::invalid_argument, [&] { (void)tickets.list(w.f.admin.id, c); });
    }
    ticket_list_request page_zero;
    page_zero.page_number = 0;
    CHECK(expect_error(errc::invalid_argument, [&] { (void)tickets.list(w.f.admin.id, page_zero); })
              .fields()
              .count("page") == 1);
    ticket_list_request max;
    max.page_size = 100;
    CHECK(tickets.list(w.f.admin.id, max).results.size() == 5);

    for (const std::string& bad : std::vector<std::string>{"garbage", "sd.", "sd.x.1", "sd.1.", "sd.1.2.3", "..",
                                                           "xd.1.1"}) {
        CAPTURE(bad);
        ticket_list_request r;
        r.cursor = bad;
        CHECK(expect_error(errc::invalid_argument, [&] { (void)tickets.list(w.f.admin.id, r); })
                  .fields()
                  .count("cursor") == 1);
    }
    // A cursor belongs to the ordering that produced it.
    ticket_list_request first;
    first.cursor = "";
    first.page_size = 2;
    first.ordering = "-submit_date";
    const auto page = tickets.list(w.f.admin.id, first);
    REQUIRE(page.next_cursor.has_value());
    ticket_list_request other_order;
    other_order.cursor = page.next_cursor;
    other_order.ordering = "priority";
    CHECK(expect_error(errc::invalid_argument, [&] { (void)tickets.list(w.f.admin.id, other_order); })
              .fields()
              .count("cursor") == 1);
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
    const auto paged = tickets.new_queue(w.s2.id, 1, 1);
    CHECK(paged.results.size() == 1);
    CHECK(paged.has_next);
    (void)expect_error(errc::invalid_argument, [&] { (void)tickets.new_queue(w.s2.id, 1, 101); });
}

// ------------------------------------------------------------ atomicity

TEST_CASE("atomicity: a blob store failing halfway through a create leaves nothing behind") {
    desk_fixture f;
    const auto owner = f.employee("erin@example.com");
    const auto first = f.raise(owner, "Before the failure");
    REQUIRE(first.ticket_number == "TX0001");

    auto r = fixture::ticket_request("Three screenshots");
    r.attachments = {file("one.png", png_bytes), file("two.png", png_bytes), file("three.pdf", pdf_bytes)};
    const auto before = counts_of(f);
    f.blobs->fail_on_put = f.blobs->puts + 2;
    (void)expect_error(errc::storage_unavailable, [&] { (void)f.tickets().create(owner.id, r, "retry-me"); });
    f.blobs->fail_on_put.reset();

    const auto after = counts_of(f);
    CHECK(after.tickets == before.tickets);
    CHECK(after.events == before.events);
    CHECK(f.blobs->live() == 0);
    CHECK(f.blobs->puts == before.puts + 2); // the first blob was written, then removed

    // The retry (same key) succeeds; no TX number is reused and no orphan rows show up.
    const auto retry = f.tickets().create(owner.id, r, "retry-me");
    CHECK(retry.item.ticket_number != first.ticket_number);
    CHECK(parse_ticket_number(retry.item.ticket_number).value_or(0) > 1);
    CHECK(retry.attachments.size() == 3);
    CHECK(f.tickets().history(owner.id, retry.item.id).size() == 4); // created + 3 attachments
    CHECK(f.tickets().comments(owner.id, retry.item.id).empty());
    CHECK(events_of_kind(f, event_kind::ticket_created).size() == 2);
    CHECK(f.blobs->live() == 3);
    CHECK(ticket_count(f) == 2);
    CHECK(f.raise(owner).ticket_number != retry.item.ticket_number);
}

TEST_CASE("atomicity: assigning to a non-staff account leaves the ticket untouched") {
    desk_fixture f;
    const auto owner = f.employee("erin@example.com");
    const auto other = f.employee("olga@example.com");
    const auto pending_staff = f.desk.accounts().sign_up(fixture::person("newbie@example.com"));
    const auto coordinator = f.staff("coord@example.com");
    const auto t = f.raise(owner);
    (void)f.tickets().approve(coordinator.id, t.id, {});

    for (const account_id target : {owner.id, other.id, pending_staff.id, account_id{999999}}) {
        CAPTURE(target);
        const auto before = snapshot(f, t.id);
        const auto e = expect_error(errc::invalid_argument, [&] { (void)f.tickets().assign(coordinator.id, t.id, target); });
        CHECK(e.fields().count("assigned_to") == 1);
        check_untouched(f, before);
    }
    // Employees may not assign at all.
    {
        const auto before = snapshot(f, t.id);
        (void)expect_error(errc::permission_denied, [&] { (void)f.tickets().assign(owner.id, t.id, coordinator.id); });
        check_untouched(f, before);
    }
    const auto assigned = f.tickets().assign(coordinator.id, t.id, f.admin.id).item;
    CHECK(assigned.assigned_to == f.admin.id);
    CHECK(assigned.status == ticket_status::in_progress);
}

// ------------------------------------------------------------ outbox

TEST_CASE("outbox: pending lists due events in order - deliver_due hands them over and marks them delivered") {
    desk_fixture f;
    drain(f);
    const auto delivered_before = f.desk.outbox().count(outbox_state::delivered);
    const auto owner = f.employee("erin@example.com");
    f.time->advance(1s);
    const auto t = f.raise(owner);

    const auto pending = f.desk.outbox().pending();
    REQUIRE(pending.size() == 3);
    CHECK(pending[0].kind == event_kind::account_registered);
    CHECK(pending[1].kind == event_kind::account_approved);
    CHECK(pending[2].kind == event_kind::ticket_created);
    CHECK(pending[2].ticket == t.id);
    for (std::size_t i = 1; i < pending.size(); ++i) {
        CHECK(pending[i - 1].id < pending[i].id);
        CHECK(pending[i - 1].created_at <= pending[i].created_at);
    }
    for (const auto& e : pending) {
        CHECK(e.state == outbox_state::pending);
        CHECK(e.attempts == 0);
    }
    CHECK(f.desk.outbox().pending(2).size() == 2);

    recording_notifier channel;
    CHECK(f.desk.outbox().deliver_due(channel) == 3);
    REQUIRE(channel.events.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(channel.events[i].id == pending[i].id);
        CHECK(channel.events[i].kind == pending[i].kind);
    }
    CHECK(f.desk.outbox().count(outbox_state::pending) == 0);
    CHECK(f.desk.outbox().count(outbox_state::delivered) == delivered_before + 3);
    CHECK(f.desk.outbox().pending().empty());
    CHECK(f.desk.outbox().deliver_due(channel) == 0);
    CHECK(channel.events.size() == 3);

    (void)expect_error(errc::not_found, [&] { (void)f.desk.outbox().mark_delivered(999999, "lease"); });
    (void)expect_error(errc::not_found, [&] { (void)f.desk.outbox().mark_failed(999999, "lease", "x"); });
}

namespace {
/// A channel that, while delivering, lets a second worker drain the same
/// outbox: the situation of two workers running at the same time.
class overlapping_worker final : public notifier {
public:
    explicit overlapping_worker(outbox_service& second) : second_(second) {}
    void deliver(const outbox_event& event) override {
        CHECK_MESSAGE(in_flight_.count(event.id) == 0, "event " << event.id << " delivered twice at the same time");
        in_flight_.insert(event.id);
        delivered.push_back(event.id);
        if (!nested_) {
            nested_ = true;
            (void)second_.deliver_due(*this);
            nested_ = false;
        }
        in_flight_.erase(event.id);
    }
    std::vector<row_id> delivered;

private:
    outbox_service& second_;
    std::set<row_id> in_flight_;
    bool nested_ = false;
};
} // namespace

TEST_CASE("outbox: two workers sharing the outbox never deliver one event at the same time") {
    desk_fixture f;
    drain(f);
    const auto delivered_before = f.desk.outbox().count(outbox_state::delivered);
    (void)f.employee("erin@example.com");
    (void)f.raise(f.admin);
    REQUIRE(f.desk.outbox().count(outbox_state::pending) == 3);
    engine second{engine_parts{f.db, f.blobs, f.time, std::make_shared<counting_random>()}, f.options};

    overlapping_worker channel{second.outbox()};
    (void)f.desk.outbox().deliver_due(channel);
    CHECK(f.desk.outbox().count(outbox_state::pending) == 0);
    CHECK(f.desk.outbox().count(outbox_state::delivered) == delivered_before + 3);
    const std::set<row_id> distinct(channel.delivered.begin(), channel.delivered.end());
    CHECK(distinct.size() == 3);
}

TEST_CASE("outbox: failed deliveries back off exponentially and end up dead") {
    engine_options o = fixture::fast_options();
    o.max_delivery_attempts = 4;
    o.first_retry_delay = 30s;
    desk_fixture f{o};
    drain(f);
    const auto delivered_before = f.desk.outbox().count(outbox_state::delivered);
    (void)f.employee("erin@example.com"); // two events
    REQUIRE(f.desk.outbox().count(outbox_state::pending) == 2);

    recording_notifier down;
    down.fail_ = true;
    // Attempt n schedules the next one between half and all of 30 s × 2^(n-1)
    // from now (exponential backoff with equal jitter).
    for (int attempt = 1; attempt <= 3; ++attempt) {
        CAPTURE(attempt);
        const auto failed_at = f.time->now();
        const auto base = std::chrono::duration_cast<std::chrono::microseconds>(30s * (1 << (attempt - 1)));
        CHECK(f.desk.outbox().deliver_due(down) == 0);
        CHECK(f.desk.outbox().count(outbox_state::pending) == 2);
        CHECK(f.desk.outbox().pending().empty()); // not due yet
        auto tx = f.db->begin(tx_mode::read);
        const auto waiting = tx->outbox().due(failed_at + base, 10);
        tx.reset();
        REQUIRE(waiting.size() == 2);
        for (const auto& e : waiting) {
            CHECK(e.attempts == attempt);
            CHECK(e.last_error == std::optional<std::string>{"notifier down"});
            CHECK(e.next_attempt_at >= failed_at + base / 2);
            CHECK(e.next_attempt_at <= failed_at + base);
        }
        f.time->advance(base);
        REQUIRE(f.desk.outbox().pending().size() == 2);
    }

    CHECK(f.desk.outbox().deliver_due(down) == 0); // attempt 4 = max: dead
    CHECK(f.desk.outbox().count(outbox_state::dead) == 2);
    CHECK(f.desk.outbox().count(outbox_state::pending) == 0);
    f.time->advance(std::chrono::days{30});
    CHECK(f.desk.outbox().pending().empty());

    recording_notifier up;
    CHECK(f.desk.outbox().deliver_due(up) == 0);
    CHECK(up.events.empty());

    // mark_failed reports the state it left the event in.
    const auto t = f.raise(f.admin);
    (void)t;
    const auto fresh = f.desk.outbox().claim_due();
    REQUIRE(fresh.size() == 1);
    CHECK(f.desk.outbox().mark_failed(fresh[0].id, fresh[0].lease, "smtp timeout") == outbox_state::pending);
    // A success later settles it.
    f.time->advance(30s);
    CHECK(f.desk.outbox().deliver_due(up) == 1);
    CHECK(f.desk.outbox().count(outbox_state::delivered) == delivered_before + 1);
}

TEST_CASE("outbox: the default retry policy parks an event as dead after max_delivery_attempts") {
    desk_fixture f; // 8 attempts
    drain(f);
    (void)f.raise(f.admin);
    recording_notifier down;
    down.fail_ = true;
    for (int attempt = 1; attempt <= 8; ++attempt) {
        CAPTURE(attempt);
        CHECK(f.desk.outbox().count(outbox_state::dead) == 0);
        CHECK(f.desk.outbox().deliver_due(down) == 0);
        f.time->advance(std::chrono::days{1});
    }
    CHECK(f.desk.outbox().count(outbox_state::dead) == 1);
    CHECK(f.desk.outbox().count(outbox_state::pending) == 0);
}

// ------------------------------------------------------------ workflow

TEST_CASE("workflow_update_status validates like update-status and records a comment naming the workflow") {
    desk_fixture f;
    const auto owner = f.employee("erin@example.com");
    const auto coordinator = f.staff("coord@example.com");
    const auto fresh_ticket = f.raise(owner, "Still new");
    const auto t = f.raise(owner);
    (void)f.tickets().approve(coordinator.id, t.id, {});
    auto& tickets = f.tickets();
    const auto via = f.desk.api_keys().create(f.admin.id, "field-ops ERP").record;

    {
        const auto before = snapshot(f, fresh_ticket.id);
        (void)expect_error(errc::invalid_state,
                           [&] { (void)tickets.workflow_update_status(via, fresh_ticket.ticket_number, "Resolved"); });
        (void)expect_error(errc::invalid_state,
                           [&] { (void)tickets.workflow_update_status(via, fresh_ticket.ticket_number, "Open"); });
        check_untouched(f, before);
    }
    {
        const auto before = snapshot(f, t.id);
        (void)expect_error(errc::invalid_state, [&] { (void)tickets.workflow_update_status(via, t.ticket_number, "Closed"); });
        (void)expect_error(errc::invalid_state, [&] { (void)tickets.workflow_update_status(via, t.ticket_number, "New"); });
        CHECK(expect_error(errc::invalid_argument, [&] {
                  (void)tickets.workflow_update_status(via, t.ticket_number, "Done");
              }).fields().count("status") == 1);
        check_untouched(f, before);
    }
    (void)expect_error(errc::not_found, [&] { (void)tickets.workflow_update_status(via, "TX9999", "In Progress"); });

    const auto version = f.fresh(t.id).version;
    f.time->advance(1min);
    const auto moved = tickets.workflow_update_status(via, t.ticket_number, "In Progress", "Picked up by field team").item;
    CHECK(moved.status == ticket_status::in_progress);
    CHECK(moved.version == version + 1);
    CHECK(moved.update_date == f.time->now());

    const auto comments = tickets.comments(owner.id, t.id);
    const auto by_workflow = std::find_if(comments.begin(), comments.end(), [](const comment& c) {
        return c.text.find("workflow") != std::string::npos;
    });
    REQUIRE(by_workflow != comments.end());
    CHECK(by_workflow->text == "Status changed from Open to In Progress by the workflow system (key field-ops ERP).");
    CHECK_FALSE(by_workflow->author.has_value());
    CHECK_FALSE(by_workflow->is_internal);
    CHECK(std::any_of(comments.begin(), comments.end(),
                      [](const comment& c) { return c.text == "Picked up by field team"; }));

    const auto history = tickets.history(owner.id, t.id);
    const auto last_move = std::find_if(history.rbegin(), history.rend(),
                                        [](const history_event& e) { return e.kind == helpdesk::history_kind::status_changed; });
    REQUIRE(last_move != history.rend());
    CHECK_FALSE(last_move->actor.has_value());
    CHECK(last_move->new_value == std::optional<std::string>{"In Progress"});
    CHECK(last_move->at == f.time->now());

    const auto changed = events_of_kind(f, event_kind::ticket_status_changed);
    REQUIRE_FALSE(changed.empty());
    CHECK(changed.back().ticket == t.id);

    // Through to the end along the table's edges.
    CHECK(tickets.workflow_update_status(via, t.ticket_number, "Resolved").item.status == ticket_status::resolved);
    CHECK(tickets.workflow_update_status(via, t.ticket_number, "Closed").item.status == ticket_status::closed);
    (void)expect_error(errc::invalid_state, [&] { (void)tickets.workflow_update_status(via, t.ticket_number, "Open"); });
}

} // TEST_SUITE
