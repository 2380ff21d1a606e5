#pragma once

#include <string>
#include <string_view>
#include <variant>

namespace helpdesk::webhook::detail {

/// A checked webhook URL.
struct endpoint {
    std::string url{};    ///< as libcurl normalised it; what is requested
    std::string origin{}; ///< `scheme://host[:port]` only, for error texts (paths and queries may hold tokens)
};

/// Parses `url` with libcurl's URL parser: it must be absolute, `http` or
/// `https`, and name a host. Returns the endpoint, or a sentence saying what
/// is wrong (a field error message). Throws `error{internal}` only when libcurl
/// cannot allocate. Thread-safe.
[[nodiscard]] std::variant<endpoint, std::string> parse_endpoint(std::string_view url);

} // namespace helpdesk::webhook::detail
