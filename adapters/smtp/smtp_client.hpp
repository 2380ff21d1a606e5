#pragma once

#include <helpdesk/adapters/smtp.hpp>

#include <chrono>
#include <string>
#include <string_view>

namespace helpdesk::smtp::detail {

/// How one attempt to hand a message to the SMTP server ended.
struct send_result {
    enum class outcome {
        sent,      ///< the server took it (250 after DATA)
        transient, ///< worth retrying: a 4xx reply, a connection, timeout or TLS handshake error
        permanent  ///< retrying cannot help: a 5xx reply, AUTH refused, STARTTLS required but not offered
    };
    outcome result = outcome::sent;
    /// The failure affects every recipient (no connection, AUTH refused, no
    /// STARTTLS): trying the others now is pointless.
    bool affects_all = false;
    long reply_code = 0;   ///< the server's last reply code, 0 when none came
    std::string reason{};  ///< for the event's last error; never holds the password
};

/// Sends whole messages over SMTP with libcurl: one connection and one easy
/// handle per message, TLS per `options::tls`, AUTH when a username is set.
/// Thread-safe (nothing is shared between calls); `curl_global_init` runs
/// once per process.
class smtp_client {
public:
    /// Keeps a copy of `opts` (already validated by `make_notifier`).
    explicit smtp_client(options opts);

    /// Sends `message` (CRLF lines, headers first) from `from` to the single
    /// envelope recipient `to`. Never throws for an SMTP or network failure:
    /// the result says what happened. `budget` bounds the whole conversation
    /// (connect included). Throws `std::bad_alloc` only.
    [[nodiscard]] send_result send(std::string_view from, std::string_view to, const std::string& message,
                                   std::chrono::milliseconds budget) const;

private:
    options opts_;
};

} // namespace helpdesk::smtp::detail
