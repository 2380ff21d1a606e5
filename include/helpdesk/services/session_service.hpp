#pragma once

#include <helpdesk/domain/account.hpp>
#include <helpdesk/ids.hpp>
#include <helpdesk/time.hpp>

#include <chrono>
#include <optional>
#include <string_view>

namespace helpdesk {

class engine_context;

/// Refresh-token sessions: one session per login; each rotation replaces the session's live token.
///
/// The caller (the server) makes up the ids: `session_id` once per login,
/// `token_id` once per refresh token (e.g. the JWT's `sid` and `jti`). Both are
/// stored only as SHA-256 hex hashes. Token and session ids must be 1 to 256
/// bytes; an empty or longer one is refused with `error{invalid_argument}`
/// (`rotate` and `active` treat them as unknown instead).
///
/// Storage stays bounded: revoked tokens are kept until a day after their
/// expiry (so a replayed one is still recognised as reuse), and `open` and
/// `rotate` delete the account's tokens that expired more than a day ago;
/// removing an account deletes all of its tokens.
///
/// Every call is one store transaction. Thread-safe (also across server
/// processes sharing a store). Failures throw `helpdesk::error`.
class session_service {
public:
    /// Uses the context's store and clock; the context must outlive the service.
    explicit session_service(engine_context& context) : context_(context) {}

    /// Records the first refresh token of a new session (after a successful login). One transaction.
    /// Throws unauthenticated when the account does not exist or is not Approved, conflict when the
    /// token id is already stored, invalid_argument for an empty or over-long id.
    void open(account_id account, std::string_view session_id, std::string_view token_id,
              time_point expires_at);

    /// Rotation, one write transaction: `old_token_id` must be stored, unrevoked, unexpired (clock from context),
    /// and its account must still exist with status Approved; then it is revoked and `new_token_id` recorded
    /// in the same session with `new_expires_at`. Returns the account (fresh from the store). Throws
    /// error{unauthenticated} otherwise (detail distinguishes "revoked", "expired", "unknown", "account not
    /// approved"). Presenting an already-revoked token (reuse) also revokes every token of that session
    /// (OAuth refresh reuse detection) and that revocation is committed even though the call throws. Throws
    /// invalid_argument for an empty or over-long `new_token_id`, conflict when it is already stored.
    ///
    /// Repeating a rotation whose answer was lost (`reissue_window` > 0): when `old_token_id` is revoked,
    /// was revoked at most `reissue_window` ago, and `new_token_id` is the live (unrevoked, unexpired) token
    /// that the rotation revoking it recorded in the same session, the call changes nothing and returns the
    /// account (still required to be Approved) instead of detecting reuse; the caller re-signs that same
    /// successor. This only helps callers that derive `new_token_id` from `old_token_id` deterministically
    /// and secretly (the server uses an HMAC keyed with its JWT secret). Trade-off: within the window a
    /// replayed previous token gets the same successor as its legitimate holder; the first of the two to
    /// rotate that successor wins and the other's later use is detected as reuse, so theft is still
    /// detected, only a little later. Any other revoked token (window passed, successor already rotated or
    /// revoked, different id) is reuse as above. 0 (the default) disables repeats; a negative window
    /// throws invalid_argument.
    account rotate(std::string_view old_token_id, std::string_view new_token_id, time_point new_expires_at,
                   std::chrono::seconds reissue_window = std::chrono::seconds{0});

    /// Logout: revokes every token of the session `session_id` belonging to `actor`. Idempotent; unknown
    /// sessions are a no-op.
    void close(account_id actor, std::string_view session_id);

    /// Revokes every session of `account` except `keep_session` (when given).
    void close_all(account_id account, std::optional<std::string_view> keep_session = std::nullopt);

    /// True when the token is stored, unrevoked and unexpired.
    [[nodiscard]] bool active(std::string_view token_id);

private:
    engine_context& context_;
};

} // namespace helpdesk
