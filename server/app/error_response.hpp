#pragma once

#include "app/response.hpp"

#include <helpdesk/error.hpp>

#include <exception>
#include <functional>
#include <string_view>

namespace helpdesk::server {

/// The HTTP status for each `errc` (docs/product.md#errors): the one place errors meet HTTP.
[[nodiscard]] http::status status_for(errc code) noexcept;

/// The error body of docs/product.md#errors for the exception in flight (`helpdesk::error`,
/// `http_failure`, or anything else as a 500 that reveals nothing).
/// `log` receives the internals of a 500 so they are not lost.
[[nodiscard]] response error_response(std::exception_ptr failure, const std::function<void(std::string_view)>& log);

/// The refusal of a request target that does not parse as a path and query
/// (`invalid_argument`, so a 400).
[[nodiscard]] error unparsable_target();

/// An error body built from parts (for refusals made before a handler runs).
[[nodiscard]] response error_response(http::status status, std::string_view code, std::string_view detail);

} // namespace helpdesk::server
