#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace helpdesk::server {

/// Whether a request path belongs to the server itself rather than the web
/// console: its first segment is `api`, `healthz`, `readyz` or `metrics`.
/// Such paths keep their JSON (or text) answers and are never given the
/// console's `index.html`. Pure; thread-safe.
[[nodiscard]] bool is_server_path(std::string_view encoded_path) noexcept;

/// The decoded segments of a console path (`/` gives none; a trailing slash
/// adds nothing), each safe to append to the web root: no `.` or `..`, no
/// dot files, no separators or control bytes. Throws `error{invalid_argument}`
/// for a path that hides something in an escape (`%2e`, `%2f`, `%5c`, `%00`,
/// any control byte) or contains a backslash, a control byte or a malformed
/// escape, and `error{not_found}` for `.`/`..` segments, dot files and empty
/// inner segments (`//`). Pure; thread-safe.
[[nodiscard]] std::vector<std::string> console_segments(std::string_view encoded_path);

} // namespace helpdesk::server
