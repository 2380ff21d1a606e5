// Mail from the helpdesk-server program to a real SMTP server: password reset
// end to end, and an SMTP server that is down and then back.
#include "delivery_support.hpp"
#include "smtp/smtp_sink.hpp"

#include <algorithm>

using namespace delivery_test;
using test_support::eventually;

namespace {

std::vector<std::string> email_flags(const smtptest::smtp_sink& sink) {
    return {"--smtp-url", sink.url(), "--smtp-tls", "off", "--smtp-from", "desk@desk.test"};
}

// Messages whose envelope goes to `address`.
std::vector<smtptest::stored_message> mail_to(const smtptest::smtp_sink& sink, const std::string& address) {
    std::vector<smtptest::stored_message> out;
    for (auto& m : sink.messages()) {
        if (std::find(m.rcpt_tos.begin(), m.rcpt_tos.end(), address) != m.rcpt_tos.end()) {
            out.push_back(std::move(m));
        }
    }
    return out;
}

// The decoded text/plain part, as Python's email package read it.
std::string text_part(const smtptest::stored_message& m) {
    for (const auto& p : m.py_parts) {
        if (p.type == "text/plain") {
            return p.content;
        }
    }
    return {};
}

// The token of the first `<frontend>/reset-password?token=` link in `text`.
std::string reset_token_in(const std::string& text) {
    const auto marker = frontend + "/reset-password?token=";
    const auto at = text.find(marker);
    if (at == std::string::npos) {
        return {};
    }
    const auto start = at + marker.size();
    const auto end = text.find_first_not_of("0123456789abcdefABCDEF", start);
    return text.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

} // namespace

SINK_TEST_CASE("password reset end to end: forgot-password mails a single-use link to the front end, the new "
               "password works and the old does not") {
    smtptest::smtp_sink sink;
    test_support::temp_dir dir;
    server_process server{dir, sqlite_store(dir), email_flags(sink)};
    CHECK(server.banner().find("delivery: email via smtp://127.0.0.1") != std::string::npos);
    http_test::client web{server.port()};
    const auto admin = admin_token(web);
    (void)approved_employee(web, admin, "alice@desk.test");
    REQUIRE_MESSAGE(eventually([&] { return mail_to(sink, "alice@desk.test").size() == 2; }), sink.log());
    CHECK(mail_to(sink, "alice@desk.test")[0].py_subject == "We received your account request");
    CHECK(mail_to(sink, "alice@desk.test")[1].py_subject == "Your account is approved");

    // Unknown and known emails get the same answer; only the known one gets mail.
    const auto unknown = web.post("/api/employee/forgot-password/", boost::json::object{{"email", "nobody@desk.test"}});
    const auto known = web.post("/api/employee/forgot-password/", boost::json::object{{"email", "alice@desk.test"}});
    CHECK(unknown.status == 200);
    CHECK(known.status == 200);
    CHECK(unknown.body == known.body);
    REQUIRE(eventually([&] { return mail_to(sink, "alice@desk.test").size() == 3; }));
    const auto reset_mail = mail_to(sink, "alice@desk.test")[2];
    CHECK(reset_mail.py_subject == "Reset your password");
    CHECK(reset_mail.py_parts.size() == 2); // text and HTML
    const auto token = reset_token_in(text_part(reset_mail));
    REQUIRE_MESSAGE(token.size() >= 32, text_part(reset_mail));
    CHECK(mail_to(sink, "nobody@desk.test").empty());

    const std::string next = "N3w!Password-e2e";
    const auto reset = web.post("/api/employee/reset-password/",
                                boost::json::object{{"token", token}, {"new_password", next}, {"confirm_password", next}});
    CHECK_MESSAGE(reset.status == 200, reset.body);
    (void)login(web, "alice@desk.test", next);
    CHECK(web.post("/api/token/employee/", boost::json::object{{"email", "alice@desk.test"}, {"password", user_password}})
              .status == 401);
    // Single use: the same link again is refused and the password stays.
    const std::string third = "Th1rd!Password-e2e";
    const auto again = web.post("/api/employee/reset-password/",
                                boost::json::object{{"token", token}, {"new_password", third}, {"confirm_password", third}});
    CHECK(again.status == 400);
    (void)login(web, "alice@desk.test", next);
    CHECK(server.stop() == 0);
}

SINK_TEST_CASE("email: with the SMTP server down the event is retried, and delivered once it is back") {
    smtptest::smtp_sink sink;
    sink.stop(); // the port is known; nothing listens on it
    test_support::temp_dir dir;
    server_process server{dir, sqlite_store(dir), email_flags(sink)};
    http_test::client web{server.port()};
    const auto signed_up = web.post("/api/create_employee/", boost::json::object{{"email", "bob@desk.test"},
                                                                                  {"first_name", "Bob"},
                                                                                  {"last_name", "Jones"},
                                                                                  {"department", "IT Department"},
                                                                                  {"password", user_password},
                                                                                  {"confirm_password", user_password}});
    REQUIRE(signed_up.status == 201);
    REQUIRE(eventually([&] { return metric(web, "helpdesk_outbox_retries_total") >= 1; }));
    CHECK(metric(web, "helpdesk_outbox_pending") >= 1);
    CHECK(metric(web, "helpdesk_outbox_deliveries_total") == 0);

    sink.start();
    REQUIRE_MESSAGE(eventually([&] { return mail_to(sink, "bob@desk.test").size() == 1; },
                               std::chrono::milliseconds{15000}),
                    sink.log());
    CHECK(mail_to(sink, "bob@desk.test")[0].py_subject == "We received your account request");
    CHECK(eventually([&] { return metric(web, "helpdesk_outbox_pending") == 0; }));
    CHECK(metric(web, "helpdesk_outbox_deliveries_total") >= 1);
    CHECK(metric(web, "helpdesk_outbox_dead") == 0);
    CHECK(server.stop() == 0);
}
