// Every JWT attack of docs/product.md#sessions-and-tokens, over real HTTP on a bearer route: each
// is refused with 401, the one error shape and WWW-Authenticate. Each
// test first shows that a token forged the honest way (HS256, the server's
// secret, proper claims) is accepted, so a refusal is the attack's doing.
#include "auth_support.hpp"

using namespace http_test;
using namespace http_test::guard;

namespace {

const std::string profile = "/api/employee/profile/";
const std::string other_secret = "another-secret-0123456789abcdef0123456789";

std::string flip_last(std::string token) {
    // The last base64url character of the signature carries whole bits only
    // in its upper part; change a middle character instead.
    const auto at = token.size() - 10;
    token[at] = token[at] == 'A' ? 'B' : 'A';
    return token;
}

} // namespace

HTTP_TEST_CASE("jwt - a token forged with the server secret and proper claims is accepted (control)") {
    const auto alice = f.account("Alice");
    const auto genuine = web.get(profile, alice.access);
    REQUIRE_MESSAGE(genuine.status == 200, genuine.body);
    CHECK(genuine.number("id") == alice.id);
    const auto forged = web.get(profile, forge(hs256_header(), claims_for(alice.id), test_secret));
    REQUIRE_MESSAGE(forged.status == 200, forged.body);
    CHECK(forged.number("id") == alice.id);
    // The server's claims are those of docs/product.md#sessions-and-tokens.
    const auto claims = claims_of(alice.access);
    for (const auto* key : {"sub", "role", "exp", "iat", "jti", "type"}) {
        CHECK_MESSAGE(claims.contains(key), key);
    }
    CHECK(claims.at("type").as_string() == "access");
    CHECK(claims.at("sub").as_string() == std::to_string(alice.id));
    CHECK(claims.at("exp").as_int64() - claims.at("iat").as_int64() == 15 * 60);
    const auto refresh_claims = claims_of(alice.refresh);
    CHECK(refresh_claims.at("type").as_string() == "refresh");
    CHECK(refresh_claims.at("exp").as_int64() - refresh_claims.at("iat").as_int64() == 24 * 60 * 60);
    CHECK(refresh_claims.at("jti").as_string() != claims.at("jti").as_string());
}

HTTP_TEST_CASE("jwt - alg none and other algorithms are refused") {
    const auto alice = f.account("Alice");
    const auto claims = claims_for(alice.id);
    const auto payload = b64url(boost::json::serialize(claims));

    SUBCASE("alg none, no signature") {
        const auto token = b64url(R"({"alg":"none","typ":"JWT"})") + "." + payload + ".";
        check_unauthenticated(web.get(profile, token));
    }
    SUBCASE("alg none, two segments") {
        check_unauthenticated(web.get(profile, b64url(R"({"alg":"none"})") + "." + payload));
    }
    SUBCASE("alg none with a valid HS256 signature over that input") {
        check_unauthenticated(web.get(profile, forge({{"alg", "none"}, {"typ", "JWT"}}, claims, test_secret)));
    }
    SUBCASE("alg None, NONE") {
        check_unauthenticated(web.get(profile, forge({{"alg", "None"}}, claims, test_secret)));
        check_unauthenticated(web.get(profile, forge({{"alg", "NONE"}}, claims, test_secret)));
    }
    SUBCASE("alg HS512 signed with the server secret") {
        check_unauthenticated(web.get(profile, forge({{"alg", "HS512"}, {"typ", "JWT"}}, claims, test_secret, EVP_sha512())));
    }
    SUBCASE("alg HS384 signed with the server secret") {
        check_unauthenticated(web.get(profile, forge({{"alg", "HS384"}, {"typ", "JWT"}}, claims, test_secret, EVP_sha384())));
    }
    SUBCASE("alg RS256 header over an HMAC signature (key confusion)") {
        check_unauthenticated(web.get(profile, forge({{"alg", "RS256"}, {"typ", "JWT"}}, claims, test_secret)));
    }
    SUBCASE("alg hs256 in lower case") {
        check_unauthenticated(web.get(profile, forge({{"alg", "hs256"}, {"typ", "JWT"}}, claims, test_secret)));
    }
    SUBCASE("no alg at all") {
        check_unauthenticated(web.get(profile, forge({{"typ", "JWT"}}, claims, test_secret)));
    }
    SUBCASE("a crit header the server does not understand") {
        check_unauthenticated(
            web.get(profile, forge({{"alg", "HS256"}, {"typ", "JWT"}, {"crit", boost::json::array{"exp"}}}, claims,
                                   test_secret)));
    }
    // The genuine token still works afterwards: nothing above broke the session.
    CHECK(web.get(profile, alice.access).status == 200);
}

HTTP_TEST_CASE("jwt - bad signatures, tampering and other secrets are refused") {
    const auto alice = f.account("Alice");

    SUBCASE("one signature character changed") {
        check_unauthenticated(web.get(profile, flip_last(alice.access)));
    }
    SUBCASE("signature removed") {
        check_unauthenticated(web.get(profile, alice.access.substr(0, alice.access.rfind('.') + 1)));
    }
    SUBCASE("signed with another secret") {
        check_unauthenticated(web.get(profile, forge(hs256_header(), claims_for(alice.id), other_secret)));
    }
    SUBCASE("signed with an empty secret") {
        check_unauthenticated(web.get(profile, forge(hs256_header(), claims_for(alice.id), "")));
    }
    SUBCASE("claims changed (role raised, subject changed) under the genuine signature") {
        auto claims = claims_of(alice.access);
        const auto header_part = alice.access.substr(0, alice.access.find('.'));
        const auto signature = alice.access.substr(alice.access.rfind('.') + 1);
        claims["role"] = "System Admin";
        check_unauthenticated(web.get(profile, header_part + "." + b64url(boost::json::serialize(claims)) + "." + signature));
        claims = claims_of(alice.access);
        claims["sub"] = std::to_string(f.admin().id);
        check_unauthenticated(web.get(profile, header_part + "." + b64url(boost::json::serialize(claims)) + "." + signature));
    }
    SUBCASE("the refresh token's signature on the access token's claims") {
        const auto signing_input = alice.access.substr(0, alice.access.rfind('.'));
        const auto other_signature = alice.refresh.substr(alice.refresh.rfind('.') + 1);
        check_unauthenticated(web.get(profile, signing_input + "." + other_signature));
    }
    CHECK(web.get(profile, alice.access).status == 200);
}

HTTP_TEST_CASE("jwt - expired and not-yet-valid tokens are refused, small clock skew is not") {
    const auto alice = f.account("Alice");
    const auto now = unix_seconds();

    SUBCASE("expired two minutes ago") {
        auto claims = claims_for(alice.id);
        claims["iat"] = now - 1000;
        claims["exp"] = now - 120;
        check_unauthenticated(web.get(profile, forge(hs256_header(), claims, test_secret)));
    }
    SUBCASE("expired a day ago") {
        auto claims = claims_for(alice.id);
        claims["iat"] = now - 90000;
        claims["exp"] = now - 86400;
        check_unauthenticated(web.get(profile, forge(hs256_header(), claims, test_secret)));
    }
    SUBCASE("not valid before ten minutes from now") {
        auto claims = claims_for(alice.id);
        claims["nbf"] = now + 600;
        check_unauthenticated(web.get(profile, forge(hs256_header(), claims, test_secret)));
    }
    SUBCASE("issued ten minutes in the future") {
        auto claims = claims_for(alice.id);
        claims["iat"] = now + 600;
        claims["exp"] = now + 1500;
        check_unauthenticated(web.get(profile, forge(hs256_header(), claims, test_secret)));
    }
    SUBCASE("within the leeway: issued 5 s ahead, expired 5 s ago") {
        auto claims = claims_for(alice.id);
        claims["iat"] = now + 5;
        CHECK(web.get(profile, forge(hs256_header(), claims, test_secret)).status == 200);
        claims = claims_for(alice.id);
        claims["iat"] = now - 900;
        claims["exp"] = now - 5;
        CHECK(web.get(profile, forge(hs256_header(), claims, test_secret)).status == 200);
    }
    SUBCASE("exp of the wrong type or missing") {
        auto claims = claims_for(alice.id);
        claims["exp"] = std::to_string(now + 900);
        check_unauthenticated(web.get(profile, forge(hs256_header(), claims, test_secret)));
        claims.erase("exp");
        check_unauthenticated(web.get(profile, forge(hs256_header(), claims, test_secret)));
    }
}

HTTP_TEST_CASE("jwt - tokens of the wrong type are refused at both ends") {
    const auto alice = f.account("Alice");

    SUBCASE("the refresh token as an access token") {
        check_unauthenticated(web.get(profile, alice.refresh));
    }
    SUBCASE("the access token at the refresh endpoint") {
        check_unauthenticated(web.post("/api/token/refresh/", {{"refresh", alice.access}}));
        // Nothing was spent: the genuine refresh token still rotates.
        CHECK(web.post("/api/token/refresh/", {{"refresh", alice.refresh}}).status == 200);
    }
    SUBCASE("a forged token with another type, or none") {
        auto claims = claims_for(alice.id, "Employee", "id");
        check_unauthenticated(web.get(profile, forge(hs256_header(), claims, test_secret)));
        claims.erase("type");
        check_unauthenticated(web.get(profile, forge(hs256_header(), claims, test_secret)));
    }
    SUBCASE("a subject that is not an account id") {
        auto claims = claims_for(alice.id);
        claims["sub"] = "alice@desk.test";
        check_unauthenticated(web.get(profile, forge(hs256_header(), claims, test_secret)));
        claims["sub"] = "0";
        check_unauthenticated(web.get(profile, forge(hs256_header(), claims, test_secret)));
        claims["sub"] = "-5";
        check_unauthenticated(web.get(profile, forge(hs256_header(), claims, test_secret)));
    }
    SUBCASE("a well-signed token for an account that does not exist") {
        check_unauthenticated(web.get(profile, forge(hs256_header(), claims_for(999999), test_secret)));
    }
}

HTTP_TEST_CASE("jwt - missing, non-Bearer and garbage Authorization headers are refused") {
    const auto alice = f.account("Alice");

    const auto with = [&](const std::string& value) {
        return web.send(http::verb::get, profile, "", {{"Authorization", value}});
    };
    check_unauthenticated(web.get(profile));
    check_unauthenticated(with("Basic " + b64url(alice.email + ":" + test_password)));
    check_unauthenticated(with("Basic " + alice.access));
    check_unauthenticated(with(alice.access));
    check_unauthenticated(with("Bearer"));
    check_unauthenticated(with("Bearer "));
    check_unauthenticated(with("Bearer garbage"));
    check_unauthenticated(with("Bearer a.b.c"));
    check_unauthenticated(with("Bearer ..."));
    check_unauthenticated(with("Bearer " + alice.access + "x"));
    check_unauthenticated(with("Bearer " + alice.access + ".extra"));
    check_unauthenticated(with("Bearer " + std::string(5000, 'A')));
    check_unauthenticated(with("Token " + alice.access));
    // The scheme is case-insensitive (RFC 7235); the genuine token passes.
    CHECK(with("bearer " + alice.access).status == 200);
    CHECK(with("Bearer " + alice.access).status == 200);
}
