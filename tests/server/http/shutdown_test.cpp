// Graceful shutdown over real HTTP (docs/product.md#server-protections): stop()
// stops accepting at once, lets a request in flight finish within the grace
// period, closes idle connections without waiting, and cuts off what is
// still unfinished when the grace period ends.
#include "auth_support.hpp"

#include <atomic>
#include <future>

using namespace http_test;
using namespace http_test::guard;

namespace {

/// A multipart ticket-creation request split in two: the head plus most of
/// the body, and the last bytes.
struct split_request {
    std::string first{};
    std::string rest{};
};

split_request slow_ticket(const person& owner, const std::string& subject) {
    std::string csv;
    while (csv.size() < 32 * 1024) {
        csv += "line,of,a,log\n";
    }
    const auto [type, body] = multipart_body({{"subject", subject},
                                              {"category", "IT Category"},
                                              {"sub_category", "Technical Support & Troubleshooting"},
                                              {"description", "Sent slowly."},
                                              {"attachments", csv, "log.csv", "text/csv"}});
    const std::string head = "POST /api/tickets/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + owner.access +
                             "\r\nContent-Type: " + type + "\r\nContent-Length: " + std::to_string(body.size()) +
                             "\r\n\r\n";
    const auto cut = body.size() - 100;
    return {head + body.substr(0, cut), body.substr(cut)};
}

bool can_connect(std::uint16_t port) {
    boost::asio::io_context ioc;
    boost::asio::ip::tcp::socket s{ioc};
    boost::system::error_code ec;
    s.connect(boost::asio::ip::tcp::endpoint{boost::asio::ip::make_address("127.0.0.1"), port}, ec);
    if (ec) {
        return false;
    }
    // Accepted by the kernel's backlog but never served counts as refused.
    raw_write(s, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    return raw_status(raw_read(s, std::chrono::milliseconds{500}, true).data) == 200;
}

} // namespace

HTTP_TEST_CASE("shutdown - a request in flight completes during stop and new connections are refused") {
    const auto alice = f.account("Alice");
    const auto port = f.port();
    const auto request = slow_ticket(alice, "Sent during shutdown");

    boost::asio::io_context ioc;
    auto s = raw_connect(ioc, port);
    raw_write(s, request.first);
    // Let the server read the header and start on the body.
    std::this_thread::sleep_for(std::chrono::milliseconds{200});

    std::atomic<bool> stopped{false};
    const auto began = std::chrono::steady_clock::now();
    auto stopping = std::async(std::launch::async, [&] {
        f.server().stop(std::chrono::milliseconds{5000});
        stopped = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds{300});
    // No longer accepting; still waiting for the request in flight.
    CHECK_FALSE(can_connect(port));
    CHECK_FALSE(stopped.load());

    raw_write(s, request.rest);
    const auto got = raw_read(s, std::chrono::milliseconds{4000});
    const auto r = raw_reply(got.data);
    CHECK_MESSAGE(r.status == 201, got.data.substr(0, 400));
    CHECK(r.header("Connection") == "close");
    CHECK(got.closed);
    stopping.get();
    CHECK(stopped.load());
    CHECK(std::chrono::steady_clock::now() - began < std::chrono::milliseconds{4000});

    // The ticket was stored.
    const auto listed = f.desk().tickets().list(alice.id, helpdesk::ticket_list_request{});
    REQUIRE(listed.results.size() == 1);
    CHECK(listed.results.front().subject == "Sent during shutdown");
    // The access log recorded it.
    bool logged = false;
    for (const auto& line : f.log_lines()) {
        logged = logged || (line.find("\"path\":\"/api/tickets/\"") != std::string::npos &&
                            line.find("\"status\":201") != std::string::npos);
    }
    CHECK(logged);
}

TEST_CASE("shutdown - idle keep-alive connections do not hold stop for the grace period") {
    server_fixture<contract::sqlite_file_factory> f;
    client idle = f.connect();
    REQUIRE(idle.get("/healthz").status == 200);
    boost::asio::io_context ioc;
    auto half = raw_connect(ioc, f.port());
    raw_write(half, "GET /healthz HTTP/1.1\r\n");
    std::this_thread::sleep_for(std::chrono::milliseconds{100});

    const auto began = std::chrono::steady_clock::now();
    f.server().stop(std::chrono::milliseconds{10000});
    CHECK(std::chrono::steady_clock::now() - began < std::chrono::milliseconds{2000});
    // The half-sent request got no answer, just the close.
    const auto got = raw_read(half, std::chrono::milliseconds{1000});
    CHECK(got.closed);
    CHECK(raw_status(got.data) == 0);
}

TEST_CASE("shutdown - a request still unfinished when the grace period ends is cut off") {
    server_fixture<contract::sqlite_file_factory> f;
    const auto alice = f.account("Alice");
    const auto request = slow_ticket(alice, "Never finished");
    boost::asio::io_context ioc;
    auto s = raw_connect(ioc, f.port());
    raw_write(s, request.first);
    std::this_thread::sleep_for(std::chrono::milliseconds{200});

    const auto began = std::chrono::steady_clock::now();
    f.server().stop(std::chrono::milliseconds{500});
    const auto took = std::chrono::steady_clock::now() - began;
    CHECK(took >= std::chrono::milliseconds{400});
    CHECK(took < std::chrono::milliseconds{2500});
    const auto got = raw_read(s, std::chrono::milliseconds{1000});
    CHECK(got.closed);
    CHECK(raw_status(got.data) == 0);
    CHECK(f.desk().tickets().list(alice.id, helpdesk::ticket_list_request{}).results.empty());
}

TEST_CASE("shutdown - stop is idempotent and the port is released") {
    server_fixture<contract::sqlite_file_factory> f;
    const auto port = f.port();
    REQUIRE(f.http().get("/healthz").status == 200);
    f.server().stop(std::chrono::milliseconds{1000});
    f.server().stop(std::chrono::milliseconds{1000});
    f.server().wait();
    CHECK_FALSE(can_connect(port));
    // The port can be bound again by a new server.
    auto options = test_options();
    options.port = port;
    options.log_sink = [](std::string_view) {};
    helpdesk::http_server again{f.desk(), options};
    again.start();
    CHECK(again.port() == port);
    client c{port};
    CHECK(c.get("/healthz").status == 200);
    again.stop(std::chrono::milliseconds{1000});
}
