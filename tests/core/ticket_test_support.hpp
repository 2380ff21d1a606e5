#pragma once

// Fixtures and helpers shared by the ticket service tests (ticket_*_test.cpp).

#include <helpdesk/domain/ticket.hpp>

#include "test_support.hpp"

#include <algorithm>
#include <chrono>
#include <concepts>
#include <set>
#include <string>
#include <vector>

namespace ticket_tests {


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

/// An employee's New ticket and a coordinator to act on it; a test takes the
/// parts with `auto& [f, owner, coordinator, t, tickets] = world;`.
struct raised_ticket_world {
    desk_fixture f;
    account owner = f.employee("erin@example.com");
    account coordinator = f.staff("coord@example.com");
    ticket t = f.raise(owner);
    ticket_service& tickets = f.tickets();
};

struct ticket_counts {
    std::int64_t tickets = 0;
    std::int64_t events = 0;
    std::size_t live_blobs = 0;
    int puts = 0;

    bool operator==(const ticket_counts&) const = default;
};

inline std::int64_t ticket_count(desk_fixture& f) {
    ticket_list_request all;
    all.page_size = 100;
    return f.tickets().list(f.admin.id, all).count.value_or(-1);
}

inline ticket_counts counts_of(desk_fixture& f) {
    return {ticket_count(f), f.desk.outbox().count(outbox_state::pending), f.blobs->live(), f.blobs->puts};
}

inline void check_unchanged(desk_fixture& f, const ticket_counts& before) {
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

inline ticket_snapshot snapshot(desk_fixture& f, ticket_id id) {
    return {f.fresh(id), f.tickets().history(f.admin.id, id).size(), f.tickets().comments(f.admin.id, id).size(),
            f.desk.outbox().count(outbox_state::pending)};
}

inline void check_untouched(desk_fixture& f, const ticket_snapshot& before) {
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
inline void expect_bad_create(desk_fixture& f, const account& owner, const create_ticket_request& r, const std::string& field,
                       errc code = errc::invalid_argument) {
    const auto before = counts_of(f);
    const auto e = expect_error(code, [&] { (void)f.tickets().create(owner.id, r); });
    CHECK_MESSAGE(e.fields().count(field) == 1, "no field error for '" << field << "' (" << e.what() << ")");
    check_unchanged(f, before);
}

/// The default create request with `change(request)` made to it.
template <std::invocable<create_ticket_request&> Change>
create_ticket_request ticket_request_where(Change change) {
    auto r = fixture::ticket_request();
    change(r);
    return r;
}

/// Create of the default request with `change` made to it must be refused as
/// invalid input naming `field`, writing nothing.
template <std::invocable<create_ticket_request&> Change>
void expect_bad_create(desk_fixture& f, const account& owner, const std::string& field, Change change) {
    expect_bad_create(f, owner, ticket_request_where(change), field);
}

/// Listing a default request with `change(request)` made to it must be
/// refused as invalid input naming `field`.
template <std::invocable<ticket_list_request&> Change>
void expect_bad_list(desk_fixture& f, const std::string& field, Change change) {
    ticket_list_request r;
    change(r);
    const auto e = expect_error(errc::invalid_argument, [&] { (void)f.tickets().list(f.admin.id, r); });
    CHECK_MESSAGE(e.fields().count(field) == 1, "no field error for '" << field << "' (" << e.what() << ")");
}

inline const std::string png_bytes = std::string{"\x89PNG\r\n\x1a\n", 8} + std::string(120, 'p');
inline const std::string pdf_bytes = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n";

inline new_attachment file(std::string name, std::string bytes) { return {std::move(name), std::move(bytes)}; }

inline std::vector<std::string> numbers(const ticket_list& l) {
    std::vector<std::string> out;
    for (const auto& t : l.results) {
        out.push_back(t.ticket_number);
    }
    return out;
}

inline std::vector<std::string> sorted(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
}

/// Delivers whatever the set-up left in the outbox, so a test starts from none pending.
inline void drain(desk_fixture& f) {
    recording_notifier sink;
    (void)f.desk.outbox().deliver_due(sink, 1000);
    REQUIRE(f.desk.outbox().count(outbox_state::pending) == 0);
}

inline approve_request approval(std::string priority_name, std::string department) {
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

inline std::vector<std::string> expect_numbers(std::initializer_list<const ticket*> tickets) {
    std::vector<std::string> out;
    for (const auto* t : tickets) {
        out.push_back(t->ticket_number);
    }
    return sorted(out);
}


} // namespace ticket_tests

// The tests of this subject use the helpers unqualified.
using namespace ticket_tests;
