#pragma once
// End-to-end delivery tests: the helpdesk-server program as an operator runs
// it, with its relay sending to a real SMTP server (tests/peers/smtp_sink.py,
// aiosmtpd) and a real HTTP receiver (tests/peers/http_receiver.py), driven
// over real loopback HTTP.
#include "server/http/http_client.hpp"
#include "support/child_process.hpp"
#include "support/json_requests.hpp"

#include <doctest/doctest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace delivery_test {

inline const std::string admin_email = "boss@desk.test";
inline const std::string admin_password = "Adm1n!e2e-Password";
inline const std::string user_password = "Str0ng!pass-e2e";
inline const std::string jwt_secret = "e2e-jwt-secret-0123456789abcdef0123456789";
inline const std::string hook_secret = "e2e-webhook-secret-0123456789";
inline const std::string frontend = "https://desk.example.test";

/// A running helpdesk-server; SIGKILLed by the destructor unless stopped.
class server_process {
public:
    /// Starts the program on port 0 with `extra` flags over `store` (a store
    /// URL) and waits for its banner.
    server_process(const test_support::temp_dir& dir, const std::string& store, const std::vector<std::string>& extra)
        : process_{HELPDESK_SERVER_PROGRAM, arguments(dir, store, extra),
                   {"HELPDESK_ADMIN_EMAIL=" + admin_email, "HELPDESK_ADMIN_PASSWORD=" + admin_password}} {
        const auto banner = process_.line(std::chrono::milliseconds{15000});
        REQUIRE_MESSAGE(banner.has_value(), "no banner; stderr: " << process_.stderr_text());
        const std::string prefix = "helpdesk-server listening on http://127.0.0.1:";
        REQUIRE_MESSAGE(banner->starts_with(prefix), *banner);
        port_ = static_cast<std::uint16_t>(std::stoul(banner->substr(prefix.size())));
        while (const auto more = process_.line(std::chrono::milliseconds{200})) {
            banner_ += *more + "\n";
        }
    }

    [[nodiscard]] std::uint16_t port() const noexcept { return port_; }
    /// The banner lines after the first (login hint, delivery channels).
    [[nodiscard]] const std::string& banner() const noexcept { return banner_; }
    /// Ends the process as a crash would (no graceful stop).
    void crash() { process_.kill_now(); }
    /// SIGTERM; returns the exit code.
    int stop() {
        process_.signal(SIGTERM);
        return process_.wait(std::chrono::milliseconds{15000});
    }

private:
    static std::vector<std::string> arguments(const test_support::temp_dir& dir, const std::string& store,
                                              const std::vector<std::string>& extra) {
        std::vector<std::string> args{"--listen", "127.0.0.1:0", "--store", store, "--blob-dir",
                                      (dir.path / "blobs").string(), "--jwt-secret", jwt_secret,
                                      "--password-iterations", "1000", "--no-access-log",
                                      "--rate-limit-account", "1000/1", "--rate-limit-address", "1000/1",
                                      "--relay-idle-ms", "50", "--delivery-first-retry", "1",
                                      "--frontend-url", frontend};
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    }

    test_support::child_process process_;
    std::uint16_t port_ = 0;
    std::string banner_{};
};

/// `sqlite://<dir>/desk.db`.
[[nodiscard]] inline std::string sqlite_store(const test_support::temp_dir& dir) {
    return "sqlite://" + (dir.path / "desk.db").string();
}

/// Logs in; returns the access token.
[[nodiscard]] inline std::string login(http_test::client& web, const std::string& email, const std::string& password,
                                       bool staff = false) {
    const auto r = web.post(staff ? "/api/token/admin/" : "/api/token/employee/",
                            boost::json::object{{"email", email}, {"password", password}});
    REQUIRE_MESSAGE(r.status == 200, r.body);
    return r.text("access");
}

/// The admin's access token.
[[nodiscard]] inline std::string admin_token(http_test::client& web) {
    return login(web, admin_email, admin_password, true);
}

/// Signs `email` up and has the admin approve it; returns the account id.
inline std::int64_t approved_employee(http_test::client& web, const std::string& admin, const std::string& email,
                                      const std::string& first_name = "Alice") {
    const auto signed_up = web.post("/api/create_employee/",
                                    test_support::sign_up_json(email, first_name, "Smith", user_password));
    REQUIRE_MESSAGE(signed_up.status == 201, signed_up.body);
    const auto id = signed_up.number("id");
    const auto approved = web.send(http_test::http::verb::post, "/api/employees/" + std::to_string(id) + "/approve/",
                                   "", {{"Authorization", "Bearer " + admin}});
    REQUIRE_MESSAGE(approved.status == 200, approved.body);
    return id;
}

/// Creates a ticket (with a PDF when `with_file`) as the bearer of `token`; returns its JSON.
inline boost::json::object create_ticket(http_test::client& web, const std::string& token,
                                         const std::string& subject = "VPN drops every hour", bool with_file = false) {
    std::vector<http_test::form_field> fields{{"subject", subject},
                                              {"category", "IT Category"},
                                              {"sub_category", "Network & Security Administration"},
                                              {"description", "Since Monday."}};
    if (with_file) {
        fields.push_back({"attachments", http_test::tiny_pdf(), "report.pdf", "application/pdf"});
    }
    const auto r = web.post_form("/api/tickets/", fields, token);
    REQUIRE_MESSAGE(r.status == 201, r.body);
    return r.json().as_object();
}

/// The value of an unlabelled series in a /metrics text, or -1 when absent.
[[nodiscard]] inline double metric(http_test::client& web, const std::string& name) {
    const auto text = web.get("/metrics").body;
    const auto at = text.find("\n" + name + " ");
    if (at == std::string::npos) {
        return -1;
    }
    return std::stod(text.substr(at + name.size() + 2));
}

/// A refusal in the shape of docs/product.md#errors: `status`, `{"error": code, "detail": ...}`.
inline void check_refusal(const http_test::reply& r, unsigned status, const std::string& code) {
    INFO("body " << r.body);
    CHECK(r.status == status);
    CHECK(r.header("Content-Type").starts_with("application/json"));
    CHECK(r.text("error") == code);
    CHECK_FALSE(r.text("detail").empty());
}

/// Lowercase hex HMAC-SHA256 of `data` under `key`.
[[nodiscard]] inline std::string hmac_hex(const std::string& key, const std::string& data) {
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
         data.size(), mac, &size);
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < size; ++i) {
        out.push_back(digits[mac[i] >> 4]);
        out.push_back(digits[mac[i] & 0xF]);
    }
    return out;
}

} // namespace delivery_test
