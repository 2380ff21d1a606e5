// Signed webhooks from the helpdesk-server program to a real HTTP receiver:
// retries de-duplicated by delivery id, dead events listed and requeued by a
// System Admin, the workflow payload's signed attachment links, a relay killed
// mid-delivery, and two server processes sharing one PostgreSQL outbox.
#include "delivery_support.hpp"
#include "webhook/http_receiver.hpp"

#include "contract/store_factories.hpp"
#include "support/release_only.hpp"

#include <map>

using namespace delivery_test;
using helpdesk::testing::http_receiver;
using helpdesk::testing::receiver_script;
using test_support::eventually;

namespace {

std::vector<std::string> hook_flags(const http_receiver& receiver, const std::string& events) {
    std::vector<std::string> flags{"--webhook-url", receiver.url(), "--webhook-secret", hook_secret};
    if (!events.empty()) {
        flags.insert(flags.end(), {"--webhook-events", events});
    }
    return flags;
}

// Requests per delivery id.
std::map<std::string, int> deliveries(const std::vector<helpdesk::testing::recorded_request>& requests) {
    std::map<std::string, int> out;
    for (const auto& r : requests) {
        ++out[r.header("X-Helpdesk-Delivery").value_or("")];
    }
    return out;
}

// Whether the request carries a valid signature under `secret`.
bool signed_correctly(const helpdesk::testing::recorded_request& r, const std::string& secret) {
    const auto timestamp = r.header("X-Helpdesk-Timestamp").value_or("");
    return !timestamp.empty() &&
           r.header("X-Helpdesk-Signature").value_or("") == "sha256=" + hmac_hex(secret, timestamp + "." + r.body);
}

} // namespace

TEST_CASE("webhook: a receiver answering 500 then 200 gets the event twice with one delivery id, both signed") {
    http_receiver receiver{receiver_script{.statuses = {500, 200}}};
    test_support::temp_dir dir;
    server_process server{dir, sqlite_store(dir), hook_flags(receiver, "ticket.created")};
    http_test::client web{server.port()};
    const auto admin = admin_token(web);
    (void)approved_employee(web, admin, "alice@desk.test");
    const auto ticket = create_ticket(web, login(web, "alice@desk.test", user_password));

    REQUIRE(eventually([&] { return receiver.requests().size() == 2; }, std::chrono::milliseconds{15000}));
    const auto requests = receiver.requests();
    // De-duplicated by delivery id, the receiver saw the ticket once.
    CHECK(deliveries(requests).size() == 1);
    for (const auto& r : requests) {
        CHECK(r.header("X-Helpdesk-Event") == "ticket.created");
        CHECK(signed_correctly(r, hook_secret));
        CHECK_FALSE(signed_correctly(r, hook_secret + "x"));
        const auto body = boost::json::parse(r.body).as_object();
        CHECK(body.at("event") == "ticket.created");
        CHECK(body.at("data").at("ticket_number") == ticket.at("ticket_number"));
        CHECK(std::to_string(body.at("id").as_int64()) == r.header("X-Helpdesk-Delivery"));
    }
    CHECK(requests[0].body == requests[1].body);
    CHECK(eventually([&] { return metric(web, "helpdesk_outbox_deliveries_total") >= 1; }));
    CHECK(metric(web, "helpdesk_outbox_retries_total") == 1);
    // Delivered: nothing more arrives.
    std::this_thread::sleep_for(std::chrono::milliseconds{1500});
    CHECK(receiver.requests().size() == 2);
    CHECK(server.stop() == 0);
}

TEST_CASE("webhook: 410 Gone parks the event as dead at once, a System Admin lists it and requeues it") {
    auto receiver = std::make_unique<http_receiver>(receiver_script{.statuses = {410}});
    const auto port = receiver->port();
    test_support::temp_dir dir;
    server_process server{dir, sqlite_store(dir), hook_flags(*receiver, "ticket.created")};
    http_test::client web{server.port()};
    const auto admin = admin_token(web);
    (void)approved_employee(web, admin, "alice@desk.test");
    const auto alice = login(web, "alice@desk.test", user_password);
    (void)create_ticket(web, alice);

    REQUIRE(eventually([&] { return metric(web, "helpdesk_outbox_dead") == 1; }));
    CHECK(receiver->requests().size() == 1); // not retried
    CHECK(metric(web, "helpdesk_outbox_dead_total") == 1);
    const auto dead = web.get("/api/outbox/dead/", admin);
    REQUIRE_MESSAGE(dead.status == 200, dead.body);
    const auto page = dead.json().as_object();
    CHECK(page.at("count") == 1);
    const auto event = page.at("results").at(0).as_object();
    CHECK(event.at("event") == "ticket.created");
    CHECK(event.at("state") == "dead");
    CHECK(event.at("attempts") == 1);
    CHECK(std::string{event.at("last_error").as_string()}.find("410") != std::string::npos);
    const auto id = std::to_string(event.at("id").as_int64());

    // Only a System Admin sees or requeues dead events.
    check_refusal(web.get("/api/outbox/dead/", alice), 403, "permission_denied");
    check_refusal(web.get("/api/outbox/dead/"), 401, "unauthenticated");
    check_refusal(web.send(http_test::http::verb::post, "/api/outbox/" + id + "/requeue/", "",
                                    {{"Authorization", "Bearer " + alice}}),
                           403, "permission_denied");
    check_refusal(web.send(http_test::http::verb::post, "/api/outbox/999999/requeue/", "",
                                    {{"Authorization", "Bearer " + admin}}),
                           404, "not_found");
    CHECK(metric(web, "helpdesk_outbox_dead") == 1);

    // The receiver is fixed; the admin requeues; the event goes out.
    receiver.reset();
    http_receiver fixed{receiver_script{.statuses = {200}, .port = port}};
    const auto requeued = web.send(http_test::http::verb::post, "/api/outbox/" + id + "/requeue/", "",
                                   {{"Authorization", "Bearer " + admin}});
    REQUIRE_MESSAGE(requeued.status == 200, requeued.body);
    CHECK(requeued.text("state") == "pending");
    CHECK(requeued.number("attempts") == 0);
    REQUIRE(eventually([&] { return fixed.requests().size() == 1; }));
    CHECK(fixed.requests()[0].header("X-Helpdesk-Delivery") == id);
    CHECK(eventually([&] { return metric(web, "helpdesk_outbox_dead") == 0; }));
    CHECK(web.get("/api/outbox/dead/", admin).json().at("count") == 0);
    // A delivered event is not dead any more: requeueing it is refused.
    check_refusal(web.send(http_test::http::verb::post, "/api/outbox/" + id + "/requeue/", "",
                                    {{"Authorization", "Bearer " + admin}}),
                           409, "invalid_state");
    CHECK(server.stop() == 0);
}

TEST_CASE("workflow webhook: approval and finalize carry the ticket and a signed attachment link that downloads") {
    http_receiver workflow;
    test_support::temp_dir dir;
    server_process server{dir, sqlite_store(dir),
                          {"--workflow-webhook-url", workflow.url("/workflow"), "--workflow-webhook-secret", hook_secret}};
    http_test::client web{server.port()};
    const auto admin = admin_token(web);
    (void)approved_employee(web, admin, "alice@desk.test");
    const auto ticket = create_ticket(web, login(web, "alice@desk.test", user_password), "Laptop broken", true);
    const auto id = std::to_string(ticket.at("id").as_int64());
    const auto approved = web.post("/api/tickets/" + id + "/approve/",
                                   boost::json::object{{"priority", "High"}, {"department", "IT Department"}}, admin);
    REQUIRE_MESSAGE(approved.status == 200, approved.body);
    REQUIRE(eventually([&] { return workflow.requests().size() == 1; }));
    const auto finalized = web.send(http_test::http::verb::post, "/api/tickets/" + id + "/finalize/", "",
                                    {{"Authorization", "Bearer " + admin}});
    REQUIRE_MESSAGE(finalized.status == 200, finalized.body);
    REQUIRE(eventually([&] { return workflow.requests().size() == 2; }));

    const auto requests = workflow.requests();
    CHECK(requests[0].header("X-Helpdesk-Event") == "ticket.approved");
    CHECK(requests[1].header("X-Helpdesk-Event") == "ticket.finalized");
    for (const auto& r : requests) {
        CHECK(signed_correctly(r, hook_secret));
        const auto t = boost::json::parse(r.body).at("ticket").as_object();
        CHECK(t.at("ticket_number") == ticket.at("ticket_number"));
        CHECK(t.at("subject") == "Laptop broken");
        CHECK(t.at("priority") == "High");
        CHECK(t.at("customer").at("email") == "alice@desk.test");
        const auto& files = t.at("attachments").as_array();
        REQUIRE(files.size() == 1);
        const std::string url{files[0].at("url").as_string()};
        CHECK(url.find("api_key") == std::string::npos);
        CHECK(url.find("key=") == std::string::npos);
        // The link works without any credential: it is signed.
        const auto origin = "http://127.0.0.1:" + std::to_string(server.port());
        REQUIRE_MESSAGE(url.starts_with(origin + "/api/attachments/"), url);
        const auto download = web.get(url.substr(origin.size()));
        CHECK(download.status == 200);
        CHECK(download.body == http_test::tiny_pdf());
    }
    CHECK(server.stop() == 0);
}

TEST_CASE("a relay killed in the middle of a delivery: after the restart the event is delivered, none lost") {
    if (test_support::skipped_under_sanitizers()) {
        return;
    }
    auto receiver = std::make_unique<http_receiver>(receiver_script{.hang = true});
    const auto port = receiver->port();
    test_support::temp_dir dir;
    const std::vector<std::string> flags{"--webhook-url",        receiver->url(), "--webhook-secret", hook_secret,
                                         "--webhook-events",     "ticket.created", "--delivery-lease", "2",
                                         "--webhook-timeout-ms", "1000"};
    std::string ticket_number;
    {
        server_process first{dir, sqlite_store(dir), flags};
        http_test::client web{first.port()};
        const auto admin = admin_token(web);
        (void)approved_employee(web, admin, "alice@desk.test");
        ticket_number = std::string{
            create_ticket(web, login(web, "alice@desk.test", user_password)).at("ticket_number").as_string()};
        // The POST is in flight (the receiver holds it) when the server dies.
        REQUIRE(eventually([&] { return receiver->requests().size() == 1; }));
        first.crash();
    }
    const auto delivery = receiver->requests()[0].header("X-Helpdesk-Delivery");
    receiver.reset();
    http_receiver back{receiver_script{.statuses = {200}, .port = port}};

    server_process second{dir, sqlite_store(dir), flags};
    http_test::client web{second.port()};
    // The dead relay's lease runs out (2 s); the new process delivers.
    REQUIRE(eventually([&] { return back.requests().size() == 1; }, std::chrono::milliseconds{15000}));
    CHECK(back.requests()[0].header("X-Helpdesk-Delivery") == delivery);
    CHECK(boost::json::parse(back.requests()[0].body).at("data").at("ticket_number").as_string() == ticket_number);
    CHECK(eventually([&] { return metric(web, "helpdesk_outbox_pending") == 0; }));
    CHECK(metric(web, "helpdesk_outbox_dead") == 0);
    CHECK(second.stop() == 0);
}

TEST_CASE("two server processes on one PostgreSQL share the outbox: every event delivered once, never twice at a time") {
    if (test_support::skipped_under_sanitizers()) {
        return;
    }
    contract::postgres_factory database;
    http_receiver receiver{receiver_script{.delay_ms = 20}};
    test_support::temp_dir dir;
    const std::vector<std::string> flags{"--webhook-url",   receiver.url(), "--webhook-secret", hook_secret,
                                         "--relay-threads", "2",            "--relay-batch",    "2"};
    server_process one{dir, database.url(), flags};
    server_process two{dir, database.url(), flags};
    http_test::client web{one.port()};
    http_test::client other{two.port()};
    const auto admin = admin_token(web);
    (void)approved_employee(web, admin, "alice@desk.test");
    const auto alice = login(other, "alice@desk.test", user_password);
    for (int i = 0; i < 20; ++i) {
        (void)create_ticket(i % 2 == 0 ? web : other, alice, "Ticket " + std::to_string(i));
    }
    REQUIRE(eventually([&] { return metric(web, "helpdesk_outbox_pending") == 0; }, std::chrono::milliseconds{30000}));
    const auto seen = deliveries(receiver.requests());
    // 20 tickets, the sign-up and the approval (plus anything the bootstrap recorded).
    CHECK(seen.size() >= 22);
    for (const auto& [id, times] : seen) {
        CHECK_MESSAGE(times == 1, "delivery " << id << " arrived " << times << " times");
    }
    // Both processes took part, and together they delivered each event once.
    const auto by_one = metric(web, "helpdesk_outbox_deliveries_total");
    const auto by_two = metric(other, "helpdesk_outbox_deliveries_total");
    CHECK(by_one + by_two == static_cast<double>(seen.size()));
    CHECK(metric(web, "helpdesk_outbox_dead") == 0);
    CHECK(one.stop() == 0);
    CHECK(two.stop() == 0);
}
