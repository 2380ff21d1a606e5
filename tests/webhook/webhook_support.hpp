#pragma once

// Shared pieces of the webhook tests: the core tests' engine fixture, a
// receiver, claimed outbox events and an independent signature check.

#include "http_receiver.hpp"
#include "test_support.hpp"

#include <helpdesk/adapters/webhook.hpp>

#include <boost/json.hpp>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace helpdesk::testing {

/// The secret the tests sign with (32 bytes).
inline const std::string webhook_secret = "whsec-test-0123456789abcdef-0001";

/// Recomputes `sha256=<hex>` with OpenSSL directly, not through the adapter.
inline std::string expected_signature(const std::string& secret, const std::string& timestamp,
                                      const std::string& body) {
    const std::string message = timestamp + "." + body;
    std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
    unsigned int size = 0;
    HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
         reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac.data(), &size);
    std::string hex = "sha256=";
    for (unsigned int i = 0; i < size; ++i) {
        char pair[3];
        std::snprintf(pair, sizeof pair, "%02x", mac[i]);
        hex += pair;
    }
    return hex;
}

/// True when `request` carries a signature that verifies with `secret`.
inline bool signature_verifies(const recorded_request& request, const std::string& secret) {
    const auto timestamp = request.header("X-Helpdesk-Timestamp");
    const auto signature = request.header("X-Helpdesk-Signature");
    return timestamp && signature && *signature == expected_signature(secret, *timestamp, request.body);
}

/// Claims every due outbox event (as a delivery worker would).
inline std::vector<outbox_event> claim_all(engine& desk) { return desk.outbox().claim_due(1000); }

/// The one event of `kind` among `events`; fails the test when there is none.
inline outbox_event event_of(const std::vector<outbox_event>& events, std::string_view kind) {
    const auto it = std::find_if(events.begin(), events.end(), [&](const outbox_event& e) { return e.kind == kind; });
    REQUIRE_MESSAGE(it != events.end(), "no " << std::string{kind} << " event was recorded");
    return *it;
}

/// Options for a receiver's endpoint, signed with `webhook_secret`.
inline webhook::options options_for(const http_receiver& receiver,
                                    webhook::payload_format format = webhook::payload_format::event) {
    webhook::options o;
    o.url = receiver.url();
    o.secret = webhook_secret;
    o.format = format;
    o.timeout = std::chrono::milliseconds{5000};
    return o;
}

/// What a delivery did: nothing thrown, or a `delivery_failure`.
struct attempt {
    bool failed = false;
    bool permanent = false;
    std::string what{};
    std::chrono::milliseconds took{};
};

/// Hands `event` to `channel` and reports how it went (any other exception fails the test).
inline attempt try_deliver(notifier& channel, const outbox_event& event) {
    attempt out;
    const auto start = std::chrono::steady_clock::now();
    try {
        channel.deliver(event);
    } catch (const delivery_failure& f) {
        out.failed = true;
        out.permanent = f.permanent();
        out.what = f.what();
    }
    out.took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    return out;
}

/// A parsed JSON body.
inline boost::json::object json_of(const std::string& body) { return boost::json::parse(body).as_object(); }

} // namespace helpdesk::testing
