#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

namespace helpdesk {

class engine_context;

/// A token bucket: holds up to `burst` tokens; one token comes back every `refill_every`.
struct rate_limit {
    std::int32_t burst = 5;
    std::chrono::milliseconds refill_every{12000};
};

/// Rate limits whose state lives in the store, so that every thread and
/// server process sharing the store sees the same buckets (docs/product.md#rate-limits).
///
/// A bucket that was never used, or was purged, is full. Buckets are stored
/// in fixed point (thousandths of a token); refill is computed from the
/// store's `updated_at` and the engine's clock. Storage stays bounded: every
/// 1000th `take` of a service also deletes the buckets not used for a day
/// (a bucket whose limit needs longer than a day to refill completely is
/// thereby forgiven after a day of silence).
///
/// Thread-safe. Failures throw `helpdesk::error`.
class rate_limit_service {
public:
    /// Uses the context's store and clock; the context must outlive the service.
    explicit rate_limit_service(engine_context& context) : context_(context) {}

    /// Takes one token from the bucket named `key` (e.g. "login:ip:127.0.0.1"). Returns nullopt when allowed,
    /// or the whole seconds (>= 1) until a token is available when refused (nothing is taken then). One write
    /// transaction; correct across threads and server processes sharing a store. Throws invalid_argument for
    /// an empty key, a key over 256 bytes, `burst` < 1 or `refill_every` < 1 ms. When the store keeps losing
    /// races for the same bucket (many concurrent takes of one key), the take is refused with 1 second rather
    /// than failing.
    std::optional<std::chrono::seconds> take(std::string_view key, const rate_limit& limit);

private:
    engine_context& context_;
    std::atomic<std::uint64_t> takes_{0};
};

} // namespace helpdesk
