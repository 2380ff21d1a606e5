#pragma once

// A throwaway self-signed certificate for 127.0.0.1, made with OpenSSL.

#include <string>

namespace helpdesk::testing {

/// PEM files of a fresh self-signed P-256 certificate whose subject and
/// subjectAltName are 127.0.0.1; removed by the destructor. Not copyable.
class test_certificate {
public:
    /// Throws std::runtime_error when OpenSSL or the file system fails.
    test_certificate();
    ~test_certificate();
    test_certificate(const test_certificate&) = delete;
    test_certificate& operator=(const test_certificate&) = delete;

    /// The certificate, PEM.
    [[nodiscard]] const std::string& cert_file() const noexcept { return cert_file_; }
    /// Its private key, PEM (unencrypted).
    [[nodiscard]] const std::string& key_file() const noexcept { return key_file_; }

private:
    std::string cert_file_{};
    std::string key_file_{};
};

} // namespace helpdesk::testing
