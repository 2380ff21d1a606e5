#include "web/console_path.hpp"

#include <helpdesk/error.hpp>

#include <array>

namespace helpdesk::server {

namespace {

[[noreturn]] void malformed() {
    throw error(errc::invalid_argument, "The path is not valid.");
}

[[noreturn]] void missing() {
    throw error(errc::not_found, "No such file.");
}

int hex_digit(char c) noexcept {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

bool control(unsigned char c) noexcept { return c < 0x20 || c == 0x7F; }

// One encoded segment, decoded; refuses what could change the path's meaning
// once decoded (a dot, a separator, NUL) as well as anything malformed.
std::string decode(std::string_view encoded) {
    std::string out;
    out.reserve(encoded.size());
    for (std::size_t i = 0; i < encoded.size(); ++i) {
        const char c = encoded[i];
        if (c == '\\' || control(static_cast<unsigned char>(c))) {
            malformed();
        }
        if (c != '%') {
            out.push_back(c);
            continue;
        }
        if (i + 2 >= encoded.size()) {
            malformed();
        }
        const int high = hex_digit(encoded[i + 1]);
        const int low = hex_digit(encoded[i + 2]);
        if (high < 0 || low < 0) {
            malformed();
        }
        const auto byte = static_cast<unsigned char>(high * 16 + low);
        if (byte == '.' || byte == '/' || byte == '\\' || control(byte)) {
            malformed();
        }
        out.push_back(static_cast<char>(byte));
        i += 2;
    }
    return out;
}

std::string_view first_segment(std::string_view path) noexcept {
    if (path.starts_with('/')) {
        path.remove_prefix(1);
    }
    return path.substr(0, path.find('/'));
}

} // namespace

bool is_server_path(std::string_view encoded_path) noexcept {
    constexpr std::array<std::string_view, 4> reserved = {"api", "healthz", "readyz", "metrics"};
    const auto first = first_segment(encoded_path);
    for (const auto name : reserved) {
        if (first == name) {
            return true;
        }
    }
    return false;
}

std::vector<std::string> console_segments(std::string_view encoded_path) {
    if (!encoded_path.starts_with('/')) {
        malformed();
    }
    encoded_path.remove_prefix(1);
    std::vector<std::string> out;
    while (!encoded_path.empty()) {
        const auto slash = encoded_path.find('/');
        const auto encoded = encoded_path.substr(0, slash);
        const bool last = slash == std::string_view::npos;
        encoded_path = last ? std::string_view{} : encoded_path.substr(slash + 1);
        if (encoded.empty()) {
            if (encoded_path.empty() && !last) {
                break; // a trailing slash
            }
            missing(); // `//` inside a path
        }
        auto segment = decode(encoded);
        if (segment.starts_with('.')) {
            missing(); // `.`, `..` and dot files are never served
        }
        out.push_back(std::move(segment));
    }
    return out;
}

} // namespace helpdesk::server
