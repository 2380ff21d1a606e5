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

    // The workflow route checks its API key first too: one that cannot be a
    // key, one shaped like a key but unknown, and a revoked one are all
    // looked up and refused from the header alone.
    const auto revoked = f.desk().api_keys().create_for_operator("old");
    (void)f.desk().api_keys().revoke_for_operator(revoked.record.id);
    for (const std::string& key : {std::string{"wrong-key-0000000000"}, "hdk_" + std::string(48, '7'), revoked.key}) {
        CAPTURE(key);
        auto s3 = raw_connect(ioc, f.port());
        raw_write(s3, "POST /api/workflow/tickets/TX0001/status/ HTTP/1.1\r\nHost: x\r\nX-API-Key: " + key +
                          "\r\nContent-Type: application/json\r\nContent-Length: 500000\r\n\r\n");
        const auto got3 = raw_read(s3, std::chrono::milliseconds{3000});
        CHECK(got3.data.starts_with("HTTP/1.1 401"));
        CHECK(got3.closed);
    }
    // A live key reads the body and reaches the handler.
    const auto live = f.desk().api_keys().create_for_operator("live").key;
    auto s4 = raw_connect(ioc, f.port());
    const std::string body = R"({"status": "In Progress"})";
    raw_write(s4, "POST /api/workflow/tickets/TX0001/status/ HTTP/1.1\r\nHost: x\r\nX-API-Key: " + live +
                      "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
                      "\r\nConnection: close\r\n\r\n" + body);
    const auto got4 = raw_read(s4, std::chrono::milliseconds{3000});
    CHECK_MESSAGE(got4.data.starts_with("HTTP/1.1 409"), got4.data); // the ticket is New: read and judged
}

TEST_CASE("a request whose target does not parse is answered before its body is read") {
    server_fixture<contract::sqlite_file_factory> f;
    boost::asio::io_context ioc;
    // Announces 25 MiB (the upload limit of the raw path) without credentials
    // and sends none of it: the 400 must come from the header alone.
    for (const std::string target : {"/api/tickets/?%", "/api/tickets/%zz/comments/", "/api/workflow/tickets/TX1/status/?%"}) {
        CAPTURE(target);
        auto s = raw_connect(ioc, f.port());
        raw_write(s, "POST " + target + " HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                     "Content-Length: 26214400\r\n\r\n");
        const auto got = raw_read(s, std::chrono::milliseconds{3000});
        INFO(got.data);
        CHECK(got.closed);
        check_error(raw_reply(got.data), 400, "invalid_argument");
    }
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
