#pragma once

// A real SMTP server for the tests: tests/peers/smtp_sink.py (aiosmtpd) run
// as a child process, and the messages it stored read back.

#include <doctest/doctest.h>
#include <sys/types.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace smtptest {

/// One decoded leaf part of a message, as Python's email package read it.
struct parsed_part {
    std::string type;     ///< `text/plain`
    std::string charset;  ///< `utf-8`
    std::string encoding; ///< the Content-Transfer-Encoding
    std::string content;  ///< decoded text
};

/// One message the sink accepted.
struct stored_message {
    std::string mail_from;              ///< envelope sender
    std::vector<std::string> rcpt_tos;  ///< envelope recipients
    std::string data;                   ///< the raw message as received (CRLF lines)
    bool tls = false;                   ///< the session was encrypted
    std::string auth_login;             ///< who authenticated; empty without AUTH
    // Python's reading of `data`: an independent check of the MIME.
    std::string py_subject;
    std::string py_to;
    std::string py_from;
    std::vector<std::string> py_defects;
    std::vector<parsed_part> py_parts;
};

/// How to run the sink.
struct sink_config {
    int port = 0;                              ///< 0: any free port
    std::string auth;                          ///< `user:password`: AUTH required
    std::filesystem::path cert, key;           ///< with `starttls` or `implicit_tls`
    bool starttls = false;                     ///< offer STARTTLS
    bool require_starttls = false;             ///< refuse mail before STARTTLS
    bool implicit_tls = false;                 ///< smtps: TLS from the first byte
    std::map<std::string, int> rejects;        ///< RCPT TO address → reply code
};

/// True when a Python with aiosmtpd was found at configure time. When not,
/// logs that the test is skipped, or fails it when CI=true.
[[nodiscard]] bool sink_available();

/// A test that needs the sink: the body that follows runs when
/// `sink_available()`; otherwise the test does what that says (skips, or
/// fails under CI=true).
#define SINK_TEST_CASE(name) SINK_TEST_CASE_WITH_BODY(name, DOCTEST_ANONYMOUS(hd_sink_case_))
/// SINK_TEST_CASE with the body function's name spelled out (expanded once,
/// so its declaration, its call and its definition agree).
#define SINK_TEST_CASE_WITH_BODY(name, body)                                                                 \
    static void body();                                                                                      \
    TEST_CASE(name) {                                                                                        \
        if (smtptest::sink_available()) {                                                                    \
            body();                                                                                          \
        }                                                                                                    \
    }                                                                                                        \
    static void body()

/// A running sink; stopped (SIGTERM, then SIGKILL) on destruction.
class smtp_sink {
public:
    /// Starts the sink and waits for its port. Throws std::runtime_error when
    /// it does not come up.
    explicit smtp_sink(sink_config config = {});
    ~smtp_sink();
    smtp_sink(const smtp_sink&) = delete;
    smtp_sink& operator=(const smtp_sink&) = delete;

    /// Stops the process (the port is closed: "server down").
    void stop();
    /// Starts it again on the same port, with the same store.
    void start();

    [[nodiscard]] int port() const noexcept { return port_; }
    /// `smtp://127.0.0.1:<port>` (or `smtps://` for implicit TLS).
    [[nodiscard]] std::string url() const;
    /// Every message stored so far, in arrival order.
    [[nodiscard]] std::vector<stored_message> messages() const;
    /// What the sink wrote on stderr (for failure messages).
    [[nodiscard]] std::string log() const;

private:
    sink_config config_;
    std::filesystem::path dir_;
    int port_ = 0;
    pid_t pid_ = -1;
};

/// A self-signed certificate and key for `localhost` in a fresh directory
/// (openssl CLI). Throws std::runtime_error when openssl fails.
struct test_certificate {
    test_certificate();
    ~test_certificate();
    test_certificate(const test_certificate&) = delete;
    test_certificate& operator=(const test_certificate&) = delete;
    std::filesystem::path dir, cert, key;
};

/// How a sink offers TLS: STARTTLS after the greeting, or from the first byte.
enum class sink_tls { starttls, implicit };

/// A sink configuration that offers TLS (`how`) with `cert`.
[[nodiscard]] inline sink_config tls_sink_config(const test_certificate& cert, sink_tls how) {
    sink_config config;
    config.starttls = how == sink_tls::starttls;
    config.implicit_tls = how == sink_tls::implicit;
    config.cert = cert.cert;
    config.key = cert.key;
    return config;
}

/// A fresh temporary directory.
[[nodiscard]] std::filesystem::path make_temp_dir(const std::string& prefix);

} // namespace smtptest
