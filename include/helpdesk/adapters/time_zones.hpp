#pragma once

#include <helpdesk/ports/time_zones.hpp>

#include <memory>

namespace helpdesk::tz {

/// The IANA time-zone database of the operating system (Debian's `tzdata`,
/// under /usr/share/zoneinfo), read through Howard Hinnant's date/tz: every
/// zone and link name, with its daylight-saving rules. Thread-safe.
[[nodiscard]] std::shared_ptr<time_zones> system_time_zones();

} // namespace helpdesk::tz
