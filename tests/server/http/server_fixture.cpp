#include "server_fixture.hpp"

namespace http_test {

helpdesk::server_options test_options() {
    helpdesk::server_options o;
    o.listen_address = "127.0.0.1";
    o.port = 0;
    o.jwt_secret = test_secret;
    o.worker_threads = 2;
    o.address_limit = helpdesk::rate_limit{100000, std::chrono::milliseconds{1}};
    o.account_limit = helpdesk::rate_limit{100000, std::chrono::milliseconds{1}};
    o.cors_origins = {"https://desk.example.com"};
    return o;
}

} // namespace http_test
