#include "app/session_cookie.hpp"

#include "http/cors.hpp"
#include "http/ows.hpp"

#include <helpdesk/error.hpp>

#include <boost/beast/core/string.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/url/parse.hpp>

namespace helpdesk::server {

namespace {

bool secure(const app& a) {
    return a.options.tls_certificate_file.has_value() ||
           (a.options.public_url && boost::beast::iequals(a.options.public_url->substr(0, 8), "https://"));
}

// `scheme://host[:port]` of a base URL (path, query and user info dropped);
// empty when it is not a URL.
std::string origin_of(std::string_view url) {
    const auto parsed = boost::urls::parse_uri(url);
    if (!parsed) {
        return {};
    }
    return std::string{parsed->scheme()} + "://" + std::string{parsed->encoded_host_and_port()};
}

std::string with_attributes(const app& a, std::string_view value, std::int64_t max_age) {
    return std::string{refresh_cookie_name} + "=" + std::string{value} +
           "; Path=/api/token/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age) +
           (secure(a) ? "; Secure" : "");
}

} // namespace

bool cookie_mode(const call& c) {
    const auto value = c.header(session_mode_header);
    if (!value) {
        return false;
    }
    if (!boost::beast::iequals(trim_ows(*value), "cookie")) {
        throw error(errc::invalid_argument, "X-Helpdesk-Session must be `cookie` (or absent).",
                    {{std::string{session_mode_header}, {"The only value is `cookie`."}}});
    }
    return true;
}

void check_cookie_origin(const call& c) {
    const auto origin = c.header("Origin");
    if (!origin) {
        return; // not a browser's cross-origin request (browsers send Origin on every POST)
    }
    const auto host = c.header("Host").value_or("");
    const std::string own = std::string{c.shared.options.tls_certificate_file ? "https://" : "http://"} + std::string{host};
    const bool ours = (!host.empty() && same_origin(*origin, own)) ||
                      (c.shared.options.public_url && same_origin(*origin, origin_of(*c.shared.options.public_url)));
    if (!ours && !origin_allowed(c.shared.cors, *origin)) {
        throw error(errc::permission_denied, "Cookie sessions are refused for requests from another site.");
    }
}

std::optional<std::string> refresh_cookie(const call& c) {
    // Every value is read: a second, different one means someone else wrote a
    // cookie of that name for this host (a sibling subdomain, or a network
    // attacker on plain http, with a more specific path). Taking the first
    // would let them sign the person in to their own session.
    std::optional<std::string> found;
    for (const auto& field : c.req) {
        if (field.name() != boost::beast::http::field::cookie) {
            continue;
        }
        std::string_view rest{field.value().data(), field.value().size()};
        while (!rest.empty()) {
            const auto semi = rest.find(';');
            const auto pair = trim_ows(rest.substr(0, semi));
            rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
            const auto eq = pair.find('=');
            if (eq == std::string_view::npos || trim_ows(pair.substr(0, eq)) != refresh_cookie_name) {
                continue;
            }
            auto value = trim_ows(pair.substr(eq + 1));
            if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
                value = value.substr(1, value.size() - 2);
            }
            if (value.empty()) {
                continue;
            }
            if (found && *found != value) {
                throw error(errc::unauthenticated, "Conflicting session cookies were sent: sign in again.");
            }
            found = std::string{value};
        }
    }
    return found;
}

std::string refresh_cookie_header(const app& a, std::string_view token) {
    return with_attributes(a, token, a.options.refresh_token_lifetime.count());
}

std::string cleared_cookie_header(const app& a) {
    return with_attributes(a, "", 0);
}

} // namespace helpdesk::server
