// Refusals added after a review of the server: credentials are checked
// before a body is read, and padding an email does not buy a fresh bucket.
#include "auth_support.hpp"

using namespace http_test;
using namespace http_test::guard;

TEST_CASE("an upload without credentials is refused before its body is read") {
    server_fixture<contract::sqlite_file_factory> f;
    boost::asio::io_context ioc;
    auto s = raw_connect(ioc, f.port());
    // Announces 20 MiB (under the upload limit) but sends none of it: the
    // answer must come from the header alone, and the connection must close.
    raw_write(s, "POST /api/tickets/ HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                 "Content-Length: 20971520\r\n\r\n");
    const auto got = raw_read(s, std::chrono::milliseconds{3000});
    CHECK(got.data.starts_with("HTTP/1.1 401"));
    CHECK(got.data.find("\"error\":\"unauthenticated\"") != std::string::npos);
    CHECK(got.closed);

    // A forged token is refused the same way; a valid one reads the body.
    auto s2 = raw_connect(ioc, f.port());
    raw_write(s2, "POST /api/tickets/ HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer not.a.token\r\n"
                  "Content-Type: application/json\r\nContent-Length: 1000000\r\n\r\n");
    const auto got2 = raw_read(s2, std::chrono::milliseconds{3000});
    CHECK(got2.data.starts_with("HTTP/1.1 401"));

    const auto alice = f.account("Alice");
    auto ok = f.http().post("/api/tickets/",
                            {{"subject", "Mouse"},
                             {"category", "IT Category"},
                             {"sub_category", "Technical Support & Troubleshooting"},
                             {"description", "Broken."}},
                            alice.access);
    CHECK(ok.status == 201);

    // The workflow route checks its API key first too.
    auto s3 = raw_connect(ioc, f.port());
    raw_write(s3, "POST /api/workflow/tickets/TX0001/status/ HTTP/1.1\r\nHost: x\r\nX-API-Key: wrong-key-0000000000\r\n"
                  "Content-Type: application/json\r\nContent-Length: 500000\r\n\r\n");
    CHECK(raw_read(s3, std::chrono::milliseconds{3000}).data.starts_with("HTTP/1.1 401"));
}

TEST_CASE("the per-account login bucket is keyed on the trimmed email") {
    server_fixture<contract::sqlite_file_factory> f{[](helpdesk::server_options& o) {
        o.account_limit = helpdesk::rate_limit{2, std::chrono::milliseconds{60000}};
    }};
    auto& web = f.http();
    const auto victim = f.account("Victim");
    for (const auto* padded : {" ", "  ", "\t"}) {
        (void)web.post("/api/token/employee/", {{"email", padded + victim.email}, {"password", "Wrong-pass-1"}});
    }
    // Two attempts were allowed in all; every padded spelling shared the bucket.
    const auto r = web.post("/api/token/employee/", {{"email", victim.email + " "}, {"password", test_password}});
    check_error(r, 429, "rate_limited");
    CHECK(r.has_header("Retry-After"));
}
