#pragma once

#include <helpdesk/time.hpp>

#include <boost/json/storage_ptr.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>

/// The JSON form of optional values: null when absent.
namespace helpdesk::wire {

/// JSON null or the text.
[[nodiscard]] boost::json::value optional_text(const std::optional<std::string>& text, boost::json::storage_ptr sp = {});
/// JSON null or the time in RFC 3339 UTC.
[[nodiscard]] boost::json::value optional_time(const std::optional<time_point>& t, boost::json::storage_ptr sp = {});
/// JSON null or the number.
[[nodiscard]] boost::json::value optional_number(const std::optional<std::int64_t>& n, boost::json::storage_ptr sp = {});

} // namespace helpdesk::wire
