// Event-format deliveries to a real HTTP receiver: headers, signature, body,
// filtering and what each kind of answer means.

#include "test_certificate.hpp"
#include "webhook_support.hpp"

#include <ctime>
#include <thread>

namespace helpdesk::testing {
namespace {

// A ticket raised by a fresh employee: its `ticket.created` event, claimed.
struct created_ticket {
    fixture f;
    account owner = f.employee("owner@example.com");
    ticket item = f.raise(owner);
    outbox_event event = event_of(claim_all(f.desk), event_kind::ticket_created);
};

attempt deliver_with(const receiver_script& script, std::chrono::milliseconds timeout = std::chrono::milliseconds{5000}) {
    created_ticket t;
    http_receiver receiver(script);
    auto o = options_for(receiver);
    o.timeout = timeout;
    const auto channel = webhook::make_notifier(t.f.desk, o);
    auto result = try_deliver(*channel, t.event);
    CHECK(result.what.find(webhook_secret) == std::string::npos);
    return result;
}

} // namespace

TEST_CASE("webhook: POSTs with the event, delivery, timestamp and signature headers, and the signature verifies") {
    created_ticket t;
    http_receiver receiver;
    const auto channel = webhook::make_notifier(t.f.desk, options_for(receiver));

    const auto before = std::time(nullptr);
    const auto result = try_deliver(*channel, t.event);
    const auto after = std::time(nullptr);
    CHECK_FALSE(result.failed);

    const auto requests = receiver.requests();
    REQUIRE(requests.size() == 1);
    const auto& r = requests[0];
    CHECK(r.method == "POST");
    CHECK(r.path == "/hooks/helpdesk");
    CHECK(r.header("Content-Type") == "application/json");
    CHECK(r.header("User-Agent").value_or("").rfind("helpdesk-webhook/", 0) == 0);
    CHECK(r.header("X-Helpdesk-Event") == "ticket.created");
    CHECK(r.header("X-Helpdesk-Delivery") == std::to_string(t.event.id));
    CHECK_FALSE(r.header("Expect").has_value());

    // Unix seconds at send time (real time, not the engine's fixed test clock).
    const auto timestamp = std::stoll(r.header("X-Helpdesk-Timestamp").value_or("0"));
    CHECK(timestamp >= before);
    CHECK(timestamp <= after);

    const auto signature = r.header("X-Helpdesk-Signature").value_or("");
    CHECK(signature.rfind("sha256=", 0) == 0);
    CHECK(signature.size() == 7 + 64);
    CHECK(signature_verifies(r, webhook_secret));

    // A receiver must refuse a tampered body, another secret or a moved timestamp.
    auto tampered = r;
    tampered.body.replace(tampered.body.find("ticket.created"), 14, "ticket.closed!");
    CHECK_FALSE(signature_verifies(tampered, webhook_secret));
    CHECK_FALSE(signature_verifies(r, webhook_secret + "x"));
    CHECK_FALSE(signature_verifies(r, "another-secret-of-enough-bytes"));
    CHECK(expected_signature(webhook_secret, std::to_string(timestamp + 1), r.body) != signature);

    // The secret itself travels nowhere.
    CHECK(r.body.find(webhook_secret) == std::string::npos);
    for (const auto& [name, value] : r.headers) {
        CHECK(value.find(webhook_secret) == std::string::npos);
    }
}

TEST_CASE("webhook: the event-format body is id, event, created_at and the event's payload as data") {
    created_ticket t;
    http_receiver receiver;
    const auto channel = webhook::make_notifier(t.f.desk, options_for(receiver));
    REQUIRE_FALSE(try_deliver(*channel, t.event).failed);

    const auto requests = receiver.requests();
    REQUIRE(requests.size() == 1);
    const auto body = json_of(requests[0].body);
    CHECK(body.size() == 4);
    CHECK(body.at("id").to_number<std::int64_t>() == t.event.id);
    CHECK(body.at("event").as_string() == "ticket.created");
    CHECK(body.at("created_at").as_string() == "2026-03-02T09:00:00Z");
    CHECK(body.at("data") == boost::json::parse(t.event.payload));
    CHECK(body.at("data").as_object().size() > 0);
}

TEST_CASE("webhook: an event with a one-time secret is sent without it") {
    fixture f;
    (void)f.desk.accounts().admin_create(f.admin.id, testing::hire("new.hire@example.com", "Nina", "Hire"));
    auto event = event_of(claim_all(f.desk), event_kind::account_created);
    // The set-password token, as the relay hands it over (set here so the
    // check does not depend on the store keeping it).
    event.secret = "set-password-token-5f1e2d3c4b5a";

    http_receiver receiver;
    const auto channel = webhook::make_notifier(f.desk, options_for(receiver));
    REQUIRE_FALSE(try_deliver(*channel, event).failed);
    const auto requests = receiver.requests();
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].body.find(*event.secret) == std::string::npos);
    CHECK(json_of(requests[0].body).at("data").at("email") == "new.hire@example.com");
}

TEST_CASE("webhook: the event format sends only the kinds listed in events") {
    created_ticket t;
    http_receiver receiver;
    auto o = options_for(receiver);
    o.events = {"ticket.approved"};
    const auto channel = webhook::make_notifier(t.f.desk, o);
    CHECK_FALSE(try_deliver(*channel, t.event).failed);
    CHECK(receiver.requests().empty());

    o.events = {"ticket.approved", "ticket.created"};
    const auto listening = webhook::make_notifier(t.f.desk, o);
    CHECK_FALSE(try_deliver(*listening, t.event).failed);
    CHECK(receiver.requests().size() == 1);
}

TEST_CASE("webhook: a subscription to ticket.updated gets staff's edit with the old and new values") {
    fixture f;
    const auto owner = f.employee("erin@example.com");
    const auto coordinator = f.staff("cora@example.com");
    const auto raised = f.raise(owner);
    (void)f.desk.tickets().approve(coordinator.id, raised.id, {});
    (void)claim_all(f.desk);
    edit_ticket_request change;
    change.priority = "Critical";
    (void)f.desk.tickets().edit(coordinator.id, raised.id, change);
    const auto event = event_of(claim_all(f.desk), event_kind::ticket_updated);

    http_receiver receiver;
    auto o = options_for(receiver);
    o.events = {"ticket.updated"};
    const auto channel = webhook::make_notifier(f.desk, o);
    REQUIRE_FALSE(try_deliver(*channel, event).failed);
    const auto requests = receiver.requests();
    REQUIRE(requests.size() == 1);
    const auto body = json_of(requests[0].body);
    CHECK(body.at("event").as_string() == "ticket.updated");
    const auto& data = body.at("data").as_object();
    CHECK(data.at("priority") == "Critical");
    CHECK(data.at("old_priority") == "Low");
    CHECK(data.at("department") == "IT Department");
    CHECK(data.at("old_department") == "IT Department");
    CHECK(data.at("owner").to_number<std::int64_t>() == owner.id);
}

TEST_CASE("webhook: a payload that is not a JSON object is a permanent failure") {
    created_ticket t;
    http_receiver receiver;
    const auto channel = webhook::make_notifier(t.f.desk, options_for(receiver));
    auto broken = t.event;
    broken.payload = "[1, 2";
    const auto result = try_deliver(*channel, broken);
    CHECK(result.failed);
    CHECK(result.permanent);
    CHECK(receiver.requests().empty());
}

TEST_CASE("webhook: a large body goes in one request, without waiting for 100 Continue") {
    created_ticket t;
    http_receiver receiver;
    const auto channel = webhook::make_notifier(t.f.desk, options_for(receiver));
    auto big = t.event;
    const std::string note(200000, 'n');
    big.payload = R"({"note": ")" + note + R"(", "emoji": "\u00e9t\u00e9 \ud83d\ude00"})";
    const auto result = try_deliver(*channel, big);
    REQUIRE_FALSE(result.failed);
    CHECK(result.took < std::chrono::milliseconds{900}); // libcurl's 100-continue wait is 1 s
    const auto requests = receiver.requests();
    REQUIRE(requests.size() == 1);
    CHECK_FALSE(requests[0].header("Expect").has_value());
    CHECK(requests[0].header("Content-Length") == std::to_string(requests[0].body.size()));
    const auto data = json_of(requests[0].body).at("data").as_object();
    CHECK(data.at("note").as_string().size() == note.size());
    CHECK(data.at("emoji") == "\u00e9t\u00e9 \U0001F600");
    CHECK(signature_verifies(requests[0], webhook_secret));
}

TEST_CASE("webhook: one notifier delivers from several threads at once") {
    fixture f;
    const auto owner = f.employee("busy.owner@example.com");
    for (int i = 0; i < 8; ++i) {
        (void)f.raise(owner, "Ticket " + std::to_string(i));
    }
    std::vector<outbox_event> created;
    for (const auto& e : claim_all(f.desk)) {
        if (e.kind == event_kind::ticket_created) {
            created.push_back(e);
        }
    }
    REQUIRE(created.size() == 8);

    receiver_script slow;
    slow.delay_ms = 50;
    http_receiver receiver(slow);
    const auto channel = webhook::make_notifier(f.desk, options_for(receiver));
    std::vector<attempt> results(created.size());
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < created.size(); ++i) {
        threads.emplace_back([&, i] { results[i] = try_deliver(*channel, created[i]); });
    }
    for (auto& th : threads) {
        th.join();
    }
    for (const auto& r : results) {
        CHECK_MESSAGE(!r.failed, r.what);
    }
    const auto requests = receiver.requests();
    REQUIRE(requests.size() == created.size());
    std::vector<std::string> deliveries;
    for (const auto& r : requests) {
        CHECK(signature_verifies(r, webhook_secret));
        deliveries.push_back(r.header("X-Helpdesk-Delivery").value_or(""));
        CHECK(json_of(r.body).at("id").to_number<std::int64_t>() == std::stoll(deliveries.back()));
    }
    std::sort(deliveries.begin(), deliveries.end());
    CHECK(std::unique(deliveries.begin(), deliveries.end()) == deliveries.end());
}

TEST_CASE("webhook: a kind that cannot go into a header line is a permanent failure and nothing is sent") {
    created_ticket t;
    http_receiver receiver;
    const auto channel = webhook::make_notifier(t.f.desk, options_for(receiver));
    for (const char* kind : {"ticket.created\r\nX-Injected: 1", "ticket created", ""}) {
        INFO("kind: " << std::string{kind});
        auto odd = t.event;
        odd.kind = kind;
        const auto result = try_deliver(*channel, odd);
        CHECK(result.failed);
        CHECK(result.permanent);
    }
    CHECK(receiver.requests().empty());
}

TEST_CASE("webhook: 200 and 204 are delivered") {
    CHECK_FALSE(deliver_with({{200}}).failed);
    CHECK_FALSE(deliver_with({{204}}).failed);
}

TEST_CASE("webhook: 500 and 503 are transient failures that name the status") {
    auto result = deliver_with({{500}});
    CHECK(result.failed);
    CHECK_FALSE(result.permanent);
    CHECK(result.what.find("HTTP 500") != std::string::npos);
    CHECK(result.what.find("http://127.0.0.1:") != std::string::npos);
    CHECK(result.what.find("/hooks/helpdesk") == std::string::npos); // paths may hold tokens

    CHECK(result.what.find(R"({"status": 500})") != std::string::npos); // the start of the answer, for operators

    result = deliver_with({{503}});
    CHECK(result.failed);
    CHECK_FALSE(result.permanent);
}

TEST_CASE("webhook: 429 and 408 are transient failures") {
    for (const int status : {429, 408}) {
        const auto result = deliver_with({{status}});
        CHECK_MESSAGE(result.failed, status);
        CHECK_MESSAGE(!result.permanent, status);
        CHECK(result.what.find("HTTP " + std::to_string(status)) != std::string::npos);
    }
}

TEST_CASE("webhook: 410, 400, 401 and 404 are permanent failures") {
    for (const int status : {410, 400, 401, 404}) {
        const auto result = deliver_with({{status}});
        CHECK_MESSAGE(result.failed, status);
        CHECK_MESSAGE(result.permanent, status);
        CHECK(result.what.find("HTTP " + std::to_string(status)) != std::string::npos);
    }
}

TEST_CASE("webhook: a 301 is a permanent failure and the redirect is not followed") {
    created_ticket t;
    http_receiver receiver({{301, 200}});
    const auto channel = webhook::make_notifier(t.f.desk, options_for(receiver));
    const auto result = try_deliver(*channel, t.event);
    CHECK(result.failed);
    CHECK(result.permanent);
    CHECK(result.what.find("HTTP 301") != std::string::npos);
    CHECK(result.what.find("not followed") != std::string::npos);
    const auto requests = receiver.requests();
    REQUIRE(requests.size() == 1); // nothing went to Location: /moved
    CHECK(requests[0].path == "/hooks/helpdesk");
}

TEST_CASE("webhook: the answers of a retried event follow the receiver, 500 then 200") {
    created_ticket t;
    http_receiver receiver({{500, 200}});
    const auto channel = webhook::make_notifier(t.f.desk, options_for(receiver));
    CHECK(try_deliver(*channel, t.event).failed);
    CHECK_FALSE(try_deliver(*channel, t.event).failed);
    const auto requests = receiver.requests();
    REQUIRE(requests.size() == 2);
    // The same delivery id both times, so the receiver can de-duplicate.
    CHECK(requests[0].header("X-Helpdesk-Delivery") == requests[1].header("X-Helpdesk-Delivery"));
    CHECK(requests[0].body == requests[1].body);
}

TEST_CASE("webhook: a receiver that never answers is a transient failure after about the timeout") {
    receiver_script hang;
    hang.hang = true;
    const auto result = deliver_with(hang, std::chrono::milliseconds{300});
    CHECK(result.failed);
    CHECK_FALSE(result.permanent);
    CHECK(result.took >= std::chrono::milliseconds{250});
    CHECK(result.took < std::chrono::milliseconds{2000});
    CHECK(result.what.find("curl error 28") != std::string::npos); // CURLE_OPERATION_TIMEDOUT
}

TEST_CASE("webhook: a slow answer within the timeout is delivered") {
    receiver_script slow;
    slow.delay_ms = 200;
    const auto result = deliver_with(slow, std::chrono::milliseconds{3000});
    CHECK_FALSE(result.failed);
    CHECK(result.took >= std::chrono::milliseconds{200});
}

TEST_CASE("webhook: a refused connection is a transient failure") {
    created_ticket t;
    webhook::options o;
    o.url = "http://127.0.0.1:" + std::to_string(closed_port()) + "/hooks/helpdesk";
    o.secret = webhook_secret;
    const auto channel = webhook::make_notifier(t.f.desk, o);
    const auto result = try_deliver(*channel, t.event);
    CHECK(result.failed);
    CHECK_FALSE(result.permanent);
    CHECK(result.what.find("curl error 7") != std::string::npos); // CURLE_COULDNT_CONNECT
    CHECK(result.what.find(webhook_secret) == std::string::npos);
}

TEST_CASE("webhook: a host that does not resolve is a transient failure") {
    created_ticket t;
    webhook::options o;
    o.url = "http://helpdesk-webhook-test.invalid/hook"; // RFC 6761: .invalid never resolves
    o.secret = webhook_secret;
    o.timeout = std::chrono::milliseconds{3000};
    const auto channel = webhook::make_notifier(t.f.desk, o);
    const auto result = try_deliver(*channel, t.event);
    CHECK(result.failed);
    CHECK_FALSE(result.permanent);
}

} // namespace helpdesk::testing

namespace helpdesk::testing {

TEST_CASE("webhook: https with a certificate the client cannot verify fails transiently unless verify_peer is off") {
    created_ticket t;
    test_certificate certificate;
    receiver_script script;
    script.tls_cert_file = certificate.cert_file();
    script.tls_key_file = certificate.key_file();
    http_receiver receiver(script);
    REQUIRE(receiver.url().rfind("https://", 0) == 0);

    auto o = options_for(receiver);
    const auto checking = webhook::make_notifier(t.f.desk, o);
    const auto refused = try_deliver(*checking, t.event);
    CHECK(refused.failed);
    CHECK_FALSE(refused.permanent);
    CHECK(refused.what.find("curl error 60") != std::string::npos); // CURLE_PEER_FAILED_VERIFICATION
    CHECK(receiver.requests().empty());

    o.verify_peer = false;
    const auto trusting = webhook::make_notifier(t.f.desk, o);
    const auto result = try_deliver(*trusting, t.event);
    CHECK_MESSAGE(!result.failed, result.what);
    const auto requests = receiver.requests();
    REQUIRE(requests.size() == 1);
    CHECK(signature_verifies(requests[0], webhook_secret));
}

} // namespace helpdesk::testing
