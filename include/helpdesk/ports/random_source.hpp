#pragma once

#include <cstddef>
#include <memory>
#include <span>

namespace helpdesk {

/// Source of unpredictable bytes (salts, tokens, blob names). Injected so
/// tests can be deterministic. Implementations must be thread-safe.
class random_source {
public:
    virtual ~random_source() = default;
    /// Fills `out` with random bytes. Throws `error{internal}` on failure.
    virtual void fill(std::span<unsigned char> out) = 0;
};

/// OpenSSL's CSPRNG (`RAND_bytes`).
[[nodiscard]] std::shared_ptr<random_source> secure_random();

} // namespace helpdesk
