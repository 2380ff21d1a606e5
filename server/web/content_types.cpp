#include "web/content_types.hpp"

#include <boost/beast/core/string.hpp>

#include <array>
#include <utility>

namespace helpdesk::server {

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 20> types{{
    {"html", "text/html; charset=utf-8"},
    {"htm", "text/html; charset=utf-8"},
    {"js", "text/javascript; charset=utf-8"},
    {"mjs", "text/javascript; charset=utf-8"},
    {"css", "text/css; charset=utf-8"},
    {"svg", "image/svg+xml"},
    {"png", "image/png"},
    {"jpg", "image/jpeg"},
    {"jpeg", "image/jpeg"},
    {"gif", "image/gif"},
    {"webp", "image/webp"},
    {"ico", "image/x-icon"},
    {"json", "application/json"},
    {"woff", "font/woff"},
    {"woff2", "font/woff2"},
    {"txt", "text/plain; charset=utf-8"},
    {"map", "application/json"},
    {"webmanifest", "application/manifest+json"},
    {"wasm", "application/wasm"},
    {"xml", "application/xml"},
}};

std::string_view extension(std::string_view file_name) noexcept {
    const auto slash = file_name.rfind('/');
    if (slash != std::string_view::npos) {
        file_name.remove_prefix(slash + 1);
    }
    const auto dot = file_name.rfind('.');
    return dot == std::string_view::npos || dot == 0 ? std::string_view{} : file_name.substr(dot + 1);
}

} // namespace

std::string_view content_type_for(std::string_view file_name) noexcept {
    const auto ext = extension(file_name);
    for (const auto& [name, type] : types) {
        if (boost::beast::iequals(ext, name)) {
            return type;
        }
    }
    return "application/octet-stream";
}

bool is_html(std::string_view file_name) noexcept {
    const auto ext = extension(file_name);
    return boost::beast::iequals(ext, "html") || boost::beast::iequals(ext, "htm");
}

} // namespace helpdesk::server
