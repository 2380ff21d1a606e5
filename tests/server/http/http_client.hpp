#pragma once

// A small blocking HTTP/1.1 client over Beast for the loopback tests: one
// keep-alive connection, reopened when the server closes it.

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace http_test {

namespace http = boost::beast::http;
using header_list = std::vector<std::pair<std::string, std::string>>;

/// A finished response.
struct reply {
    unsigned status = 0;
    std::string body{};
    header_list headers{};

    /// The first header of that name (case-insensitive), or "".
    [[nodiscard]] std::string header(std::string_view name) const;
    /// Whether the header is present.
    [[nodiscard]] bool has_header(std::string_view name) const;
    /// The body parsed as JSON (fails the test when it is not).
    [[nodiscard]] boost::json::value json() const;
    /// `json().at(key)` as a string.
    [[nodiscard]] std::string text(std::string_view key) const;
    /// `json().at(key)` as an integer.
    [[nodiscard]] std::int64_t number(std::string_view key) const;
};

/// One multipart form field or file.
struct form_field {
    std::string name{};
    std::string value{};
    std::optional<std::string> file_name{};
    std::string content_type = "application/octet-stream";
};

/// A keep-alive connection to 127.0.0.1:port.
class client {
public:
    explicit client(std::uint16_t port) : port_(port) {}

    /// Sends one request and reads its response.
    reply send(http::verb method, const std::string& target, const std::string& body = "",
               const header_list& headers = {});
    /// GET with an optional bearer token.
    reply get(const std::string& target, const std::string& token = "", const header_list& headers = {});
    /// POST of a JSON value with an optional bearer token.
    reply post(const std::string& target, const boost::json::value& body, const std::string& token = "",
               header_list headers = {});
    /// PATCH of a JSON value with an optional bearer token.
    reply patch(const std::string& target, const boost::json::value& body, const std::string& token = "",
                header_list headers = {});
    /// POST of a multipart/form-data body.
    reply post_form(const std::string& target, const std::vector<form_field>& fields, const std::string& token = "",
                    header_list headers = {});

private:
    void connect();
    reply send_json(http::verb method, const std::string& target, const boost::json::value& body,
                    const std::string& token, header_list headers);

    std::uint16_t port_;
    boost::asio::io_context ioc_{};
    std::optional<boost::beast::tcp_stream> stream_{};
    boost::beast::flat_buffer buffer_{};
};

/// Builds a multipart body and returns {content type, body}.
[[nodiscard]] std::pair<std::string, std::string> multipart_body(const std::vector<form_field>& fields);

/// A raw TCP connection for tests that must misbehave (slow headers, junk).
[[nodiscard]] boost::asio::ip::tcp::socket raw_connect(boost::asio::io_context& ioc, std::uint16_t port);

/// Smallest valid PNG (1×1) and a minimal PDF, for uploads.
[[nodiscard]] std::string tiny_png();
[[nodiscard]] std::string tiny_pdf();

} // namespace http_test
