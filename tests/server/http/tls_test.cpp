// Optional TLS (docs/product.md#server-protections): with a certificate and key the server speaks HTTPS
// only, adds Strict-Transport-Security, and plain HTTP to its port gets no
// HTTP answer. The certificate is made with the openssl command for the run.
#include "auth_support.hpp"
#include "support/child_process.hpp"

#include <boost/asio/ssl.hpp>
#include <boost/beast/ssl.hpp>
#include <cstdlib>
#include <filesystem>
#include <functional>

using namespace http_test;
using namespace http_test::guard;

namespace {

/// A self-signed certificate for localhost and its key, in a directory of their own.
struct self_signed {
    self_signed() {
        const auto command = "openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=localhost -days 1 -keyout '" +
                             key().string() + "' -out '" + cert().string() + "' >/dev/null 2>&1";
        REQUIRE_MESSAGE(std::system(command.c_str()) == 0, "openssl could not make a certificate");
    }
    [[nodiscard]] std::filesystem::path cert() const { return dir.path / "cert.pem"; }
    [[nodiscard]] std::filesystem::path key() const { return dir.path / "key.pem"; }
    test_support::temp_dir dir;
};

/// The fixture's tweak that makes the server speak HTTPS with `pem`.
std::function<void(helpdesk::server_options&)> serving(const self_signed& pem) {
    return [&pem](helpdesk::server_options& o) {
        o.tls_certificate_file = pem.cert().string();
        o.tls_private_key_file = pem.key().string();
    };
}

using tls_stream = boost::beast::ssl_stream<boost::beast::tcp_stream>;

/// A TLS connection to 127.0.0.1:`port`, handshaken (the self-signed
/// certificate is not verified).
struct tls_connection {
    explicit tls_connection(std::uint16_t port) {
        ctx.set_verify_mode(boost::asio::ssl::verify_none);
        boost::beast::get_lowest_layer(stream).expires_after(std::chrono::seconds{5});
        boost::beast::get_lowest_layer(stream).connect(
            boost::asio::ip::tcp::endpoint{boost::asio::ip::make_address("127.0.0.1"), port});
        stream.handshake(boost::asio::ssl::stream_base::client);
    }
    boost::asio::io_context ioc;
    boost::asio::ssl::context ctx{boost::asio::ssl::context::tls_client};
    tls_stream stream{ioc, ctx};
};

/// One HTTPS exchange on an open TLS stream.
http::response<http::string_body> exchange(tls_stream& stream, http::request<http::string_body> req) {
    req.set(http::field::host, "localhost");
    req.prepare_payload();
    http::write(stream, req);
    boost::beast::flat_buffer buffer;
    http::response<http::string_body> res;
    http::read(stream, buffer, res);
    return res;
}

} // namespace

TEST_CASE("tls - HTTPS serves with HSTS and plain HTTP to the TLS port gets no HTTP answer") {
    self_signed pem;
    server_fixture<contract::sqlite_file_factory> f{serving(pem)};
    CHECK(f.server().tls());
    const auto admin_email = admin_sign_up().email;
    (void)f.desk().accounts().bootstrap_admin(admin_sign_up());

    tls_connection tls{f.port()};
    auto& stream = tls.stream;

    const auto health = exchange(stream, {http::verb::get, "/healthz", 11});
    CHECK(health.result_int() == 200);
    CHECK(health[http::field::strict_transport_security].starts_with("max-age="));
    CHECK(health["X-Content-Type-Options"] == "nosniff");

    // The API works over the same connection.
    http::request<http::string_body> login{http::verb::post, "/api/token/admin/", 11};
    login.set(http::field::content_type, "application/json");
    login.body() = boost::json::serialize(boost::json::object{{"email", admin_email}, {"password", test_password}});
    const auto logged_in = exchange(stream, login);
    CHECK(logged_in.result_int() == 200);
    CHECK(logged_in[http::field::strict_transport_security].starts_with("max-age="));
    boost::system::error_code ignored;
    stream.shutdown(ignored);

    // Plain HTTP: the handshake fails and no HTTP response comes back.
    auto plain = raw_connect(tls.ioc, f.port());
    raw_write(plain, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    const auto got = raw_read(plain, std::chrono::milliseconds{3000});
    CHECK(got.closed);
    CHECK_FALSE(got.data.starts_with("HTTP/"));
}

TEST_CASE("tls - the cookie session's refresh cookie is Secure over HTTPS, and refresh reads it") {
    self_signed pem;
    server_fixture<contract::sqlite_file_factory> f{serving(pem)};
    const auto r = admin_sign_up();
    (void)f.desk().accounts().bootstrap_admin(r);

    tls_connection tls{f.port()};
    auto& stream = tls.stream;

    http::request<http::string_body> login{http::verb::post, "/api/token/", 11};
    login.set(http::field::content_type, "application/json");
    login.set("X-Helpdesk-Session", "cookie");
    login.set(http::field::origin, "https://localhost");
    login.body() = boost::json::serialize(boost::json::object{{"email", r.email}, {"password", test_password}});
    const auto signed_in = exchange(stream, login);
    REQUIRE(signed_in.result_int() == 200);
    const std::string set_cookie{signed_in[http::field::set_cookie]};
    CHECK(set_cookie.starts_with("helpdesk_refresh="));
    CHECK(set_cookie.find("; HttpOnly") != std::string::npos);
    CHECK(set_cookie.find("; SameSite=Strict") != std::string::npos);
    CHECK(set_cookie.ends_with("; Secure"));
    CHECK(boost::json::parse(signed_in.body()).as_object().contains("refresh") == false);

    http::request<http::string_body> refresh{http::verb::post, "/api/token/refresh/", 11};
    refresh.set("X-Helpdesk-Session", "cookie");
    refresh.set(http::field::cookie, set_cookie.substr(0, set_cookie.find(';')));
    const auto refreshed = exchange(stream, refresh);
    CHECK(refreshed.result_int() == 200);
    CHECK(std::string{refreshed[http::field::set_cookie]}.ends_with("; Secure"));

    // The same origin under plain http is another site.
    login.set(http::field::origin, "http://localhost");
    CHECK(exchange(stream, login).result_int() == 403);
    boost::system::error_code ignored;
    stream.shutdown(ignored);
}

TEST_CASE("tls - a missing certificate file refuses to start, a key without a certificate is invalid") {
    helpdesk::engine_options engine_options;
    engine_options.password_iterations = 1000;
    contract::sqlite_file_factory factory;
    helpdesk::engine desk{helpdesk::engine_parts{.db = factory.open(),
                                                 .blobs = helpdesk::open_directory_blob_store(
                                                     std::filesystem::temp_directory_path() / "helpdesk-tls-unused")},
                          engine_options};
    auto options = test_options();
    options.log_sink = [](std::string_view) {};
    options.tls_private_key_file = "/nonexistent/key.pem";
    CHECK_THROWS_AS(helpdesk::http_server(desk, options), helpdesk::error);
    options.tls_certificate_file = "/nonexistent/cert.pem";
    helpdesk::http_server server{desk, options};
    CHECK_THROWS_AS(server.start(), helpdesk::error);
    std::error_code ignored;
    std::filesystem::remove_all(std::filesystem::temp_directory_path() / "helpdesk-tls-unused", ignored);
}
