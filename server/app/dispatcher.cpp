#include "app/dispatcher.hpp"

#include "app/call.hpp"
#include "app/error_response.hpp"
#include "app/http_failure.hpp"
#include "app/route_table.hpp"
#include "app/session_cookie.hpp"
#include "auth/jwt.hpp"
#include "auth/signed_url.hpp"
#include "http/ows.hpp"
#include "web/console_path.hpp"

#include <helpdesk/error.hpp>

#include <boost/url/parse.hpp>

#include <openssl/crypto.h>

#include <boost/asio/ip/address.hpp>
#include <boost/beast/core/string.hpp>

#include <algorithm>
#include <charconv>
#include <vector>

namespace helpdesk::server {

namespace {

namespace beast_http = boost::beast::http;

error unparsable_target() {
    return error(errc::invalid_argument, "The request target is not a valid path.");
}

bool equal_secret(std::string_view a, std::string_view b) noexcept {
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::optional<std::string_view> bearer_token(const call& c) {
    const auto value = c.header("Authorization");
    if (!value) {
        return std::nullopt;
    }
    constexpr std::string_view scheme = "Bearer ";
    if (value->size() <= scheme.size() || !boost::beast::iequals(value->substr(0, scheme.size()), scheme)) {
        throw error(errc::unauthenticated, "The Authorization header must be `Bearer <token>`.");
    }
    return value->substr(scheme.size());
}

void authenticate_bearer(call& c) {
    const auto token = bearer_token(c);
    if (!token) {
        throw error(errc::unauthenticated, "Sign in first: this needs a bearer token.");
    }
    const auto claims = jwt_verify(*token, c.ctx.options.jwt_secret, "access", unix_now());
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(claims.sub.data(), claims.sub.data() + claims.sub.size(), id);
    if (ec != std::errc{} || end != claims.sub.data() + claims.sub.size() || id <= 0) {
        throw error(errc::unauthenticated, "The token's subject is not an account.");
    }
    c.who = caller{id, claims.sid};
}

void authenticate(call& c, const route& r) {
    switch (r.who) {
    case access::anyone: return;
    case access::bearer: authenticate_bearer(c); return;
    case access::bearer_or_cookie: {
        if (!cookie_mode(c)) {
            authenticate_bearer(c);
            return;
        }
        // The cookie alone suffices; a stale or bad bearer is no reason to
        // keep a session the person is trying to end.
        try {
            authenticate_bearer(c);
        } catch (const error& e) {
            if (e.code() != errc::unauthenticated) {
                throw;
            }
        }
        return;
    }
    case access::signed_url: {
        auto param = [&](std::string_view name) -> std::string {
            const auto it = c.url.params().find(name);
            return it == c.url.params().end() ? std::string{} : std::string{(*it).value};
        };
        const auto user = verify_signed_url(c.url.path(), param("u"), param("exp"), param("sig"), unix_now(),
                                            c.ctx.options.jwt_secret);
        if (!user) {
            throw error(errc::unauthenticated, "The link is invalid or has expired; fetch a fresh one.");
        }
        c.who = caller{*user, {}};
        return;
    }
    case access::api_key: {
        // Looked up by its SHA-256 (an index probe on the hash, so no secret
        // is compared here); unknown and revoked keys are refused alike.
        const auto presented = c.header("X-API-Key");
        auto key = presented ? c.ctx.core.api_keys().authenticate(*presented) : std::nullopt;
        if (!key) {
            throw error(errc::unauthenticated, "A valid X-API-Key header is required.");
        }
        c.key = std::move(key);
        return;
    }
    case access::metrics: {
        if (!c.ctx.options.metrics_token) {
            return;
        }
        const auto token = bearer_token(c);
        if (!token || !equal_secret(*token, *c.ctx.options.metrics_token)) {
            throw error(errc::unauthenticated, "The metrics need their bearer token.");
        }
        return;
    }
    }
}

// `m.allow` lists the path's methods; a preflight may ask for those, HEAD
// where GET is served, and OPTIONS.
response preflight(const app& a, const call& c, const route_match& m) {
    const auto origin = c.header("Origin").value_or("");
    const auto method = c.header("Access-Control-Request-Method").value_or("");
    const auto headers = c.header("Access-Control-Request-Headers").value_or("");
    if (origin.empty() || method.empty()) {
        // Not a CORS preflight: a plain OPTIONS answers which methods exist.
        auto r = empty_response(beast_http::status::no_content);
        r.headers.emplace_back("Allow", m.allow.empty() ? "OPTIONS" : m.allow + ", OPTIONS");
        return r;
    }
    std::vector<std::string_view> methods;
    std::string_view rest = m.allow;
    while (!rest.empty()) {
        const auto comma = rest.find(", ");
        methods.push_back(rest.substr(0, comma));
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 2);
    }
    if (std::find(methods.begin(), methods.end(), "GET") != methods.end()) {
        methods.emplace_back("HEAD");
    }
    methods.emplace_back("OPTIONS");
    const auto cors = cors_for_preflight(a.cors, origin, method, headers, methods);
    auto r = empty_response(cors.origin_allowed ? beast_http::status::no_content : beast_http::status::forbidden);
    for (const auto& h : cors.headers) {
        r.headers.push_back(h);
    }
    return r;
}

} // namespace

bool refusal_needs_store(const beast_http::request<beast_http::string_body>& header) {
    const auto target = std::string_view{header.target().data(), header.target().size()};
    const auto parsed = boost::urls::parse_origin_form(target);
    if (!parsed) {
        return false;
    }
    const auto m = match_route(header.method(), parsed->encoded_path());
    return m.found && m.found->who == access::api_key;
}

std::optional<response> refuse_target(const app& a, const beast_http::request<beast_http::string_body>& header) {
    const auto target = std::string_view{header.target().data(), header.target().size()};
    if (boost::urls::parse_origin_form(target)) {
        return std::nullopt;
    }
    auto r = error_response(std::make_exception_ptr(unparsable_target()), a.log);
    add_standard_headers(a, r);
    return r;
}

std::optional<response> refuse_before_body(app& a, const beast_http::request<beast_http::string_body>& header) {
    if (auto refused = refuse_target(a, header)) {
        return refused;
    }
    const auto target = std::string_view{header.target().data(), header.target().size()};
    const auto parsed = boost::urls::parse_origin_form(target);
    const auto m = match_route(header.method(), parsed->encoded_path());
    if (!m.found || (m.found->who != access::bearer && m.found->who != access::api_key)) {
        return std::nullopt;
    }
    call c{a, header, *parsed};
    try {
        authenticate(c, *m.found);
        return std::nullopt;
    } catch (...) {
        auto r = error_response(std::current_exception(), a.log);
        add_standard_headers(a, r);
        return r;
    }
}

std::string client_address(const app& a, const beast_http::request<beast_http::string_body>& req,
                           const std::string& peer) {
    const auto& trusted = a.options.trusted_proxies;
    const auto is_trusted = [&](std::string_view address) {
        return std::find(trusted.begin(), trusted.end(), address) != trusted.end();
    };
    if (trusted.empty() || !is_trusted(peer)) {
        return peer;
    }
    // Walk the chain from the nearest hop back; the first untrusted address
    // is the client as our own proxies saw it (earlier entries are the
    // client's word, which anyone can forge).
    std::string client = peer;
    // Several X-Forwarded-For headers read as one list, in order.
    std::string list;
    for (const auto& f : req) {
        if (boost::beast::iequals(f.name_string(), "X-Forwarded-For")) {
            if (!list.empty()) {
                list += ',';
            }
            list += std::string_view{f.value().data(), f.value().size()};
        }
    }
    std::string_view rest = list;
    while (!rest.empty()) {
        const auto comma = rest.rfind(',');
        auto item = comma == std::string_view::npos ? rest : rest.substr(comma + 1);
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(0, comma);
        item = trim_ows(item);
        boost::system::error_code ec;
        (void)boost::asio::ip::make_address(std::string{item}, ec);
        if (item.empty() || ec) {
            break; // malformed: stop at the last address we could trust
        }
        client = std::string{item};
        if (!is_trusted(item)) {
            break;
        }
    }
    return client;
}

std::size_t body_limit(const app& a, beast_http::verb method, std::string_view target) {
    const auto parsed = boost::urls::parse_origin_form(target);
    if (!parsed) {
        return a.options.max_json_body_bytes;
    }
    const auto m = match_route(method, parsed->encoded_path());
    if (m.found && m.found->body == body_kind::upload) {
        return a.options.max_upload_body_bytes;
    }
    return a.options.max_json_body_bytes;
}

void add_standard_headers(const app& a, response& res) {
    res.headers.emplace_back("X-Content-Type-Options", "nosniff");
    res.headers.emplace_back("Referrer-Policy", "no-referrer");
    res.headers.emplace_back("X-Frame-Options", "DENY");
    res.headers.emplace_back("Content-Security-Policy", res.security_policy.empty()
                                                            ? std::string{"default-src 'none'; frame-ancestors 'none'"}
                                                            : res.security_policy);
    if (!res.cacheable) {
        res.headers.emplace_back("Cache-Control", "no-store");
    }
    if (a.options.tls_certificate_file) {
        res.headers.emplace_back("Strict-Transport-Security", "max-age=31536000");
    }
}

outcome dispatch(app& a, const beast_http::request<beast_http::string_body>& req, std::string client) {
    outcome out;
    out.route_index = unmatched_route_index();
    out.client = client;
    const auto target = std::string_view{req.target().data(), req.target().size()};
    const auto parsed = boost::urls::parse_origin_form(target);
    const bool head = req.method() == beast_http::verb::head;
    const auto method = head ? beast_http::verb::get : req.method();
    try {
        if (!parsed) {
            throw unparsable_target();
        }
        call c{a, req, *parsed};
        c.client = client_address(a, req, client);
        out.client = c.client;
        if (req.method() == beast_http::verb::options) {
            route_match m;
            for (const auto v : {beast_http::verb::get, beast_http::verb::post, beast_http::verb::patch,
                                 beast_http::verb::delete_}) {
                if (match_route(v, parsed->encoded_path()).found) {
                    m.allow += (m.allow.empty() ? "" : ", ") + std::string{beast_http::to_string(v)};
                }
            }
            out.res = preflight(a, c, m);
        } else {
            auto m = match_route(method, parsed->encoded_path());
            if (!m.found && m.allow.empty() && method == beast_http::verb::get &&
                !is_server_path(parsed->encoded_path())) {
                // The web console: its files, and index.html for client routes.
                out.route_index = console_route_index();
                out.res = a.console.answer(parsed->encoded_path(), c.header("If-None-Match"));
            } else if (!m.found) {
                if (!m.allow.empty()) {
                    throw http_failure(beast_http::status::method_not_allowed, "method_not_allowed",
                                       "This path does not take " + std::string{beast_http::to_string(req.method())} + ".",
                                       {{"Allow", m.allow}});
                }
                throw error(errc::not_found, "No such endpoint.");
            } else {
                out.route_index = m.index;
                c.params = std::move(m.params);
                authenticate(c, *m.found);
                if (c.who) {
                    out.actor = c.who->id;
                }
                out.res = m.found->handle(c);
            }
        }
    } catch (...) {
        out.res = error_response(std::current_exception(), a.log);
        if (out.res.status == beast_http::status::service_unavailable ||
            out.res.status == beast_http::status::internal_server_error) {
            a.counters.count_store_error();
        }
    }
    if (const auto origin = req.find(beast_http::field::origin); origin != req.end() && req.method() != beast_http::verb::options) {
        for (auto& h : cors_for_request(a.cors, std::string_view{origin->value().data(), origin->value().size()}).headers) {
            out.res.headers.push_back(std::move(h));
        }
    }
    add_standard_headers(a, out.res);
    return out;
}

} // namespace helpdesk::server
