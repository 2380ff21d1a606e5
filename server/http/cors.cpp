#include "http/cors.hpp"

#include <boost/beast/core/string.hpp>

#include <array>
#include <optional>

namespace helpdesk::server {
namespace {

constexpr std::array<std::string_view, 6> safe_headers = {"Authorization", "Content-Type",  "If-Match",
                                                          "Idempotency-Key", "X-API-Key", "X-Helpdesk-Session"};
constexpr std::string_view safe_headers_value =
    "Authorization, Content-Type, If-Match, Idempotency-Key, X-API-Key, X-Helpdesk-Session";

char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

struct origin_parts {
    std::string_view scheme;
    std::string_view host;
    std::string_view port; // empty for the scheme's default port

    bool operator==(const origin_parts& o) const noexcept {
        return boost::beast::iequals(scheme, o.scheme) && boost::beast::iequals(host, o.host) && port == o.port;
    }
};

// A serialised origin as browsers send it (RFC 6454 §6.2): http(s)://host[:port] with nothing after. Anything
// else (including "null", paths, userinfo, stray characters that could break a header line) is not an origin.
std::optional<origin_parts> parse_origin(std::string_view text) noexcept {
    const auto sep = text.find("://");
    if (sep == std::string_view::npos) return std::nullopt;
    origin_parts o;
    o.scheme = text.substr(0, sep);
    const bool https = boost::beast::iequals(o.scheme, "https");
    if (!https && !boost::beast::iequals(o.scheme, "http")) return std::nullopt;
    auto authority = text.substr(sep + 3);
    if (authority.empty()) return std::nullopt;
    std::string_view port;
    if (authority.front() == '[') {
        const auto close = authority.find(']');
        if (close == std::string_view::npos || close == 1) return std::nullopt;
        for (const char c : authority.substr(1, close - 1))
            if (!((c >= '0' && c <= '9') || (lower(c) >= 'a' && lower(c) <= 'f') || c == ':' || c == '.'))
                return std::nullopt;
        o.host = authority.substr(0, close + 1);
        const auto rest = authority.substr(close + 1);
        if (!rest.empty()) {
            if (rest.front() != ':') return std::nullopt;
            port = rest.substr(1);
            if (port.empty()) return std::nullopt;
        }
    } else {
        const auto colon = authority.find(':');
        o.host = authority.substr(0, colon);
        if (colon != std::string_view::npos) {
            port = authority.substr(colon + 1);
            if (port.empty()) return std::nullopt;
        }
        if (o.host.empty() || o.host.front() == '.' || o.host.front() == '-') return std::nullopt;
        for (const char c : o.host) {
            const char l = lower(c);
            if (!((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') || l == '-' || l == '.')) return std::nullopt;
        }
    }
    if (!port.empty()) {
        if (port.size() > 5 || port.front() == '0') return std::nullopt;
        unsigned value = 0;
        for (const char c : port) {
            if (c < '0' || c > '9') return std::nullopt;
            value = value * 10 + static_cast<unsigned>(c - '0');
        }
        if (value == 0 || value > 65535) return std::nullopt;
        if ((https && port == "443") || (!https && port == "80")) port = {};
    }
    o.port = port;
    return o;
}

bool origin_listed(const cors_policy& p, std::string_view origin) noexcept {
    const auto request = parse_origin(origin);
    if (!request) return false;
    for (const auto& entry : p.allowed_origins) {
        const auto allowed = parse_origin(entry);
        if (allowed && *allowed == *request) return true;
    }
    return false;
}

void add_vary(cors_headers& out) { out.headers.emplace_back("Vary", "Origin"); }

void add_allow_origin(cors_headers& out, std::string_view origin) {
    out.origin_allowed = true;
    out.headers.emplace_back("Access-Control-Allow-Origin", std::string(origin));
    out.headers.emplace_back("Access-Control-Allow-Credentials", "true");
}

bool safe_header(std::string_view name) noexcept {
    for (const auto safe : safe_headers)
        if (boost::beast::iequals(name, safe)) return true;
    return false;
}

bool all_headers_safe(std::string_view list) noexcept {
    while (!list.empty()) {
        const auto comma = list.find(',');
        auto item = list.substr(0, comma);
        list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
        while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
        while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
        if (!item.empty() && !safe_header(item)) return false;
    }
    return true;
}

} // namespace

bool origin_allowed(const cors_policy& p, std::string_view origin) noexcept {
    return origin_listed(p, origin);
}

bool same_origin(std::string_view a, std::string_view b) noexcept {
    const auto left = parse_origin(a);
    const auto right = parse_origin(b);
    return left && right && *left == *right;
}

cors_headers cors_for_request(const cors_policy& p, std::string_view origin) {
    cors_headers out;
    if (origin_listed(p, origin)) {
        add_allow_origin(out, origin);
        // Browser code may read these across origins (versions for If-Match,
        // waits after a 429, file names of downloads).
        out.headers.emplace_back("Access-Control-Expose-Headers", "ETag, Retry-After, Content-Disposition");
    }
    add_vary(out);
    return out;
}

cors_headers cors_for_preflight(const cors_policy& p, std::string_view origin, std::string_view request_method,
                                std::string_view request_headers, std::span<const std::string_view> allowed_methods) {
    cors_headers out;
    bool method_ok = false;
    for (const auto m : allowed_methods)
        if (!request_method.empty() && m == request_method) method_ok = true;
    if (origin_listed(p, origin) && method_ok && all_headers_safe(request_headers)) {
        add_allow_origin(out, origin);
        std::string methods;
        for (const auto m : allowed_methods) {
            if (!methods.empty()) methods.append(", ");
            methods.append(m);
        }
        out.headers.emplace_back("Access-Control-Allow-Methods", std::move(methods));
        out.headers.emplace_back("Access-Control-Allow-Headers", std::string(safe_headers_value));
        out.headers.emplace_back("Access-Control-Max-Age", std::to_string(p.max_age.count()));
    }
    add_vary(out);
    return out;
}

} // namespace helpdesk::server
