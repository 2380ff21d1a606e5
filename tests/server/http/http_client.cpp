#include "http_client.hpp"

#include <doctest/doctest.h>

#include <cctype>

namespace http_test {

namespace {
bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}
} // namespace

std::string reply::header(std::string_view name) const {
    for (const auto& [k, v] : headers) {
        if (iequals(k, name)) {
            return v;
        }
    }
    return {};
}

bool reply::has_header(std::string_view name) const {
    for (const auto& [k, v] : headers) {
        if (iequals(k, name)) {
            return true;
        }
    }
    return false;
}

boost::json::value reply::json() const {
    boost::system::error_code ec;
    auto v = boost::json::parse(body, ec);
    if (ec) {
        FAIL("response body is not JSON (status " << status << "): " << body.substr(0, 300));
    }
    return v;
}

std::string reply::text(std::string_view key) const {
    const auto v = json();
    const auto* found = v.is_object() ? v.as_object().if_contains(key) : nullptr;
    if (!found || !found->is_string()) {
        FAIL("no string '" << key << "' in " << body.substr(0, 300));
    }
    return std::string{found->as_string()};
}

std::int64_t reply::number(std::string_view key) const {
    const auto v = json();
    const auto* found = v.is_object() ? v.as_object().if_contains(key) : nullptr;
    if (!found || !found->is_int64()) {
        FAIL("no integer '" << key << "' in " << body.substr(0, 300));
    }
    return found->as_int64();
}

void client::connect() {
    stream_.emplace(ioc_);
    stream_->connect(boost::asio::ip::tcp::endpoint{boost::asio::ip::make_address("127.0.0.1"), port_});
    buffer_.clear();
}

reply client::send(http::verb method, const std::string& target, const std::string& body, const header_list& headers) {
    http::request<http::string_body> req{method, target, 11};
    req.set(http::field::host, "127.0.0.1");
    for (const auto& [k, v] : headers) {
        req.set(k, v);
    }
    req.body() = body;
    req.prepare_payload();
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (!stream_) {
            connect();
        }
        boost::beast::error_code ec;
        http::write(*stream_, req, ec);
        http::response_parser<http::string_body> parser;
        parser.body_limit(64 * 1024 * 1024);
        parser.skip(method == http::verb::head);
        if (!ec) {
            http::read(*stream_, buffer_, parser, ec);
        }
        if (ec) {
            // The server closed an idle keep-alive connection: reconnect once.
            stream_.reset();
            if (attempt == 0) {
                continue;
            }
            FAIL("HTTP exchange failed: " << ec.message());
        }
        auto res = parser.release();
        reply out;
        out.status = static_cast<unsigned>(res.result_int());
        out.body = std::move(res.body());
        for (const auto& f : res) {
            out.headers.emplace_back(std::string{f.name_string()}, std::string{f.value()});
        }
        if (!res.keep_alive()) {
            stream_.reset();
        }
        return out;
    }
    return {};
}

reply client::get(const std::string& target, const std::string& token, const header_list& headers) {
    auto all = headers;
    if (!token.empty()) {
        all.emplace_back("Authorization", "Bearer " + token);
    }
    return send(http::verb::get, target, "", all);
}

reply client::post(const std::string& target, const boost::json::value& body, const std::string& token,
                   header_list headers) {
    return send_json(http::verb::post, target, body, token, std::move(headers));
}

reply client::patch(const std::string& target, const boost::json::value& body, const std::string& token,
                    header_list headers) {
    return send_json(http::verb::patch, target, body, token, std::move(headers));
}

reply client::send_json(http::verb method, const std::string& target, const boost::json::value& body,
                        const std::string& token, header_list headers) {
    headers.emplace_back("Content-Type", "application/json");
    if (!token.empty()) {
        headers.emplace_back("Authorization", "Bearer " + token);
    }
    return send(method, target, boost::json::serialize(body), headers);
}

reply client::post_form(const std::string& target, const std::vector<form_field>& fields, const std::string& token,
                        header_list headers) {
    auto [type, body] = multipart_body(fields);
    headers.emplace_back("Content-Type", type);
    if (!token.empty()) {
        headers.emplace_back("Authorization", "Bearer " + token);
    }
    return send(http::verb::post, target, body, headers);
}

std::pair<std::string, std::string> multipart_body(const std::vector<form_field>& fields) {
    const std::string boundary = "----helpdesk-test-boundary-7MA4YWxkTrZu0gW";
    std::string body;
    for (const auto& f : fields) {
        body += "--" + boundary + "\r\n";
        body += "Content-Disposition: form-data; name=\"" + f.name + "\"";
        if (f.file_name) {
            body += "; filename=\"" + *f.file_name + "\"\r\nContent-Type: " + f.content_type;
        }
        body += "\r\n\r\n" + f.value + "\r\n";
    }
    body += "--" + boundary + "--\r\n";
    return {"multipart/form-data; boundary=" + boundary, body};
}

boost::asio::ip::tcp::socket raw_connect(boost::asio::io_context& ioc, std::uint16_t port) {
    boost::asio::ip::tcp::socket s{ioc};
    s.connect(boost::asio::ip::tcp::endpoint{boost::asio::ip::make_address("127.0.0.1"), port});
    return s;
}

std::string tiny_png() {
    static const unsigned char bytes[] = {
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
        0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00,
        0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D,
        0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82};
    return std::string(reinterpret_cast<const char*>(bytes), sizeof bytes);
}

std::string tiny_pdf() {
    return "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
}

} // namespace http_test
