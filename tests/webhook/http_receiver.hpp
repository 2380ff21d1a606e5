#pragma once

// Starts tests/peers/http_receiver.py as a child process: a real HTTP server
// on 127.0.0.1 that records each request and answers from a script.

#include <optional>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <utility>
#include <vector>

namespace helpdesk::testing {

/// How the receiver answers.
struct receiver_script {
    std::vector<int> statuses{200}; ///< in order; the last one repeats
    int port = 0;                   ///< 0: any free port (a fixed one lets a test restart a receiver in place)
    int delay_ms = 0;               ///< sleep before each answer
    bool hang = false;              ///< never answer
    std::string tls_cert_file{};    ///< with `tls_key_file`: serve HTTPS with this PEM certificate
    std::string tls_key_file{};     ///< PEM private key of `tls_cert_file`
};

/// One request as the receiver saw it.
struct recorded_request {
    std::string method{};
    std::string path{};
    std::vector<std::pair<std::string, std::string>> headers{};
    std::string body{};
    double received_at = 0;  ///< Unix seconds
    double body_read_at = 0; ///< Unix seconds

    /// The first header called `name` (case-insensitive), if any.
    [[nodiscard]] std::optional<std::string> header(std::string_view name) const;
};

/// A running receiver; killed by the destructor. Not copyable.
class http_receiver {
public:
    /// Starts the receiver and waits (up to 10 s) for its port. Throws std::runtime_error when it does not start.
    explicit http_receiver(receiver_script script = {});
    ~http_receiver();
    http_receiver(const http_receiver&) = delete;
    http_receiver& operator=(const http_receiver&) = delete;

    /// The loopback port it listens on.
    [[nodiscard]] int port() const noexcept { return port_; }
    /// `http://127.0.0.1:<port>` (`https://` when serving TLS) + `path`.
    [[nodiscard]] std::string url(std::string_view path = "/hooks/helpdesk") const;
    /// Every request recorded so far, in arrival order.
    [[nodiscard]] std::vector<recorded_request> requests() const;
    /// Kills the receiver and waits for it. Idempotent.
    void stop() noexcept;

private:
    pid_t pid_ = -1;
    int port_ = 0;
    bool tls_ = false;
    std::string record_path_{};
};

/// A loopback port nothing listens on (bound, then released).
[[nodiscard]] int closed_port();

} // namespace helpdesk::testing
