#pragma once

#include <boost/beast/http/status.hpp>
#include <boost/json/value.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace helpdesk::server {

namespace http = boost::beast::http;

/// What a handler answers; the session turns it into a Beast response and
/// adds the headers every response carries.
struct response {
    http::status status = http::status::ok;
    std::string body{};
    std::string content_type = "application/json";
    std::vector<std::pair<std::string, std::string>> headers{};
    bool cacheable = false; ///< false adds `Cache-Control: no-store`
    /// Replaces the API's `Content-Security-Policy` when set (the console's HTML pages).
    std::string security_policy{};
};

/// A JSON response with `status`.
[[nodiscard]] response json_response(const boost::json::value& body, http::status status = http::status::ok);

/// A response without a body (204 and friends).
[[nodiscard]] response empty_response(http::status status = http::status::no_content);

} // namespace helpdesk::server
