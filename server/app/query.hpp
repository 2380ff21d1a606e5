#pragma once

#include "app/call.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace helpdesk::server {

/// The last value of query parameter `name`, decoded; nullopt when absent.
[[nodiscard]] std::optional<std::string> query_text(const call& c, std::string_view name);
/// Every value of a repeatable parameter (`?status=Open&status=New`), also
/// splitting comma-separated values.
[[nodiscard]] std::vector<std::string> query_all(const call& c, std::string_view name);
/// An integer parameter, `fallback` when absent; anything else is
/// invalid_argument naming the parameter.
[[nodiscard]] std::int64_t query_int(const call& c, std::string_view name, std::int64_t fallback);
/// A positive id parameter, nullopt when absent.
[[nodiscard]] std::optional<std::int64_t> query_id(const call& c, std::string_view name);

} // namespace helpdesk::server
