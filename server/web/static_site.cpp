#include "web/static_site.hpp"

#include "http/ows.hpp"
#include "web/console_path.hpp"
#include "web/content_types.hpp"

#include <helpdesk/error.hpp>

#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>
#include <vector>

namespace helpdesk::server {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view immutable = "public, max-age=31536000, immutable";
constexpr std::string_view revalidate = "no-cache";

[[noreturn]] void not_built() {
    throw error(errc::not_found, "The web console is not built on this server (no index.html in its folder): build "
                                 "it with the project, or start helpdesk-server with --web-root DIR.");
}

[[noreturn]] void no_such_file() {
    throw error(errc::not_found, "No such file.");
}

// `candidate` resolved through every symbolic link, when it is a regular file
// inside `root` (already canonical); nullopt otherwise.
std::optional<fs::path> contained_file(const fs::path& root, const fs::path& candidate) {
    std::error_code ec;
    auto real = fs::canonical(candidate, ec);
    if (ec || !fs::is_regular_file(real, ec) || ec) {
        return std::nullopt;
    }
    const auto relative = real.lexically_relative(root);
    if (relative.empty() || relative.native().starts_with("..") || relative.is_absolute()) {
        return std::nullopt;
    }
    return real;
}

std::string etag_of(const fs::path& file) {
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    const auto modified = fs::last_write_time(file, ec).time_since_epoch().count();
    std::ostringstream tag;
    tag << "W/\"" << std::hex << size << "-" << static_cast<unsigned long long>(modified) << "\"";
    return tag.str();
}

// RFC 9110 §13.1.2: weak comparison against each listed tag, or `*`.
bool matches(std::string_view header, std::string_view etag) {
    const auto opaque = [](std::string_view tag) {
        tag = trim_ows(tag);
        if (tag.starts_with("W/")) {
            tag.remove_prefix(2);
        }
        return tag;
    };
    while (!header.empty()) {
        const auto comma = header.find(',');
        const auto item = opaque(header.substr(0, comma));
        header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
        if (item == "*" || item == opaque(etag)) {
            return true;
        }
    }
    return false;
}

response file_response(const fs::path& file, std::string_view cache, std::optional<std::string_view> if_none_match) {
    response r;
    r.cacheable = true;
    const auto etag = etag_of(file);
    r.headers.emplace_back("Cache-Control", std::string{cache});
    r.headers.emplace_back("ETag", etag);
    // Set before the 304 too: browsers copy a 304's headers into the cached
    // response, so a 304 carrying the API's `default-src 'none'` would blank
    // the page on every revisit.
    const auto name = file.filename().string();
    if (is_html(name)) {
        r.security_policy = std::string{console_security_policy};
    }
    if (if_none_match && matches(*if_none_match, etag)) {
        r.status = http::status::not_modified;
        r.content_type.clear();
        return r;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        no_such_file();
    }
    r.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    r.content_type = std::string{content_type_for(name)};
    return r;
}

} // namespace

static_site::static_site(std::optional<fs::path> root) : root_(std::move(root)) {}

bool static_site::built() const {
    std::error_code ec;
    return root_ && fs::is_regular_file(*root_ / "index.html", ec);
}

response static_site::answer(std::string_view encoded_path, std::optional<std::string_view> if_none_match) const {
    // Refusals first, whether or not anything is built: the answer to a
    // traversal attempt never depends on what is on disk.
    const auto segments = console_segments(encoded_path);
    if (!root_) {
        not_built();
    }
    std::error_code ec;
    const auto root = fs::canonical(*root_, ec);
    if (ec) {
        not_built();
    }
    const auto index = [&]() {
        const auto page = contained_file(root, root / "index.html");
        if (!page) {
            not_built();
        }
        return file_response(*page, revalidate, if_none_match);
    };
    if (segments.empty()) {
        return index();
    }
    fs::path candidate = root;
    for (const auto& s : segments) {
        candidate /= s;
    }
    const bool asset = segments.front() == "assets";
    if (const auto file = contained_file(root, candidate)) {
        return file_response(*file, asset ? immutable : revalidate, if_none_match);
    }
    // A client route (`/tickets/TX0001`) gets the page; a missing file, or
    // anything under /assets/, is a plain 404 so a stale page never loads
    // HTML as a script.
    if (asset || segments.back().find('.') != std::string::npos) {
        no_such_file();
    }
    return index();
}

} // namespace helpdesk::server
