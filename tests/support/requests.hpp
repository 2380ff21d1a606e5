#pragma once

// The request forms the tests of every suite fill in: a sign-up and an
// admin's new account, valid as they stand (IT Department, a strong password).

#include <helpdesk/services/account_service.hpp>

#include <string>

namespace helpdesk::testing {

/// A strong password the core, store and delivery tests' accounts use.
inline constexpr const char* test_password = "Str0ng!Pass";

/// A valid sign-up form for `email`, with `password` typed twice.
[[nodiscard]] inline sign_up_request person(std::string email, std::string first = "Erin",
                                            std::string last = "Employee", std::string password = test_password) {
    sign_up_request r;
    r.email = std::move(email);
    r.first_name = std::move(first);
    r.last_name = std::move(last);
    r.department = "IT Department";
    r.password = password;
    r.confirm_password = std::move(password);
    return r;
}

/// A valid form for an account a System Admin creates, in `role`.
[[nodiscard]] inline admin_create_request hire(std::string email, std::string first, std::string last,
                                               std::string role = "Employee") {
    admin_create_request r;
    r.email = std::move(email);
    r.first_name = std::move(first);
    r.last_name = std::move(last);
    r.department = "IT Department";
    r.role = std::move(role);
    return r;
}

} // namespace helpdesk::testing
