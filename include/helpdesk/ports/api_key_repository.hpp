#pragma once

#include <helpdesk/domain/api_key.hpp>
#include <helpdesk/ports/queries.hpp>

#include <optional>
#include <string_view>
#include <vector>

namespace helpdesk {

/// Stored API keys, seen through one open transaction. A key is stored as
/// the SHA-256 hex of its text (`key_hash`), which the service computes; no
/// read returns the hash. Absence is `std::nullopt` (or false); a duplicate
/// hash throws `error{errc::conflict}`; an unreachable store throws
/// `error{errc::storage_unavailable}`. Used only by the thread that owns the
/// transaction.
class api_key_repository {
public:
    virtual ~api_key_repository() = default;

    /// Stores `k` with `key_hash` and sets `k.id` (`k.revoked_at` and
    /// `k.last_used_at` are stored as given).
    virtual void insert(api_key& k, std::string_view key_hash) = 0;
    /// The key whose text hashes to `key_hash`, revoked or not.
    [[nodiscard]] virtual std::optional<api_key> find_by_hash(std::string_view key_hash) = 0;
    /// The key with this id, revoked or not.
    [[nodiscard]] virtual std::optional<api_key> find(row_id id) = 0;
    /// The window of the keys, revoked ones included, oldest first (by id).
    [[nodiscard]] virtual page<api_key> list(const page_window& window) = 0;
    /// Marks the key revoked at `now` unless it already is. Returns false when
    /// there is no such unrevoked key (the first revocation time is kept).
    virtual bool revoke(row_id id, time_point now) = 0;
    /// Sets the key's `last_used_at` to `now` when it is unset or not after
    /// `stale_before` (so concurrent callers write it once). Returns whether
    /// it was written.
    virtual bool touch(row_id id, time_point now, time_point stale_before) = 0;
};

} // namespace helpdesk
