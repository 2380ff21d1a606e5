#pragma once

#include "app/app.hpp"

#include <helpdesk/ids.hpp>

#include <chrono>
#include <cstddef>
#include <optional>
#include <string_view>

namespace helpdesk::server {

/// One finished request as the access log sees it. The path never carries
/// its query (signed-URL signatures stay out of logs); no header is logged.
struct access_record {
    std::string_view client;
    std::string_view method;
    std::string_view path;
    unsigned status = 0;
    std::chrono::nanoseconds duration{};
    std::size_t response_bytes = 0;
    std::optional<account_id> actor{};
};

/// Writes the record as one JSON or text line to the app's log sink.
void write_access_log(const app& a, const access_record& r);

} // namespace helpdesk::server
