#pragma once

#include <helpdesk/ids.hpp>
#include <helpdesk/time.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace helpdesk {

/// One stored refresh token of a session. Token and session ids are kept
/// only as SHA-256 hex hashes (the service hashes them; the store never sees
/// the plain values).
struct session_token {
    std::string token_hash{};
    std::string session_hash{};
    account_id account = 0;
    time_point created_at{};
    time_point expires_at{};
    std::optional<time_point> revoked_at{}; ///< set once revoked (rotation, logout, password change)
};

/// Refresh-token sessions, seen through one open transaction. In a write
/// transaction `find` returns the latest committed row and reserves it
/// against other writers until the transaction ends (`SELECT ... FOR
/// UPDATE`, or trivially when writers run one at a time), so a rotation
/// cannot be applied twice. Rows of an account are deleted with it. Absence
/// is `std::nullopt`; a duplicate token hash or an unknown account throws
/// `error{errc::conflict}`; an unreachable store throws
/// `error{errc::storage_unavailable}`. Used only by the thread that owns the
/// transaction.
class session_repository {
public:
    virtual ~session_repository() = default;

    /// Stores a new, unrevoked token (`t.revoked_at` is ignored).
    virtual void insert(const session_token& t) = 0;
    /// The token with this hash, revoked or not.
    [[nodiscard]] virtual std::optional<session_token> find(std::string_view token_hash) = 0;
    /// Marks the token revoked at `now` if it is not yet. Returns false when
    /// there is no such unrevoked token.
    virtual bool revoke(std::string_view token_hash, time_point now) = 0;
    /// Revokes every unrevoked token of `account`'s session `session_hash`.
    /// Returns how many were revoked.
    virtual std::int64_t revoke_session(account_id account, std::string_view session_hash,
                                        time_point now) = 0;
    /// Revokes every unrevoked token of `account`, except those of session
    /// `keep_session_hash` when given. Returns how many were revoked.
    virtual std::int64_t revoke_all(account_id account, std::optional<std::string_view> keep_session_hash,
                                    time_point now) = 0;
    /// Deletes `account`'s tokens (revoked or not) that expired before
    /// `expired_before`. Returns how many were deleted.
    virtual std::int64_t purge(account_id account, time_point expired_before) = 0;
};

} // namespace helpdesk
