#pragma once

#include <helpdesk/time.hpp>

#include <chrono>
#include <memory>
#include <string_view>

namespace helpdesk {

/// A stretch of time over which a zone's offset from UTC does not change:
/// local wall-clock time is `UTC + offset` for every instant in [begin, end).
struct zone_period {
    time_point begin{};             ///< the first instant (far past when unknown)
    time_point end{};               ///< the first instant after (far future when none)
    std::chrono::seconds offset{0}; ///< added to UTC to get local time
};

/// A time-zone database: which zones exist and their offsets over time
/// (daylight-saving changes included). The core has no database of its own;
/// adapters bring one. Implementations must be thread-safe.
class time_zones {
public:
    virtual ~time_zones() = default;
    /// True when `zone` names a zone of the database (an IANA name such as
    /// `Europe/Berlin`, or `UTC`).
    [[nodiscard]] virtual bool knows(std::string_view zone) const = 0;
    /// The period of `zone` that contains `t`. Throws `error{invalid_argument}`
    /// for a zone the database does not know.
    [[nodiscard]] virtual zone_period period_at(std::string_view zone, time_point t) const = 0;
};

/// A database of one zone, `UTC`: the default of an engine built without a
/// time-zone adapter (helpdesk/adapters/time_zones.hpp has the IANA one).
[[nodiscard]] std::shared_ptr<time_zones> utc_time_zones();

} // namespace helpdesk
