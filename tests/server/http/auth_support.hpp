#pragma once

// Helpers for the auth, protection and operations tests: forged JWTs, the
// one error shape (docs/product.md#errors), raw sockets with deadlines, and changing an account's
// status behind the engine's back (through a second connection to the store).

#include "server_fixture.hpp"

#include "auth/base64url.hpp"

#include <helpdesk/ports/store.hpp>

#include <boost/asio/write.hpp>
#include <boost/json.hpp>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <poll.h>

#include <chrono>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <thread>

// Own namespace: other headers of this folder define helpers with the same
// names, and two different inline definitions would break the ODR.
namespace http_test::guard {

/// Unix seconds now.
[[nodiscard]] inline std::int64_t unix_seconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

/// Base64url of `bytes`, no padding.
[[nodiscard]] inline std::string b64url(std::string_view bytes) {
    return helpdesk::server::base64url_encode(bytes);
}

/// Base64url of HMAC(`md`, key, data).
[[nodiscard]] inline std::string hmac_b64url(const EVP_MD* md, std::string_view key, std::string_view data) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    const auto* done = HMAC(md, key.data(), static_cast<int>(key.size()),
                            reinterpret_cast<const unsigned char*>(data.data()), data.size(), out, &size);
    REQUIRE(done != nullptr);
    return b64url(std::string_view{reinterpret_cast<const char*>(out), size});
}

/// A compact JWT of `header` and `claims`, signed with HMAC(`md`) keyed by `secret`.
[[nodiscard]] inline std::string forge(const boost::json::object& header, const boost::json::object& claims,
                                       std::string_view secret, const EVP_MD* md = EVP_sha256()) {
    const auto signing_input =
        b64url(boost::json::serialize(header)) + "." + b64url(boost::json::serialize(claims));
    return signing_input + "." + hmac_b64url(md, secret, signing_input);
}

/// The header every genuine token carries.
[[nodiscard]] inline boost::json::object hs256_header() {
    return {{"alg", "HS256"}, {"typ", "JWT"}};
}

/// The decoded claims of a compact JWT (fails the test when they do not decode).
[[nodiscard]] inline boost::json::object claims_of(const std::string& token) {
    const auto first = token.find('.');
    const auto second = token.find('.', first + 1);
    REQUIRE(first != std::string::npos);
    REQUIRE(second != std::string::npos);
    std::string json;
    REQUIRE(helpdesk::server::base64url_decode(std::string_view{token}.substr(first + 1, second - first - 1), json));
    return boost::json::parse(json).as_object();
}

/// Claims like the server's for account `id`: issued now, valid 15 minutes.
[[nodiscard]] inline boost::json::object claims_for(std::int64_t id, std::string_view role = "Employee",
                                                    std::string_view type = "access") {
    static int n = 0;
    const auto now = unix_seconds();
    return {{"sub", std::to_string(id)},
            {"role", role},
            {"iat", now},
            {"exp", now + 900},
            {"jti", "forged-" + std::to_string(++n) + "-" + std::to_string(now)},
            {"type", type}};
}

/// Checks the error shape of docs/product.md#errors: a JSON object with exactly `error` and
/// `detail` (non-empty strings) and, optionally, `field_errors` (an object of
/// string arrays); served as JSON.
inline void check_error_shape(const reply& r) {
    INFO("status " << r.status << " body " << r.body);
    CHECK(r.header("Content-Type").starts_with("application/json"));
    boost::system::error_code ec;
    const auto v = boost::json::parse(r.body, ec);
    REQUIRE_FALSE(ec);
    REQUIRE(v.is_object());
    const auto& o = v.as_object();
    std::set<std::string> keys;
    for (const auto& [k, value] : o) {
        keys.emplace(k);
    }
    const bool plain = keys == std::set<std::string>{"error", "detail"};
    const bool with_fields = keys == std::set<std::string>{"error", "detail", "field_errors"};
    CHECK((plain || with_fields));
    REQUIRE(o.contains("error"));
    REQUIRE(o.contains("detail"));
    CHECK(o.at("error").is_string());
    CHECK(o.at("detail").is_string());
    if (o.at("error").is_string()) {
        CHECK_FALSE(o.at("error").as_string().empty());
    }
    if (o.at("detail").is_string()) {
        CHECK_FALSE(o.at("detail").as_string().empty());
    }
    if (with_fields) {
        REQUIRE(o.at("field_errors").is_object());
        for (const auto& [field, messages] : o.at("field_errors").as_object()) {
            REQUIRE(messages.is_array());
            for (const auto& m : messages.as_array()) {
                CHECK(m.is_string());
            }
        }
    }
}

/// Checks status, error code (when given) and the error shape.
inline void check_error(const reply& r, unsigned status, std::string_view code = {}) {
    INFO("body " << r.body);
    CHECK(r.status == status);
    check_error_shape(r);
    if (!code.empty()) {
        CHECK(r.text("error") == code);
    }
}

/// A refusal for want of authentication: 401, `unauthenticated`, WWW-Authenticate: Bearer.
inline void check_unauthenticated(const reply& r) {
    check_error(r, 401, "unauthenticated");
    CHECK(r.header("WWW-Authenticate").starts_with("Bearer"));
}

/// Sets account `id`'s status through a second connection to the fixture's
/// store, as an operator (or another server process) would.
template <class Factory>
void set_account_status(Factory& factory, std::int64_t id, helpdesk::account_status status) {
    auto db = factory.open();
    auto tx = db->begin(helpdesk::tx_mode::write);
    auto a = tx->accounts().find(id);
    REQUIRE(a.has_value());
    a->status = status;
    tx->accounts().update(*a);
    tx->commit();
}

/// A CORS preflight (OPTIONS) of `path` from `origin` asking for `method` and,
/// unless empty, the comma-separated request `headers`.
inline reply preflight(client& web, const std::string& path, const std::string& origin,
                       const std::string& method, const std::string& headers) {
    header_list h{{"Origin", origin}, {"Access-Control-Request-Method", method}};
    if (!headers.empty()) {
        h.emplace_back("Access-Control-Request-Headers", headers);
    }
    return web.send(http::verb::options, path, "", h);
}

/// Writes all of `bytes` to a raw socket.
inline void raw_write(boost::asio::ip::tcp::socket& s, std::string_view bytes) {
    boost::asio::write(s, boost::asio::buffer(bytes.data(), bytes.size()));
}

/// What a raw socket received until the peer closed it (or `limit` passed).
struct raw_result {
    std::string data{};
    bool closed = false;                           ///< EOF or reset seen
    std::chrono::steady_clock::duration elapsed{}; ///< until close (or the limit)
};

/// Reads from `s` until the server closes the connection or `limit` passes.
/// With `stop_after_response`, also stops once a whole response head and its
/// Content-Length body have arrived.
inline raw_result raw_read(boost::asio::ip::tcp::socket& s, std::chrono::milliseconds limit,
                           bool stop_after_response = false) {
    raw_result out;
    const auto start = std::chrono::steady_clock::now();
    const auto deadline = start + limit;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            break;
        }
        pollfd p{s.native_handle(), POLLIN, 0};
        const int ready = ::poll(&p, 1, static_cast<int>(left.count()));
        if (ready <= 0) {
            continue;
        }
        char buf[4096];
        boost::system::error_code ec;
        const auto n = s.read_some(boost::asio::buffer(buf), ec);
        out.data.append(buf, n);
        if (ec) {
            out.closed = true;
            break;
        }
        if (stop_after_response) {
            const auto head_end = out.data.find("\r\n\r\n");
            if (head_end != std::string::npos) {
                std::size_t length = 0;
                const auto lower = [](std::string t) {
                    for (auto& c : t) {
                        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                    }
                    return t;
                }(out.data.substr(0, head_end));
                if (const auto at = lower.find("content-length:"); at != std::string::npos) {
                    length = std::stoul(lower.substr(at + 15));
                }
                if (out.data.size() >= head_end + 4 + length) {
                    break;
                }
            }
        }
    }
    out.elapsed = std::chrono::steady_clock::now() - start;
    return out;
}

/// The status code of a raw HTTP/1.1 response ("HTTP/1.1 413 ..."), or 0.
[[nodiscard]] inline unsigned raw_status(const std::string& data) {
    if (!data.starts_with("HTTP/1.1 ") || data.size() < 12) {
        return 0;
    }
    return static_cast<unsigned>(std::stoul(data.substr(9, 3)));
}

/// The body of a raw response (after the blank line).
[[nodiscard]] inline std::string raw_body(const std::string& data) {
    const auto at = data.find("\r\n\r\n");
    return at == std::string::npos ? std::string{} : data.substr(at + 4);
}

/// A raw response as a `reply` (status, headers, body), for the shape checks.
[[nodiscard]] inline reply raw_reply(const std::string& data) {
    reply r;
    r.status = raw_status(data);
    const auto head_end = data.find("\r\n\r\n");
    const auto head = data.substr(0, head_end);
    std::size_t line_start = head.find("\r\n");
    while (line_start != std::string::npos) {
        line_start += 2;
        const auto line_end = head.find("\r\n", line_start);
        const auto line = head.substr(line_start, line_end == std::string::npos ? std::string::npos : line_end - line_start);
        if (const auto colon = line.find(':'); colon != std::string::npos) {
            auto value = line.substr(colon + 1);
            while (!value.empty() && value.front() == ' ') {
                value.erase(0, 1);
            }
            r.headers.emplace_back(line.substr(0, colon), value);
        }
        line_start = line_end;
    }
    r.body = raw_body(data);
    return r;
}

} // namespace http_test::guard
