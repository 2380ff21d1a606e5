// make_notifier refuses options it cannot work with, naming the field.

#include "webhook_support.hpp"

namespace helpdesk::testing {
namespace {

webhook::options valid() {
    webhook::options o;
    o.url = "https://hooks.example.com:8443/helpdesk?tenant=7";
    o.secret = webhook_secret;
    return o;
}

// The refusal's field errors, after checking it is invalid_argument and never quotes the secret.
field_errors refusal(engine& desk, const webhook::options& o) {
    const auto e = expect_error(errc::invalid_argument, [&] { (void)webhook::make_notifier(desk, o); });
    CHECK(std::string{e.what()}.find(o.secret.empty() ? "\x01" : o.secret) == std::string::npos);
    for (const auto& [field, messages] : e.fields()) {
        for (const auto& m : messages) {
            CHECK(m.find(o.secret.empty() ? "\x01" : o.secret) == std::string::npos);
        }
    }
    return e.fields();
}

} // namespace

TEST_CASE("make_notifier: accepts http and https URLs with a host and a 16-byte secret") {
    fixture f;
    auto o = valid();
    CHECK(webhook::make_notifier(f.desk, o) != nullptr);
    o.url = "http://127.0.0.1:9/hook";
    o.secret = std::string(16, 's');
    CHECK(webhook::make_notifier(f.desk, o) != nullptr);
    o.url = "HTTPS://Hooks.Example.com/";
    o.format = webhook::payload_format::workflow;
    o.events = {"ticket.approved", "comment.added"};
    CHECK(webhook::make_notifier(f.desk, o) != nullptr);
}

TEST_CASE("make_notifier: refuses a scheme other than http and https") {
    fixture f;
    for (const char* url : {"ftp://files.example.com/hook", "file:///etc/passwd", "gopher://example.com/",
                            "javascript:alert(1)"}) {
        auto o = valid();
        o.url = url;
        const auto fields = refusal(f.desk, o);
        REQUIRE_MESSAGE(fields.count("url") == 1, url);
        CHECK(fields.size() == 1);
    }
    auto o = valid();
    o.url = "ftp://files.example.com/hook";
    CHECK(refusal(f.desk, o).at("url").at(0) == "Must be an http:// or https:// URL, not ftp://.");
}

TEST_CASE("make_notifier: refuses a URL without a host, a relative one and an empty one") {
    fixture f;
    for (const char* url : {"http://", "https:///hook", "http://:8080/hook", "hooks.example.com/hook", "/hook", "",
                            "http://exa mple.com/"}) {
        INFO("url: " << std::string{url});
        auto o = valid();
        o.url = url;
        const auto fields = refusal(f.desk, o);
        CHECK(fields.count("url") == 1);
    }
    auto o = valid();
    o.url = "http://";
    CHECK(refusal(f.desk, o).at("url").at(0) == "Must name a host.");
}

TEST_CASE("make_notifier: refuses a secret shorter than 16 bytes and a timeout that is not positive") {
    fixture f;
    auto o = valid();
    o.secret = "fifteen-bytes!!";
    REQUIRE(o.secret.size() == 15);
    auto fields = refusal(f.desk, o);
    CHECK(fields.at("secret").at(0) == "Must be at least 16 bytes long.");
    CHECK(fields.size() == 1);

    o = valid();
    o.secret.clear();
    CHECK(refusal(f.desk, o).count("secret") == 1);

    o = valid();
    o.timeout = std::chrono::milliseconds{0};
    CHECK(refusal(f.desk, o).at("timeout").at(0) == "Must be positive.");
    o.timeout = std::chrono::milliseconds{-5};
    CHECK(refusal(f.desk, o).count("timeout") == 1);
}

TEST_CASE("make_notifier: refuses unknown event kinds, and kinds without a ticket for the workflow format") {
    fixture f;
    auto o = valid();
    o.events = {"ticket.approved", "ticket.aproved"};
    CHECK(refusal(f.desk, o).at("events").at(0) == "\"ticket.aproved\" is not an event kind.");

    o = valid();
    o.events = {"account.approved"};
    CHECK(webhook::make_notifier(f.desk, o) != nullptr); // the event format carries any kind
    o.format = webhook::payload_format::workflow;
    CHECK(refusal(f.desk, o).count("events") == 1);
}

TEST_CASE("make_notifier: reports every fault at once") {
    fixture f;
    webhook::options o;
    o.url = "ftp://example.com/";
    o.secret = "short";
    o.timeout = std::chrono::milliseconds{0};
    o.events = {"nope"};
    const auto fields = refusal(f.desk, o);
    CHECK(fields.count("url") == 1);
    CHECK(fields.count("secret") == 1);
    CHECK(fields.count("timeout") == 1);
    CHECK(fields.count("events") == 1);
}

} // namespace helpdesk::testing
