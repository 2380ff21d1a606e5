#pragma once

#include <helpdesk/error.hpp>

#include <boost/json/object.hpp>

#include <string_view>

/// The one shape of a refusal. Which status or code carries it is the
/// caller's business (the server's HTTP status, the C ABI's return code).
namespace helpdesk::wire {

/// `{"field": ["message", ...]}`: what was wrong with each named input.
[[nodiscard]] boost::json::object field_errors_json(const field_errors& fields);

/// `{"error": code, "detail": detail}`, plus `"field_errors"` when `fields`
/// names any.
[[nodiscard]] boost::json::object error_body(std::string_view code, std::string_view detail,
                                             const field_errors& fields = {});

} // namespace helpdesk::wire
