#pragma once

#include <string_view>

namespace helpdesk::server {

/// `s` without the optional white space (spaces and tabs, RFC 9110 §5.6.3)
/// around it, as header values and their list items are read. Pure.
[[nodiscard]] constexpr std::string_view trim_ows(std::string_view s) noexcept {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
        s.remove_suffix(1);
    }
    return s;
}

} // namespace helpdesk::server
