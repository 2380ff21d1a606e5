#pragma once

// Helpers shared by the account service tests (account_*_test.cpp).

#include <helpdesk/security/password.hpp>

#include "test_support.hpp"

#include <algorithm>
#include <chrono>
#include <concepts>
#include <string>
#include <vector>

namespace account_tests {


using namespace helpdesk;
using namespace helpdesk::testing;
using namespace std::chrono_literals;

/// What a refused call must leave untouched.
struct account_counts {
    std::int64_t accounts = 0;
    std::int64_t pending_events = 0;
    std::int64_t rejections = 0;
};

inline account_counts counts_of(fixture& f) {
    return {f.desk.accounts().list(f.admin.id, accounts_query({}, 1, 100)).count.value_or(-1), f.desk.outbox().count(outbox_state::pending),
            f.desk.accounts().rejection_count(f.admin.id)};
}

inline void check_unchanged(fixture& f, const account_counts& before) {
    const auto after = counts_of(f);
    CHECK_MESSAGE(after.accounts == before.accounts, "an account was written");
    CHECK_MESSAGE(after.pending_events == before.pending_events, "an outbox event was written");
    CHECK_MESSAGE(after.rejections == before.rejections, "an audit row was written");
}

/// Runs `call`, expects `code` with `field` among the field errors, and that
/// no account, audit row or outbox event was written.
template <class Call>
void expect_refused(fixture& f, errc code, const std::string& field, Call&& call) {
    const auto before = counts_of(f);
    const auto e = expect_error(code, std::forward<Call>(call));
    CHECK_MESSAGE(e.fields().count(field) == 1, "no field error for '" << field << "' (" << e.what() << ")");
    check_unchanged(f, before);
}

/// Sign-up of `r` must be refused for `field` with invalid_argument.
inline void expect_bad_sign_up(fixture& f, const sign_up_request& r, const std::string& field) {
    expect_refused(f, errc::invalid_argument, field, [&] { (void)f.desk.accounts().sign_up(r); });
}

/// An approved employee (emp@example.com) and a Ticket Coordinator
/// (coord@example.com); a test takes the parts with
/// `auto& [f, employee, coordinator, accounts] = world;`.
struct employee_and_coordinator {
    fixture f;
    account employee = f.employee("emp@example.com");
    account coordinator = f.staff("coord@example.com");
    account_service& accounts = f.desk.accounts();
};

/// `fixture::person(email)` with `change(request)` made to it.
template <std::invocable<sign_up_request&> Change>
sign_up_request person_where(std::string email, Change change) {
    auto r = fixture::person(std::move(email));
    change(r);
    return r;
}

inline const std::string png_bytes = std::string{"\x89PNG\r\n\x1a\n", 8} + std::string(64, 'p');
inline const std::string jpeg_bytes = std::string{"\xFF\xD8\xFF\xE0", 4} + std::string(64, 'j');

} // namespace account_tests

// The tests of this subject use the helpers unqualified.
using namespace account_tests;
