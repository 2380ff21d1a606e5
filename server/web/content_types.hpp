#pragma once

#include <string_view>

namespace helpdesk::server {

/// The `Content-Type` for a console file, by its name's extension (case
/// insensitive): html/htm, js, mjs, css, svg, png, jpg/jpeg, gif, webp, ico,
/// json, woff, woff2, txt, map, webmanifest, wasm. Text types carry
/// `charset=utf-8`. Anything else is `application/octet-stream` (which,
/// with `nosniff`, a browser will not run). Pure; thread-safe.
[[nodiscard]] std::string_view content_type_for(std::string_view file_name) noexcept;

/// Whether the file is an HTML page (it gets the console's CSP).
[[nodiscard]] bool is_html(std::string_view file_name) noexcept;

} // namespace helpdesk::server
