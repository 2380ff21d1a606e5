#pragma once

#include <helpdesk/services/paging.hpp>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>

/// The envelopes around a list's rows. Each object uses the storage of its `results`.
namespace helpdesk::wire {

/// An HTTP page: `{"count", "next", "previous", "results"}`, with `next` and
/// `previous` the links the server made (null when there is none).
[[nodiscard]] boost::json::object page_json(boost::json::array results, std::optional<std::int64_t> count,
                                            const std::optional<std::string>& next,
                                            const std::optional<std::string>& previous);

/// A page of the C ABI: `{"count", "next_cursor", "has_next", "has_previous", "results"}`.
[[nodiscard]] boost::json::object cursor_page_json(boost::json::array results, const page_info& page);

} // namespace helpdesk::wire
