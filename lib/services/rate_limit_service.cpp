#include <helpdesk/services/rate_limit_service.hpp>

#include "services/service_support.hpp"

#include <algorithm>
#include <string>

namespace helpdesk {
namespace {

/// Fixed point: a bucket stores thousandths of a token.
constexpr std::int64_t milli_per_token = 1000;
constexpr std::size_t max_key_bytes = 256;
/// Longest refill interval accepted (keeps the arithmetic far from overflow).
constexpr std::chrono::milliseconds max_refill_every = std::chrono::hours{24 * 366};
/// Every this many takes (per service), buckets idle for `idle_for` are deleted.
constexpr std::uint64_t purge_every = 1000;
constexpr auto idle_for = std::chrono::hours{24};

void check_request(std::string_view key, const rate_limit& limit) {
    field_errors fields;
    if (key.empty() || key.size() > max_key_bytes) {
        fields["key"].push_back("Must be 1 to " + std::to_string(max_key_bytes) + " bytes.");
    }
    if (limit.burst < 1) {
        fields["burst"].push_back("Must be 1 or more.");
    }
    if (limit.refill_every < std::chrono::milliseconds{1} || limit.refill_every > max_refill_every) {
        fields["refill_every"].push_back("Must be between 1 ms and 366 days.");
    }
    if (!fields.empty()) {
        throw error(errc::invalid_argument, "invalid rate limit", std::move(fields));
    }
}

/// A bucket as of now: its level (thousandths of a token, at most full),
/// the time to store with it, and when below one token, how long until one.
struct bucket_state {
    std::int64_t level = 0;
    time_point as_of{};
    std::int64_t wait_us = 0;
};

/// What was stored plus what came back since. One thousandth of a token
/// comes back every `refill_every.count()` µs; the time stored with the new
/// level is when its last whole thousandth came back, so that the part of a
/// thousandth already earned is not lost to rounding.
/// A bucket never stored is full; a clock behind the stored time (another
/// process's) adds nothing.
[[nodiscard]] bucket_state state_at(const std::optional<rate_bucket>& stored, const rate_limit& limit,
                                    time_point now) {
    const std::int64_t full = std::int64_t{limit.burst} * milli_per_token;
    if (!stored) {
        return {full, now, 0};
    }
    const std::int64_t us_per_milli = limit.refill_every.count();
    const std::int64_t kept = std::clamp<std::int64_t>(stored->milli_tokens, 0, full);
    const std::int64_t elapsed_us = std::max<std::int64_t>(0, (now - stored->updated_at).count());
    const std::int64_t refilled = elapsed_us / us_per_milli;
    if (refilled >= full - kept) {
        return {full, now, 0};
    }
    const std::int64_t level = kept + refilled;
    const auto as_of = stored->updated_at + std::chrono::microseconds{refilled * us_per_milli};
    const std::int64_t wait_us =
        level < milli_per_token ? (milli_per_token - kept) * us_per_milli - elapsed_us : 0;
    return {level, as_of, wait_us};
}

} // namespace

std::optional<std::chrono::seconds> rate_limit_service::take(std::string_view key, const rate_limit& limit) {
    check_request(key, limit);
    const auto now = context_.time_source().now();
    const bool purge = (takes_.fetch_add(1, std::memory_order_relaxed) + 1) % purge_every == 0;
    try {
        return detail::in_write_transaction(
            context_, [&](transaction& tx) -> std::optional<std::chrono::seconds> {
                if (purge) {
                    (void)tx.rate_limits().purge(now - idle_for);
                }
                const auto bucket = state_at(tx.rate_limits().find(key), limit, now);
                if (bucket.level < milli_per_token) {
                    // Nothing taken, nothing written. Whole seconds, rounded up, at least 1.
                    return std::chrono::seconds{
                        std::max<std::int64_t>(1, (bucket.wait_us + 999'999) / 1'000'000)};
                }
                tx.rate_limits().save(key, rate_bucket{bucket.level - milli_per_token, bucket.as_of});
                return std::nullopt;
            });
    } catch (const error& e) {
        // Only a bucket hammered by many concurrent takers keeps losing races:
        // refusing is the answer such a caller deserves.
        if (e.code() == errc::conflict) {
            return std::chrono::seconds{1};
        }
        throw;
    }
}

} // namespace helpdesk
