#pragma once

#include <helpdesk/time.hpp>

#include <cstdint>
#include <optional>
#include <string_view>

namespace helpdesk {

/// The stored state of one token bucket, in fixed point: `milli_tokens` is
/// the number of tokens times 1000 as of `updated_at` (refill since then is
/// computed by the service, not stored).
struct rate_bucket {
    std::int64_t milli_tokens = 0;
    time_point updated_at{};
};

/// Token buckets shared by every process on the store, keyed by name, seen
/// through one open transaction. In a write transaction `find` returns the
/// latest committed row and reserves it against other writers until the
/// transaction ends (`SELECT ... FOR UPDATE`, or trivially when writers run
/// one at a time); a race with another writer on the same key surfaces as
/// `transient_conflict`, never as a lost update. Absence is `std::nullopt`;
/// an unreachable store throws `error{errc::storage_unavailable}`. Used only
/// by the thread that owns the transaction.
class rate_limit_repository {
public:
    virtual ~rate_limit_repository() = default;

    /// The bucket named `key`.
    [[nodiscard]] virtual std::optional<rate_bucket> find(std::string_view key) = 0;
    /// Creates or overwrites the bucket named `key`.
    virtual void save(std::string_view key, const rate_bucket& b) = 0;
    /// Deletes the buckets last updated before `idle_before`. Returns how many.
    virtual std::int64_t purge(time_point idle_before) = 0;
};

} // namespace helpdesk
