#pragma once

// The request bodies of the HTTP API that several suites send (Boost.JSON).

#include <boost/json.hpp>

#include <string>

namespace test_support {

/// A valid sign-up body (POST /api/create_employee/) for `email`, in the IT
/// Department, with `password` typed twice.
[[nodiscard]] inline boost::json::object sign_up_json(const std::string& email, const std::string& first_name,
                                                      const std::string& last_name, const std::string& password) {
    return {{"email", email},
            {"first_name", first_name},
            {"last_name", last_name},
            {"department", "IT Department"},
            {"password", password},
            {"confirm_password", password}};
}

} // namespace test_support
