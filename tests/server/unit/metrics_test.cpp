#include "ops/metrics.hpp"

#include <helpdesk/error.hpp>

#include <doctest/doctest.h>

#include <limits>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

namespace {

using namespace helpdesk;
using namespace helpdesk::server;
using namespace std::chrono_literals;

using gauge = std::tuple<std::string, std::string, double>;

bool has_line(const std::string& text, std::string_view line) {
    return text.find("\n" + std::string(line) + "\n") != std::string::npos ||
           text.rfind(std::string(line) + "\n", 0) == 0;
}

} // namespace

TEST_CASE("metrics: an empty registry renders headers, zero histograms and the store counter") {
    const metrics m({"GET /api/tickets/"});
    const auto text = m.render({});
    CHECK(has_line(text, "# HELP helpdesk_http_requests_total HTTP requests by route and status code."));
    CHECK(has_line(text, "# TYPE helpdesk_http_requests_total counter"));
    CHECK(text.find("helpdesk_http_requests_total{") == std::string::npos);
    CHECK(has_line(text, "# TYPE helpdesk_http_request_duration_seconds histogram"));
    CHECK(has_line(text, R"(helpdesk_http_request_duration_seconds_bucket{route="GET /api/tickets/",le="+Inf"} 0)"));
    CHECK(has_line(text, R"(helpdesk_http_request_duration_seconds_count{route="unmatched"} 0)"));
    CHECK(has_line(text, R"(helpdesk_http_request_duration_seconds_sum{route="unmatched"} 0)"));
    CHECK(has_line(text, "# TYPE helpdesk_store_errors_total counter"));
    CHECK(has_line(text, "helpdesk_store_errors_total 0"));
    CHECK(text.back() == '\n');
}

TEST_CASE("metrics: requests are counted per route and exact status") {
    metrics m({"GET /api/tickets/", "GET /api/tickets/{id}/"});
    m.observe(0, 200, 1ms);
    m.observe(0, 200, 1ms);
    m.observe(1, 404, 1ms);
    m.observe(1, 412, 1ms);
    m.observe(2, 404, 1ms);   // unmatched
    m.observe(99, 405, 1ms);  // out of range counts as unmatched
    m.observe(0, 42, 1ms);    // impossible status
    m.observe(0, 600, 1ms);
    const auto text = m.render({});
    CHECK(has_line(text, R"(helpdesk_http_requests_total{route="GET /api/tickets/",status="200"} 2)"));
    CHECK(has_line(text, R"(helpdesk_http_requests_total{route="GET /api/tickets/{id}/",status="404"} 1)"));
    CHECK(has_line(text, R"(helpdesk_http_requests_total{route="GET /api/tickets/{id}/",status="412"} 1)"));
    CHECK(has_line(text, R"(helpdesk_http_requests_total{route="unmatched",status="404"} 1)"));
    CHECK(has_line(text, R"(helpdesk_http_requests_total{route="unmatched",status="405"} 1)"));
    CHECK(has_line(text, R"(helpdesk_http_requests_total{route="GET /api/tickets/",status="other"} 2)"));
    CHECK(text.find("status=\"500\"") == std::string::npos);
    CHECK(has_line(text, R"(helpdesk_http_request_duration_seconds_count{route="GET /api/tickets/"} 4)"));
}

TEST_CASE("metrics: histogram buckets are cumulative with le boundaries inclusive") {
    metrics m({"r"});
    m.observe(0, 200, 500us);      // exactly 0.0005 → first bucket
    m.observe(0, 200, 501us);      // → 0.001
    m.observe(0, 200, 30ms);       // → 0.05
    m.observe(0, 200, 10s);        // exactly 10 → 10
    m.observe(0, 200, 11s);        // → +Inf only
    m.observe(0, 200, -5ms);       // clamped to 0
    const auto text = m.render({});
    const auto bucket = [&](std::string_view le, int n) {
        return has_line(text, "helpdesk_http_request_duration_seconds_bucket{route=\"r\",le=\"" + std::string(le) +
                                  "\"} " + std::to_string(n));
    };
    CHECK(bucket("0.0005", 2));
    CHECK(bucket("0.001", 3));
    CHECK(bucket("0.0025", 3));
    CHECK(bucket("0.025", 3));
    CHECK(bucket("0.05", 4));
    CHECK(bucket("5", 4));
    CHECK(bucket("10", 5));
    CHECK(bucket("+Inf", 6));
    CHECK(has_line(text, R"(helpdesk_http_request_duration_seconds_count{route="r"} 6)"));
    CHECK(has_line(text, R"(helpdesk_http_request_duration_seconds_sum{route="r"} 21.031001)"));
    // Every bucket appears in order, once.
    std::size_t pos = 0;
    for (const auto* le : {"0.0005", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1",
                           "2.5", "5", "10", "+Inf"}) {
        const auto at = text.find(std::string("route=\"r\",le=\"") + le + "\"", pos);
        CAPTURE(le);
        REQUIRE(at != std::string::npos);
        pos = at;
    }
}

TEST_CASE("metrics: store errors and gauges") {
    metrics m({});
    m.count_store_error();
    m.count_store_error();
    const std::vector<gauge> gauges = {{"helpdesk_outbox_backlog", "Outbox events waiting.", 17},
                                       {"helpdesk_ratio", "A fraction.\nSecond line with \\ backslash.", 0.25},
                                       {"helpdesk_nan", "Not a number.", std::numeric_limits<double>::quiet_NaN()},
                                       {"helpdesk_inf", "Infinite.", -std::numeric_limits<double>::infinity()}};
    const auto text = m.render(gauges);
    CHECK(has_line(text, "helpdesk_store_errors_total 2"));
    CHECK(has_line(text, "# HELP helpdesk_outbox_backlog Outbox events waiting."));
    CHECK(has_line(text, "# TYPE helpdesk_outbox_backlog gauge"));
    CHECK(has_line(text, "helpdesk_outbox_backlog 17"));
    CHECK(has_line(text, R"(# HELP helpdesk_ratio A fraction.\nSecond line with \\ backslash.)"));
    CHECK(has_line(text, "helpdesk_ratio 0.25"));
    CHECK(has_line(text, "helpdesk_nan NaN"));
    CHECK(has_line(text, "helpdesk_inf -Inf"));
}

TEST_CASE("metrics: an invalid gauge name is refused") {
    const metrics m({});
    for (const auto* name : {"", "9starts_with_digit", "has space", "has-dash", "quote\""}) {
        CAPTURE(name);
        const std::vector<gauge> gauges = {{name, "help", 1}};
        CHECK_THROWS_AS((void)m.render(gauges), error);
    }
    const std::vector<gauge> ok = {{"ns:sub_metric_2", "help", 1}};
    CHECK_NOTHROW((void)m.render(ok));
}

TEST_CASE("metrics: label values are escaped per the exposition format") {
    metrics m({"GET /a\"b\\c\nd/"});
    m.observe(0, 200, 1ms);
    const auto text = m.render({});
    CHECK(has_line(text, R"(helpdesk_http_requests_total{route="GET /a\"b\\c\nd/",status="200"} 1)"));
    CHECK(text.find("\nd/") == std::string::npos);
}

TEST_CASE("metrics: every line is a comment or a sample") {
    metrics m({"GET /api/tickets/", "POST /api/tickets/"});
    m.observe(1, 201, 3ms);
    const std::vector<gauge> gauges = {{"helpdesk_outbox_backlog", "Outbox.", 0}};
    const auto text = m.render(gauges);
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = text.find('\n', start);
        REQUIRE(end != std::string::npos);
        const auto line = std::string_view(text).substr(start, end - start);
        CAPTURE(line);
        CHECK(!line.empty());
        if (line.front() == '#') {
            CHECK((line.rfind("# HELP ", 0) == 0 || line.rfind("# TYPE ", 0) == 0));
        } else {
            CHECK(line.rfind("helpdesk_", 0) == 0);
            const auto space = line.rfind(' ');
            REQUIRE(space != std::string_view::npos);
            CHECK(line.substr(space + 1).find_first_not_of("0123456789.e+-") == std::string_view::npos);
        }
        start = end + 1;
    }
}

TEST_CASE("metrics: concurrent observers lose no counts") {
    metrics m({"r"});
    constexpr int threads = 4;
    constexpr int per_thread = 20000;
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t)
        workers.emplace_back([&] {
            for (int i = 0; i < per_thread; ++i) {
                m.observe(0, 200, 2ms);
                if (i % 100 == 0) m.count_store_error();
            }
        });
    for (int i = 0; i < 20; ++i) (void)m.render({});
    for (auto& w : workers) w.join();
    const auto text = m.render({});
    CHECK(has_line(text, R"(helpdesk_http_requests_total{route="r",status="200"} 80000)"));
    CHECK(has_line(text, R"(helpdesk_http_request_duration_seconds_count{route="r"} 80000)"));
    CHECK(has_line(text, R"(helpdesk_http_request_duration_seconds_sum{route="r"} 160)"));
    CHECK(has_line(text, "helpdesk_store_errors_total 800"));
}
