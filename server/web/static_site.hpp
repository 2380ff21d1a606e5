#pragma once

#include "app/response.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace helpdesk::server {

/// The Content-Security-Policy of the console's HTML pages: scripts, styles,
/// fonts and connections from the server only, no inline script or style
/// element, no plugins, no framing.
inline constexpr std::string_view console_security_policy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
    "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// The web console's built files under one folder, served read-only at `/`.
/// Files are read from disk on each request (on the caller's thread: the
/// server calls it on its worker pool), so a rebuilt console is served
/// without a restart. Thread-safe: it holds only the folder's path.
class static_site {
public:
    /// No console: every answer is the "not built" 404.
    static_site() = default;
    /// `root` is the folder holding `index.html` and `assets/`; unset means
    /// no console.
    explicit static_site(std::optional<std::filesystem::path> root);

    /// The folder, when one was given.
    [[nodiscard]] const std::optional<std::filesystem::path>& root() const noexcept { return root_; }
    /// Whether the folder holds an `index.html` now.
    [[nodiscard]] bool built() const;

    /// Answers a GET (or HEAD) of `encoded_path` (not a server path, see
    /// `is_server_path`): the file under the root with its content type, or,
    /// for a path whose last segment has no extension and that is not under
    /// `/assets/`, `index.html` (client routes). `/assets/*` are cached for a
    /// year as immutable, everything else `no-cache`; HTML pages carry
    /// `console_security_policy`. A weak ETag from size and modification time
    /// answers a matching `if_none_match` with 304. Throws `error{not_found}`
    /// for a missing file, a path that leaves the root (also through a
    /// symbolic link) or a console that is not built, and
    /// `error{invalid_argument}` for a malformed path (see `console_segments`).
    [[nodiscard]] response answer(std::string_view encoded_path, std::optional<std::string_view> if_none_match) const;

private:
    std::optional<std::filesystem::path> root_{};
};

} // namespace helpdesk::server
