// The SMTP conversation: AUTH, STARTTLS and smtps, refused recipients,
// a server that is down or silent, and how each failure is reported.

#include "smtp_fixture.hpp"

#include <atomic>
#include <functional>
#include <set>
#include <thread>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace helpdesk;
using namespace smtptest;

namespace {

/// An account-approved event for erin@example.com, already claimed.
struct one_event : mail_fixture {
    account erin = named("erin@example.com", "Erin", "Employee");
    outbox_event event = claim_one(event_kind::account_approved);

    /// Delivers `event` with `opts`; returns the one message `sink` stored.
    stored_message deliver_once(const smtp::options& opts, const smtp_sink& sink) {
        smtp::make_notifier(desk, opts)->deliver(event);
        const auto mails = sink.messages();
        REQUIRE(mails.size() == 1);
        return mails[0];
    }
};

/// A sink that refuses gone@example.com for good (550) and busy@example.com
/// for now (451).
sink_config gone_and_busy() {
    sink_config config;
    config.rejects = {{"gone@example.com", 550}, {"busy@example.com", 451}};
    return config;
}

/// `opts` with the user and password the sinks with AUTH accept.
smtp::options signed_in(smtp::options opts) {
    opts.username = "mailer";
    opts.password = "s3cret-Pass";
    return opts;
}

/// A listening socket that never answers (the kernel completes the TCP
/// handshake, nobody ever says 220).
class silent_server {
public:
    silent_server() {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        REQUIRE(fd_ >= 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
        REQUIRE(::listen(fd_, 4) == 0);
        socklen_t len = sizeof addr;
        REQUIRE(::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
        port_ = ntohs(addr.sin_port);
    }
    ~silent_server() { ::close(fd_); }
    silent_server(const silent_server&) = delete;
    silent_server& operator=(const silent_server&) = delete;
    [[nodiscard]] int port() const noexcept { return port_; }

private:
    int fd_ = -1;
    int port_ = 0;
};

} // namespace

SINK_TEST_CASE("AUTH with the configured user and password is accepted") {
    sink_config config;
    config.auth = "mailer:s3cret-Pass";
    smtp_sink sink{config};
    one_event f;
    const auto mail = f.deliver_once(signed_in(options_for(sink)), sink);
    CHECK(mail.auth_login == "mailer");
    check_well_formed(mail, "erin@example.com");
}

SINK_TEST_CASE(
    "a wrong password or no AUTH at all is refused, permanently, without the password in the error") {
    sink_config config;
    config.auth = "mailer:s3cret-Pass";
    smtp_sink sink{config};
    one_event f;
    auto opts = options_for(sink);
    opts.username = "mailer";
    opts.password = "Wrong-Pass-123";
    const auto wrong = check_refused(*smtp::make_notifier(f.desk, opts), f.event, true, "erin@example.com");
    CHECK_FALSE(contains(wrong.what(), "Wrong-Pass-123"));
    CHECK_FALSE(contains(wrong.what(), "s3cret"));

    // Without credentials the server answers MAIL FROM with 530: a 5xx, permanent too.
    (void)check_refused(*smtp::make_notifier(f.desk, options_for(sink)), f.event, true, "530");
    CHECK(sink.messages().empty());
}

SINK_TEST_CASE("STARTTLS: opportunistic uses it when offered and goes plain when not, required insists") {
    test_certificate cert;
    sink_config tls_config = tls_sink_config(cert, sink_tls::starttls);
    tls_config.auth = "mailer:s3cret-Pass";
    tls_config.require_starttls = true; // and AUTH only after it
    smtp_sink with_tls{tls_config};
    smtp_sink without_tls;
    one_event f;

    SUBCASE("opportunistic, offered: encrypted, AUTH after STARTTLS") {
        auto opts = signed_in(options_for(with_tls));
        opts.tls = smtp::tls_mode::opportunistic;
        opts.verify_peer = false; // a self-signed test certificate
        const auto mail = f.deliver_once(opts, with_tls);
        CHECK(mail.tls);
        CHECK(mail.auth_login == "mailer");
    }
    SUBCASE("opportunistic, not offered: delivered in the clear") {
        auto opts = options_for(without_tls);
        opts.tls = smtp::tls_mode::opportunistic;
        CHECK_FALSE(f.deliver_once(opts, without_tls).tls);
    }
    SUBCASE("opportunistic with a password, not offered: refused, the password never sent in the clear") {
        auto opts = signed_in(options_for(without_tls));
        opts.tls = smtp::tls_mode::opportunistic;
        try {
            smtp::make_notifier(f.desk, opts)->deliver(f.event);
            FAIL("delivered without STARTTLS");
        } catch (const delivery_failure& e) {
            CHECK(e.permanent());
            CHECK(std::string{e.what()}.find("s3cret-Pass") == std::string::npos);
        }
        CHECK(without_tls.messages().empty());
    }
    SUBCASE("required, offered: encrypted") {
        auto opts = signed_in(options_for(with_tls));
        opts.tls = smtp::tls_mode::required;
        opts.verify_peer = false;
        CHECK(f.deliver_once(opts, with_tls).tls);
    }
    SUBCASE("required, not offered: a permanent failure, nothing sent") {
        auto opts = options_for(without_tls);
        opts.tls = smtp::tls_mode::required;
        const auto failure = expect_failure(*smtp::make_notifier(f.desk, opts), f.event);
        CHECK(failure.permanent());
        CHECK(without_tls.messages().empty());
    }
    SUBCASE("off against a server that insists on STARTTLS: refused (530), permanent") {
        const auto opts = signed_in(options_for(with_tls));
        const auto failure = expect_failure(*smtp::make_notifier(f.desk, opts), f.event);
        CHECK(failure.permanent());
        CHECK(with_tls.messages().empty());
    }
    SUBCASE("verify_peer refuses a self-signed certificate: transient (certificates get fixed)") {
        auto opts = options_for(with_tls);
        opts.tls = smtp::tls_mode::required;
        opts.verify_peer = true;
        const auto failure = expect_failure(*smtp::make_notifier(f.desk, opts), f.event);
        CHECK_FALSE(failure.permanent());
        CHECK(with_tls.messages().empty());
    }
}

SINK_TEST_CASE("smtps:// speaks TLS from the first byte") {
    test_certificate cert;
    const sink_config config = tls_sink_config(cert, sink_tls::implicit);
    smtp_sink sink{config};
    REQUIRE(sink.url().rfind("smtps://", 0) == 0);
    one_event f;
    auto opts = options_for(sink);
    opts.tls = smtp::tls_mode::required;
    opts.verify_peer = false;
    const auto mail = f.deliver_once(opts, sink);
    CHECK(mail.tls);
    check_well_formed(mail, "erin@example.com");
}

SINK_TEST_CASE("a recipient refused with 550 is a permanent failure, with 451 a transient one") {
    smtp_sink sink{gone_and_busy()};
    mail_fixture f;
    const auto mailer = smtp::make_notifier(f.desk, options_for(sink));
    (void)f.named("gone@example.com", "Gina", "Gone");
    const auto gone = f.claim_one(event_kind::account_approved);
    const auto refused = check_refused(*mailer, gone, true, "550");
    CHECK(contains(refused.what(), "gone@example.com"));

    (void)f.named("busy@example.com", "Bea", "Busy");
    const auto busy = f.claim_one(event_kind::account_approved);
    (void)check_refused(*mailer, busy, false, "451");
    CHECK(sink.messages().empty());
}

SINK_TEST_CASE("one refused recipient does not hold up the others, and the event still reports the refusal") {
    sink_config config;
    config.rejects = {{"cora@example.com", 550}};
    smtp_sink sink{config};
    mail_fixture f;
    (void)f.named("cora@example.com", "Cora", "Coordinator", "Ticket Coordinator");
    const auto owner = f.named("erin@example.com", "Erin", "Employee");
    (void)f.raise(owner);
    const auto created = f.claim_one(event_kind::ticket_created);
    (void)check_refused(*smtp::make_notifier(f.desk, options_for(sink)), created, true, "cora@example.com");
    const auto mails = sink.messages();
    CHECK(mails.size() == 2); // the owner and the admin have theirs
    CHECK(sent_to(mails, "erin@example.com").size() == 1);
    CHECK(sent_to(mails, "admin@example.com").size() == 1);
}

SINK_TEST_CASE(
    "a server that is down is a transient failure, and the same event goes through once it is back") {
    smtp_sink sink;
    one_event f;
    const auto mailer = smtp::make_notifier(f.desk, options_for(sink));
    sink.stop();
    (void)check_refused(*mailer, f.event, false, "erin@example.com");

    sink.start();
    mailer->deliver(f.event);
    const auto mails = sink.messages();
    REQUIRE(mails.size() == 1);
    check_well_formed(mails[0], "erin@example.com");
}

TEST_CASE("a server that never answers times out: transient") {
    silent_server silent;
    one_event f;
    smtp::options opts;
    opts.url = "smtp://127.0.0.1:" + std::to_string(silent.port());
    opts.tls = smtp::tls_mode::off;
    opts.from = desk_from;
    opts.public_url = desk_url;
    opts.timeout = std::chrono::seconds{1};
    const auto started = std::chrono::steady_clock::now();
    const auto failure = expect_failure(*smtp::make_notifier(f.desk, opts), f.event);
    const auto took = std::chrono::steady_clock::now() - started;
    CHECK_FALSE(failure.permanent());
    CHECK(contains(failure.what(), "imeout"));
    CHECK(took < std::chrono::seconds{5});
}

SINK_TEST_CASE(
    "through the outbox: delivered events are settled, refused ones parked dead, transient ones retried") {
    smtp_sink sink{gone_and_busy()};
    mail_fixture f;
    const auto mailer = smtp::make_notifier(f.desk, options_for(sink));
    (void)f.named("erin@example.com", "Erin", "Employee");
    (void)f.named("gone@example.com", "Gina", "Gone");
    (void)f.named("busy@example.com", "Bea", "Busy");
    // Three registrations and three approvals.
    CHECK(f.desk.outbox().deliver_due(*mailer) == 2);
    CHECK(f.desk.outbox().count(outbox_state::delivered) == 2);
    CHECK(f.desk.outbox().count(outbox_state::dead) == 2);
    CHECK(f.desk.outbox().count(outbox_state::pending) == 2);
    CHECK(sink.messages().size() == 2);
    for (const auto& m : sink.messages()) {
        CHECK(m.rcpt_tos == std::vector<std::string>{"erin@example.com"});
    }
}

SINK_TEST_CASE("one notifier delivers from several threads at once") {
    smtp_sink sink;
    mail_fixture f;
    for (int i = 0; i < 12; ++i) {
        (void)f.named("person" + std::to_string(i) + "@example.com", "Pat", "Person");
    }
    const auto events = f.claim(event_kind::account_approved);
    REQUIRE(events.size() == 12);
    const auto mailer = smtp::make_notifier(f.desk, options_for(sink));
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (std::size_t i = static_cast<std::size_t>(t); i < events.size(); i += 4) {
                try {
                    mailer->deliver(events[i]);
                } catch (...) {
                    ++failures;
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    CHECK(failures == 0);
    const auto mails = sink.messages();
    REQUIRE(mails.size() == 12);
    std::set<std::string> recipients;
    for (const auto& m : mails) {
        check_well_formed(m, m.rcpt_tos.at(0));
        recipients.insert(m.rcpt_tos.at(0));
    }
    CHECK(recipients.size() == 12);
}

TEST_CASE("options are checked when the notifier is made") {
    mail_fixture f;
    smtp::options good;
    good.url = "smtp://mail.example.com:587";
    good.from = "desk@example.com";
    good.public_url = "https://desk.example.com";
    CHECK(smtp::make_notifier(f.desk, good) != nullptr);
    auto smtps = good;
    smtps.url = "SMTPS://mail.example.com";
    CHECK(smtp::make_notifier(f.desk, smtps) != nullptr);

    const auto refused = [&](smtp::options o, const std::string& field) {
        CAPTURE(field);
        const auto e = helpdesk::testing::expect_error(errc::invalid_argument,
                                                       [&] { (void)smtp::make_notifier(f.desk, o); });
        CHECK(e.fields().count(field) == 1);
    };
    // Each set of options differs from a good one in one way, and names that option.
    struct bad_option {
        std::string field;
        std::function<void(smtp::options&)> change;
    };
    const std::vector<bad_option> cases{
        {"url", [](smtp::options& o) { o.url.clear(); }},
        {"url", [](smtp::options& o) { o.url = "http://mail.example.com"; }},
        {"url", [](smtp::options& o) { o.url = "smtp://"; }},
        {"url", [](smtp::options& o) { o.url = "smtp://mail.example.com\r\nRCPT TO:<x@example.com>"; }},
        {"from", [](smtp::options& o) { o.from.clear(); }},
        {"from", [](smtp::options& o) { o.from = "desk@example.com>\r\nBcc: x@example.com"; }},
        {"from_name", [](smtp::options& o) { o.from_name = "Desk\r\nBcc: x@example.com"; }},
        {"public_url", [](smtp::options& o) { o.public_url.clear(); }},
        {"public_url", [](smtp::options& o) { o.public_url = "javascript:alert(1)"; }},
        {"timeout", [](smtp::options& o) { o.timeout = std::chrono::seconds{0}; }},
    };
    for (const auto& bad : cases) {
        auto o = good;
        bad.change(o);
        refused(o, bad.field);
    }
    auto o = smtps;
    o.tls = smtp::tls_mode::off;
    refused(o, "tls");

    // The error names the option, never the URL (it may carry credentials).
    o = good;
    o.url = "ftp://user:hunter2@mail.example.com";
    try {
        (void)smtp::make_notifier(f.desk, o);
        FAIL("expected invalid_argument");
    } catch (const helpdesk::error& e) {
        CHECK_FALSE(contains(e.what(), "hunter2"));
        for (const auto& [name, messages] : e.fields()) {
            for (const auto& m : messages) {
                CHECK_FALSE(contains(m, "hunter2"));
            }
        }
    }
}
