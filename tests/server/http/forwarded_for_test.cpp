// Behind a load balancer (docs/product.md#rate-limits): X-Forwarded-For is believed only from a
// trusted proxy, and then only up to the first address it did not add.
#include "auth_support.hpp"

using namespace http_test;
using namespace http_test::guard;

namespace {

reply forgot(client& web, const std::string& forwarded_for) {
    header_list headers{{"Content-Type", "application/json"}};
    if (!forwarded_for.empty()) {
        headers.emplace_back("X-Forwarded-For", forwarded_for);
    }
    return web.send(http::verb::post, "/api/employee/forgot-password/", R"({"email": "nobody@desk.test"})", headers);
}

auto two_per_address(std::vector<std::string> trusted) {
    return [trusted = std::move(trusted)](helpdesk::server_options& o) {
        o.address_limit = helpdesk::rate_limit{2, std::chrono::milliseconds{60000}};
        o.trusted_proxies = trusted;
    };
}

} // namespace

TEST_CASE("behind a trusted proxy each forwarded client has its own address bucket") {
    server_fixture<contract::sqlite_file_factory> f{two_per_address({"127.0.0.1"})};
    auto& web = f.http();
    CHECK(forgot(web, "10.0.0.1").status == 200);
    CHECK(forgot(web, "10.0.0.1").status == 200);
    check_error(forgot(web, "10.0.0.1"), 429, "rate_limited");
    // Another client behind the same proxy is not held back.
    CHECK(forgot(web, "10.0.0.2").status == 200);
    // A client cannot pick its own address: entries left of the one our proxy
    // added are the client's word and are not believed.
    check_error(forgot(web, "10.9.9.9, 10.0.0.1"), 429, "rate_limited");
    // The access log names the forwarded client.
    bool logged = false;
    for (const auto& line : f.log_lines()) {
        logged = logged || line.find(R"("client":"10.0.0.2")") != std::string::npos;
    }
    CHECK(logged);
}

TEST_CASE("without trusted proxies X-Forwarded-For is ignored") {
    server_fixture<contract::sqlite_file_factory> f{two_per_address({})};
    auto& web = f.http();
    CHECK(forgot(web, "10.0.0.1").status == 200);
    CHECK(forgot(web, "10.0.0.2").status == 200);
    // Every request came from 127.0.0.1, whatever the header claims.
    check_error(forgot(web, "10.0.0.3"), 429, "rate_limited");
    // A malformed header from a trusted proxy falls back to the proxy itself.
    server_fixture<contract::sqlite_file_factory> g{two_per_address({"127.0.0.1"})};
    CHECK(forgot(g.http(), "not-an-address").status == 200);
    CHECK(forgot(g.http(), "").status == 200);
    check_error(forgot(g.http(), "also garbage"), 429, "rate_limited");
}
