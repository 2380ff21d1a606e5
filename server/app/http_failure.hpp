#pragma once

#include "app/response.hpp"

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace helpdesk::server {

/// A refusal that only HTTP has a word for (405, 413, 415, 429 with its
/// wait): thrown by the HTTP layer, turned into the error body of docs/product.md#errors by the
/// same function that maps `helpdesk::error`.
class http_failure : public std::runtime_error {
public:
    /// `code` is the machine code of the error body, `detail` its sentence.
    http_failure(http::status status, std::string code, std::string detail,
                 std::vector<std::pair<std::string, std::string>> headers = {})
        : std::runtime_error(std::move(detail)), status_(status), code_(std::move(code)),
          headers_(std::move(headers)) {}

    /// The HTTP status to answer with.
    [[nodiscard]] http::status status() const noexcept { return status_; }
    /// The machine code (`payload_too_large`, ...).
    [[nodiscard]] const std::string& code() const noexcept { return code_; }
    /// Extra response headers (`Allow`, `Retry-After`).
    [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& headers() const noexcept { return headers_; }

private:
    http::status status_;
    std::string code_;
    std::vector<std::pair<std::string, std::string>> headers_;
};

} // namespace helpdesk::server
