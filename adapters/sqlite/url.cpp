#include "url.hpp"

#include <helpdesk/error.hpp>

#include <algorithm>
#include <cctype>

namespace helpdesk::sqlite::detail {

namespace {

[[nodiscard]] bool starts_with_nocase(std::string_view text, std::string_view prefix) noexcept {
    return text.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
           });
}

[[noreturn]] void refuse(std::string_view why) {
    throw error{errc::invalid_argument,
                "invalid SQLite URL (" + std::string{why} +
                    "); expected sqlite:///absolute/path.db, sqlite://relative/path.db or sqlite::memory:",
                {{"url", {std::string{why}}}}};
}

} // namespace

database_location parse_url(std::string_view url) {
    constexpr std::string_view memory = "sqlite::memory:";
    constexpr std::string_view file = "sqlite://";
    if (url.size() == memory.size() && starts_with_nocase(url, memory)) {
        return {.path = {}, .in_memory = true};
    }
    if (!starts_with_nocase(url, file)) {
        refuse("unknown scheme");
    }
    const std::string_view path = url.substr(file.size());
    if (path.empty() || path == "/") {
        refuse("empty path");
    }
    if (path.find_first_of(std::string_view{"?#\0", 3}) != std::string_view::npos) {
        refuse("query, fragment or NUL in path");
    }
    // Names SQLite would not treat as a plain file name.
    if (path == ":memory:" || starts_with_nocase(path, "file:") || path.back() == '/') {
        refuse("not a file path");
    }
    return {.path = std::string{path}, .in_memory = false};
}

} // namespace helpdesk::sqlite::detail
