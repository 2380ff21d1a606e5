#pragma once

#include <string>
#include <string_view>

namespace helpdesk::postgres::detail {

/// Checks a store URL and returns it in the form libpq takes: the scheme
/// `postgresql://` or `postgres://` (case-insensitive, given to libpq in lower
/// case) followed by whatever libpq's URI parser accepts (user, password,
/// hosts, port, database, `?key=value` connection parameters). Refuses other
/// schemes (including libpq's `key=value` strings), NUL bytes and anything
/// libpq cannot parse, with `error{invalid_argument}`.
[[nodiscard]] std::string normalize_url(std::string_view url);

} // namespace helpdesk::postgres::detail
