#pragma once

#include <string>

namespace helpdesk::server {

/// `docs/api.md`: every route of the table with its method, path, who may
/// call it (`describe_callers`), summary, query parameters and success
/// status, grouped by tag in table order. `helpdesk-server routes
/// --markdown` prints it; a test compares it with the committed page.
[[nodiscard]] std::string route_reference_markdown();

/// One line per route: method, path and who may call it
/// (`helpdesk-server routes`).
[[nodiscard]] std::string route_list_text();

} // namespace helpdesk::server
