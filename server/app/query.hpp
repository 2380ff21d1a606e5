#pragma once

#include "app/call.hpp"

#include <wire/query_parameters.hpp>

namespace helpdesk::server {

/// The query parameters of `c`'s URL, decoded and in order, for the wire
/// layer's list readers.
[[nodiscard]] wire::query_parameters url_query(const call& c);

} // namespace helpdesk::server
