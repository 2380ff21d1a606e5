#pragma once

// An engine on SQLite :memory: (the core tests' fixture), the outbox events
// it records, and the notifier pointed at a sink.

#include "core/test_support.hpp"
#include "mime_reader.hpp"
#include "smtp_sink.hpp"

#include <helpdesk/adapters/smtp.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace smtptest {

inline constexpr const char* desk_url = "https://desk.example.com";
inline constexpr const char* desk_from = "desk@example.com";

/// Whether `haystack` contains `needle`.
inline bool contains(const std::string& haystack, std::string_view needle) {
    return haystack.find(needle) != std::string::npos;
}

/// Options for a plain loopback sink (no TLS), short timeout.
inline helpdesk::smtp::options options_for(const smtp_sink& sink) {
    helpdesk::smtp::options o;
    o.url = sink.url();
    o.tls = helpdesk::smtp::tls_mode::off;
    o.from = desk_from;
    o.from_name = "Acme Help Desk";
    o.public_url = desk_url;
    o.timeout = std::chrono::seconds{10};
    return o;
}

/// The core fixture plus outbox helpers.
struct mail_fixture : helpdesk::testing::fixture {
    /// Claims every due event and keeps those of `kind`, oldest first.
    std::vector<helpdesk::outbox_event> claim(std::string_view kind) {
        auto all = desk.outbox().claim_due(1000);
        std::vector<helpdesk::outbox_event> out;
        std::copy_if(all.begin(), all.end(), std::back_inserter(out), [&](const auto& e) { return e.kind == kind; });
        return out;
    }
    /// An approved account with this name, and this role when one is given.
    helpdesk::account named(const std::string& email, const std::string& first, const std::string& last,
                            const std::string& role_name = {}) {
        auto a = desk.accounts().approve(admin.id, desk.accounts().sign_up(person(email, first, last)).id);
        return role_name.empty() ? a : desk.accounts().change_role(admin.id, a.id, role_name);
    }
    /// The single due event of `kind`.
    helpdesk::outbox_event claim_one(std::string_view kind) {
        auto found = claim(kind);
        REQUIRE_MESSAGE(found.size() == 1, "expected one " << std::string{kind} << " event, got " << found.size());
        return found.front();
    }
};

/// Runs `channel.deliver(event)` and returns the `delivery_failure` it threw;
/// fails the test when it threw nothing or something else.
inline helpdesk::delivery_failure expect_failure(helpdesk::notifier& channel, const helpdesk::outbox_event& event) {
    try {
        channel.deliver(event);
    } catch (const helpdesk::delivery_failure& failure) {
        return failure;
    } catch (const std::exception& other) {
        FAIL("expected a delivery_failure, got: " << std::string{other.what()});
    }
    FAIL("expected a delivery_failure, the delivery succeeded");
    return helpdesk::delivery_failure("unreachable", false);
}

/// Runs `channel.deliver(event)` expecting a `delivery_failure` that is
/// permanent (or transient, as `permanent` says) and whose message contains
/// `says`; returns the failure for further checks.
inline helpdesk::delivery_failure check_refused(helpdesk::notifier& channel,
                                                const helpdesk::outbox_event& event, bool permanent,
                                                std::string_view says) {
    const auto failure = expect_failure(channel, event);
    CHECK(failure.permanent() == permanent);
    CHECK_MESSAGE(contains(failure.what(), says), failure.what());
    return failure;
}

/// The messages whose envelope goes to `address`.
inline std::vector<stored_message> sent_to(const std::vector<stored_message>& all, const std::string& address) {
    std::vector<stored_message> out;
    std::copy_if(all.begin(), all.end(), std::back_inserter(out), [&](const stored_message& m) {
        return std::find(m.rcpt_tos.begin(), m.rcpt_tos.end(), address) != m.rcpt_tos.end();
    });
    return out;
}

/// The decoded subject of a stored message.
inline std::string subject_of(const stored_message& m) { return decode_words(header(m.data, "Subject")); }
/// The decoded plain-text part.
inline std::string text_of(const stored_message& m) { return part_body(m.data, "text/plain"); }
/// The decoded HTML part.
inline std::string html_of(const stored_message& m) { return part_body(m.data, "text/html"); }

/// Checks what every notification must be: one envelope recipient that is
/// also the To address, both parts in UTF-8, and a message Python's email
/// package reads without defects.
inline void check_well_formed(const stored_message& m, const std::string& recipient) {
    CHECK(m.mail_from == desk_from);
    REQUIRE(m.rcpt_tos.size() == 1);
    CHECK(m.rcpt_tos.front() == recipient);
    CHECK(header(m.data, "To").find("<" + recipient + ">") != std::string::npos);
    CHECK(decode_words(header(m.data, "From")) == std::string{"\"Acme Help Desk\" <"} + desk_from + ">");
    CHECK(header(m.data, "MIME-Version") == "1.0");
    CHECK(header(m.data, "Content-Type").rfind("multipart/alternative;", 0) == 0);
    CHECK_FALSE(header(m.data, "Date").empty());
    CHECK_FALSE(header(m.data, "Message-ID").empty());
    CHECK(m.py_defects.empty());
    REQUIRE(m.py_parts.size() == 2);
    CHECK(m.py_parts[0].type == "text/plain");
    CHECK(m.py_parts[1].type == "text/html");
    for (const auto& p : m.py_parts) {
        CHECK(p.charset == "utf-8");
        CHECK(p.encoding == "quoted-printable");
    }
    CHECK_FALSE(text_of(m).empty());
    CHECK(html_of(m).find("<!DOCTYPE html>") == 0);
    // 7-bit on the wire, lines within RFC 5322's limit.
    CHECK(std::all_of(m.data.begin(), m.data.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
    std::size_t start = 0;
    while (start < m.data.size()) {
        auto end = m.data.find("\r\n", start);
        if (end == std::string::npos) {
            end = m.data.size();
        }
        CHECK(end - start <= 78);
        start = end + 2;
    }
}

} // namespace smtptest
