// The signature and the outcome tables, without a network.

#include "outcome.hpp"
#include "signature.hpp"

#include <doctest/doctest.h>

namespace helpdesk::webhook::detail {

TEST_CASE("signature: sha256= and the lowercase hex HMAC-SHA256 of timestamp dot body (known vector)") {
    // printf '%s' '1767323045.{"id":1,"event":"ticket.approved"}' | openssl dgst -sha256 -hmac 'whsec-0123456789abcdef'
    CHECK(signature("whsec-0123456789abcdef", "1767323045", R"({"id":1,"event":"ticket.approved"})") ==
          "sha256=ceedaf03a20c2cf8676863276b6195d710bc396830bd1d88ac6f85977b9f5c60");
}

TEST_CASE("signature: another secret, timestamp or body signs differently") {
    const auto base = signature("whsec-0123456789abcdef", "1767323045", R"({"id":1})");
    CHECK(base.size() == 7 + 64);
    CHECK(signature("whsec-0123456789abcdeF", "1767323045", R"({"id":1})") != base);
    CHECK(signature("whsec-0123456789abcdef", "1767323046", R"({"id":1})") != base);
    CHECK(signature("whsec-0123456789abcdef", "1767323045", R"({"id":2})") != base);
    // The dot separates: moving a character across it changes the signature.
    CHECK(signature("whsec-0123456789abcdef", "17673230451", R"({"id":1})") !=
          signature("whsec-0123456789abcdef", "1767323045", R"(1{"id":1})"));
}

TEST_CASE("outcome: 2xx delivered, 408 429 and 5xx transient, 3xx and other 4xx permanent") {
    for (const long s : {200L, 201L, 202L, 204L, 299L}) {
        CHECK_MESSAGE(classify_status(s) == verdict::delivered, s);
    }
    for (const long s : {408L, 429L, 500L, 502L, 503L, 504L, 599L}) {
        CHECK_MESSAGE(classify_status(s) == verdict::transient, s);
    }
    for (const long s : {100L, 301L, 302L, 304L, 307L, 308L, 400L, 401L, 403L, 404L, 405L, 409L, 410L, 413L, 422L}) {
        CHECK_MESSAGE(classify_status(s) == verdict::permanent, s);
    }
}

TEST_CASE("outcome: curl failures are transient except a URL or protocol libcurl cannot use") {
    for (const auto c : {CURLE_OPERATION_TIMEDOUT, CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_RECV_ERROR,
                         CURLE_SEND_ERROR, CURLE_GOT_NOTHING, CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION}) {
        CHECK_MESSAGE(classify_transport(c) == verdict::transient, curl_easy_strerror(c));
    }
    for (const auto c : {CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT}) {
        CHECK_MESSAGE(classify_transport(c) == verdict::permanent, curl_easy_strerror(c));
    }
}

} // namespace helpdesk::webhook::detail
