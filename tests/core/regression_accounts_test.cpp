// Regression tests of the core (docs/product.md#safeguards), driven through the services: sign-up cannot choose its role or status.

#include "regression_test_support.hpp"

TEST_CASE("sign-up cannot set role System Admin or status Approved") {
    fixture f;
    const auto accounts_before = account_count(f);
    const auto events_before = events_of(f, event_kind::account_registered);

    // The error of mallory's sign-up that sends `role` and `status`.
    const auto refusal = [&](std::optional<std::string> role, std::optional<std::string> status) {
        auto r = fixture::person("mallory@example.com");
        r.role = std::move(role);
        r.status = std::move(status);
        return expect_error(errc::invalid_argument, [&] { (void)f.desk.accounts().sign_up(r); });
    };
    SUBCASE("role System Admin is refused with a field error on role") {
        CHECK(has_field(refusal("System Admin", std::nullopt), "role"));
    }
    SUBCASE("status Approved is refused with a field error on status") {
        CHECK(has_field(refusal(std::nullopt, "Approved"), "status"));
    }
    SUBCASE("both at once: both fields are named") {
        const auto e = refusal("System Admin", "Approved");
        CHECK(has_field(e, "role"));
        CHECK(has_field(e, "status"));
    }
    SUBCASE("even the harmless values Employee / Pending may not be sent") {
        const auto e = refusal("Employee", "Pending");
        CHECK(has_field(e, "role"));
        CHECK(has_field(e, "status"));
    }

    // Nothing was written: no account, no registration mail, no login.
    CHECK(account_count(f) == accounts_before);
    CHECK(events_of(f, event_kind::account_registered) == events_before);
    expect_error(errc::unauthenticated, [&] {
        (void)f.desk.accounts().authenticate(login_kind::staff, "mallory@example.com", test_password);
    });

    // A normal sign-up with the same email is an Employee awaiting approval.
    const auto a = f.desk.accounts().sign_up(fixture::person("mallory@example.com"));
    CHECK(a.account_role == role::employee);
    CHECK(a.status == account_status::pending);
    const auto stored = f.desk.accounts().get(f.admin.id, a.id);
    CHECK(stored.account_role == role::employee);
    CHECK(stored.status == account_status::pending);
    CHECK(account_count(f) == accounts_before + 1);
    CHECK(events_of(f, event_kind::account_registered) == events_before + 1);
    // A pending account cannot sign in at either endpoint, and is told why.
    const auto pending = expect_error(errc::permission_denied, [&] {
        (void)f.desk.accounts().authenticate(login_kind::employee, "mallory@example.com", test_password);
    });
    CHECK(std::string{pending.what()}.find("pending") != std::string::npos);
    expect_error(errc::permission_denied, [&] {
        (void)f.desk.accounts().authenticate(login_kind::staff, "mallory@example.com", test_password);
    });
}
