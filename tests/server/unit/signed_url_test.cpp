#include "auth/signed_url.hpp"

#include <helpdesk/error.hpp>

#include <doctest/doctest.h>

#include <limits>
#include <map>
#include <string>

namespace {

using namespace helpdesk;
using namespace helpdesk::server;

constexpr std::string_view secret = "url-secret-abcdef";
constexpr std::string_view path = "/api/attachments/7/download/";
constexpr std::int64_t now = 1'700'000'000;

std::map<std::string, std::string> split_query(std::string_view q) {
    std::map<std::string, std::string> out;
    while (!q.empty()) {
        const auto amp = q.find('&');
        const auto item = q.substr(0, amp);
        const auto eq = item.find('=');
        out[std::string(item.substr(0, eq))] = std::string(item.substr(eq + 1));
        q = amp == std::string_view::npos ? std::string_view{} : q.substr(amp + 1);
    }
    return out;
}

} // namespace

TEST_CASE("signed_url: the query has u, exp and a 43-character base64url sig") {
    const auto query = sign_url_query(path, 42, now + 300, secret);
    const auto q = split_query(query);
    CHECK(query.rfind("u=42&exp=1700000300&sig=", 0) == 0);
    REQUIRE(q.size() == 3);
    CHECK(q.at("sig").size() == 43);
    CHECK(q.at("sig").find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
          std::string::npos);
}

TEST_CASE("signed_url: a fresh signature verifies and yields the user") {
    const auto q = split_query(sign_url_query(path, 42, now + 300, secret));
    const auto user = verify_signed_url(path, q.at("u"), q.at("exp"), q.at("sig"), now, secret);
    REQUIRE(user.has_value());
    CHECK(*user == 42);
    // Valid up to and including the expiry second.
    CHECK(verify_signed_url(path, q.at("u"), q.at("exp"), q.at("sig"), now + 300, secret) == 42);
}

TEST_CASE("signed_url: an expired link is refused") {
    const auto q = split_query(sign_url_query(path, 42, now + 300, secret));
    CHECK_FALSE(verify_signed_url(path, q.at("u"), q.at("exp"), q.at("sig"), now + 301, secret));
    CHECK_FALSE(verify_signed_url(path, q.at("u"), q.at("exp"), q.at("sig"), now + 100'000, secret));
}

TEST_CASE("signed_url: tampering with the path, user, expiry or signature is refused") {
    const auto q = split_query(sign_url_query(path, 42, now + 300, secret));
    const auto& u = q.at("u");
    const auto& exp = q.at("exp");
    const auto& sig = q.at("sig");
    CHECK_FALSE(verify_signed_url("/api/attachments/8/download/", u, exp, sig, now, secret));
    CHECK_FALSE(verify_signed_url("/api/attachments/7/download", u, exp, sig, now, secret));
    CHECK_FALSE(verify_signed_url("/API/attachments/7/download/", u, exp, sig, now, secret));
    CHECK_FALSE(verify_signed_url(path, "43", exp, sig, now, secret));
    CHECK_FALSE(verify_signed_url(path, "4", exp, sig, now, secret));
    CHECK_FALSE(verify_signed_url(path, u, "1700000301", sig, now, secret));
    CHECK_FALSE(verify_signed_url(path, u, "9999999999", sig, now, secret));
    auto flipped = sig;
    flipped[10] = flipped[10] == 'A' ? 'B' : 'A';
    CHECK_FALSE(verify_signed_url(path, u, exp, flipped, now, secret));
    CHECK_FALSE(verify_signed_url(path, u, exp, sig, now, "other-secret"));
    CHECK_FALSE(verify_signed_url(path, u, exp, "", now, secret));
    CHECK_FALSE(verify_signed_url(path, u, exp, sig.substr(0, 42), now, secret));
    CHECK_FALSE(verify_signed_url(path, u, exp, sig + "A", now, secret));
    CHECK_FALSE(verify_signed_url(path, u, exp, sig + "=", now, secret));
    // Swapping fields between two valid links does not work either.
    const auto other = split_query(sign_url_query(path, 43, now + 300, secret));
    CHECK_FALSE(verify_signed_url(path, other.at("u"), exp, sig, now, secret));
    CHECK(verify_signed_url(path, other.at("u"), other.at("exp"), other.at("sig"), now, secret) == 43);
}

TEST_CASE("signed_url: non-canonical or malformed numbers are refused") {
    const auto q = split_query(sign_url_query(path, 42, now + 300, secret));
    const auto& sig = q.at("sig");
    for (const auto* user : {"042", "+42", " 42", "42 ", "4x", "", "-", "0x2A", "42.0", "99999999999999999999"}) {
        CAPTURE(user);
        CHECK_FALSE(verify_signed_url(path, user, q.at("exp"), sig, now, secret));
    }
    for (const auto* exp : {"01700000300", "+1700000300", "1700000300\n", "", "1.7e9", "-0"}) {
        CAPTURE(exp);
        CHECK_FALSE(verify_signed_url(path, q.at("u"), exp, sig, now, secret));
    }
    // Invalid base64url characters and a non-canonical last character.
    auto bad = sig;
    bad[5] = '+';
    CHECK_FALSE(verify_signed_url(path, q.at("u"), q.at("exp"), bad, now, secret));
    bad = sig;
    const std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    bad.back() = alphabet[alphabet.find(bad.back()) ^ 1];
    CHECK_FALSE(verify_signed_url(path, q.at("u"), q.at("exp"), bad, now, secret));
}

TEST_CASE("signed_url: the newline separators keep fields apart") {
    // A path ending in "\n4" with user "2" must not verify as the path with user "42" would.
    const auto q = split_query(sign_url_query(path, 42, now + 300, secret));
    const std::string shifted = std::string(path) + "\n4";
    CHECK_FALSE(verify_signed_url(shifted, "2", q.at("exp"), q.at("sig"), now, secret));
}

TEST_CASE("signed_url: zero, negative and extreme values round-trip") {
    for (const std::int64_t user : {std::int64_t{0}, std::int64_t{-5}, std::numeric_limits<std::int64_t>::max(),
                                    std::numeric_limits<std::int64_t>::min()}) {
        CAPTURE(user);
        const auto q = split_query(sign_url_query(path, user, std::numeric_limits<std::int64_t>::max(), secret));
        CHECK(verify_signed_url(path, q.at("u"), q.at("exp"), q.at("sig"), now, secret) == user);
    }
}

TEST_CASE("signed_url: an empty secret is a configuration error") {
    CHECK_THROWS_AS((void)sign_url_query(path, 1, now, ""), error);
    CHECK_THROWS_AS((void)verify_signed_url(path, "1", "1", std::string(43, 'A'), now, ""), error);
}
