#pragma once

// Shared fixtures for core tests: a real SQLite `:memory:` store, a fixed
// clock, deterministic randomness and a recording notifier.

#include <helpdesk/adapters/sqlite.hpp>
#include <helpdesk/blob/memory_blob_store.hpp>
#include <helpdesk/engine.hpp>
#include <helpdesk/error.hpp>

#include "../support/requests.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace helpdesk::testing {

/// An employee-list request: page `number` of `size` accounts matching `filter`.
inline account_list_request accounts_query(account_filter filter = {}, std::int64_t number = 1,
                                           std::int64_t size = 20) {
    account_list_request r;
    r.filter = std::move(filter);
    r.page_number = number;
    r.page_size = size;
    return r;
}

/// A clock that stands still until a test moves it.
class fixed_clock final : public clock {
public:
    explicit fixed_clock(time_point start) : now_(start) {}
    time_point now() const override {
        std::lock_guard lock(mutex_);
        return now_;
    }
    void advance(std::chrono::microseconds by) {
        std::lock_guard lock(mutex_);
        now_ += by;
    }

private:
    mutable std::mutex mutex_;
    time_point now_;
};

/// Deterministic "random" bytes: a counter mixed by SplitMix64, so every
/// token and key differs (a plain byte counter repeats every 256 bytes, and
/// blob keys collided once a test stored many files).
class counting_random final : public random_source {
public:
    void fill(std::span<unsigned char> out) override {
        for (auto& b : out) {
            std::uint64_t z = counter_.fetch_add(1) + 0x9E3779B97F4A7C15ull;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
            b = static_cast<unsigned char>(z ^ (z >> 31));
        }
    }

private:
    std::atomic<std::uint64_t> counter_{0};
};

/// Records every event handed to it; can be told to fail.
class recording_notifier final : public notifier {
public:
    void deliver(const outbox_event& event) override {
        if (fail_) {
            throw std::runtime_error("notifier down");
        }
        events.push_back(event);
    }
    std::vector<outbox_event> events;
    bool fail_ = false;
};

/// 2026-03-02T09:00:00Z, a Monday.
inline time_point test_epoch() {
    using namespace std::chrono;
    return time_point{sys_days{year{2026} / March / 2}.time_since_epoch() + hours{9}};
}

/// The pending outbox events of `kind` (up to 1000) of a fixture's `desk`.
template <class Fixture> std::vector<outbox_event> events_of_kind(Fixture& f, std::string_view kind) {
    std::vector<outbox_event> out;
    for (auto& e : f.desk.outbox().pending(1000)) {
        if (e.kind == kind) {
            out.push_back(e);
        }
    }
    return out;
}

/// An engine on a fresh in-memory SQLite store, plus handy accounts.
struct fixture {
    std::shared_ptr<store> db = sqlite::open("sqlite::memory:");
    std::shared_ptr<fixed_clock> time = std::make_shared<fixed_clock>(test_epoch());
    std::shared_ptr<blob_store> blobs = memory_blob_store();
    engine desk{engine_parts{db, blobs, time, std::make_shared<counting_random>()}, fast_options()};
    account admin = desk.accounts().bootstrap_admin(person("admin@example.com", "Ada", "Admin"));

    static engine_options fast_options() {
        engine_options o;
        o.password_iterations = 1000; // the format is what matters here, not the cost
        return o;
    }

    static sign_up_request person(std::string email, std::string first = "Erin", std::string last = "Employee") {
        return testing::person(std::move(email), std::move(first), std::move(last));
    }

    /// A signed-up and approved employee.
    account employee(const std::string& email) {
        auto a = desk.accounts().sign_up(person(email));
        return desk.accounts().approve(admin.id, a.id);
    }

    /// An approved account with a staff role ("Ticket Coordinator" or "System Admin").
    account staff(const std::string& email, const std::string& role_name = "Ticket Coordinator") {
        auto a = employee(email);
        return desk.accounts().change_role(admin.id, a.id, role_name);
    }

    static create_ticket_request ticket_request(std::string subject = "Laptop will not boot") {
        create_ticket_request r;
        r.subject = std::move(subject);
        r.category = "IT Category";
        r.sub_category = "Technical Support & Troubleshooting";
        r.description = "The laptop shows a black screen after the logo.";
        return r;
    }

    /// A ticket raised by `owner`, in state New.
    ticket raise(const account& owner, std::string subject = "Laptop will not boot") {
        return desk.tickets().create(owner.id, ticket_request(std::move(subject))).item;
    }
};

/// Runs `call` and checks it throws `helpdesk::error` with `code`; returns it.
template <class Call>
helpdesk::error expect_error(errc code, Call&& call) {
    try {
        call();
    } catch (const helpdesk::error& e) {
        CHECK_MESSAGE(e.code() == code, "got " << to_string(e.code()) << ": " << std::string{e.what()});
        return e;
    } catch (const std::exception& e) {
        FAIL("unexpected exception: " << std::string{e.what()});
    }
    FAIL("expected helpdesk::error " << to_string(code));
    return helpdesk::error(errc::internal, "unreachable");
}

/// A check that `call` is refused as invalid input naming `field` which, unlike
/// `expect_error`, does not end the test case when `call` succeeds: a loop
/// over bad values goes on to the next one. Returns whether it was refused.
template <class Call>
bool check_invalid(Call&& call, const std::string& field) {
    std::optional<helpdesk::error> refused;
    try {
        call();
    } catch (const helpdesk::error& e) {
        refused = e;
    }
    CHECK_MESSAGE(refused.has_value(),
                  "accepted where invalid_argument naming '" << field << "' was expected");
    if (refused) {
        CHECK(refused->code() == errc::invalid_argument);
        CHECK(refused->fields().count(field) == 1);
    }
    return refused.has_value();
}

} // namespace helpdesk::testing
