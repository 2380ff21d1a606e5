#include <helpdesk/services/session_service.hpp>

#include "security/tokens.hpp"
#include "services/service_support.hpp"

#include <string>

namespace helpdesk {
namespace {

/// Longest token or session id accepted (the server's are far shorter).
constexpr std::size_t max_id_bytes = 256;

/// How long past its expiry a token row is kept: until then a replayed token
/// is still recognised as reuse rather than as unknown.
constexpr auto keep_expired_for = std::chrono::hours{24};

[[nodiscard]] bool well_formed(std::string_view id) noexcept {
    return !id.empty() && id.size() <= max_id_bytes;
}

void require_id(std::string_view field, std::string_view id) {
    if (!well_formed(id)) {
        throw error(errc::invalid_argument, "invalid " + std::string{field},
                    {{std::string{field}, {"Must be 1 to " + std::to_string(max_id_bytes) + " bytes."}}});
    }
}

void require_future(std::string_view field, time_point expires_at, time_point now) {
    if (expires_at <= now) {
        throw error(errc::invalid_argument, "the expiry is not in the future",
                    {{std::string{field}, {"Must be in the future."}}});
    }
}

/// Whether the account may hold a session: it exists, is approved and is active.
[[nodiscard]] bool may_hold_session(const std::optional<account>& a) noexcept {
    return a && a->status == account_status::approved && a->is_active;
}

/// What a rotation transaction decided: the account, or why it was refused.
struct rotation_outcome {
    std::optional<account> rotated{};
    std::string refusal{};
};

/// Whether presenting the revoked `old` with `new_hash` repeats the rotation that revoked it: recently
/// enough, and its successor is still the session's live token. The successor was created in that very
/// transaction, so its `created_at` is `old.revoked_at`; a later token of the session (one rotation
/// further) is not it.
[[nodiscard]] bool repeats_rotation(transaction& tx, const session_token& old, const std::string& new_hash,
                                    time_point now, std::chrono::seconds reissue_window) {
    if (reissue_window <= std::chrono::seconds{0} || now - *old.revoked_at > reissue_window) {
        return false;
    }
    const auto next = tx.sessions().find(new_hash);
    return next && next->session_hash == old.session_hash && next->account == old.account &&
           !next->revoked_at && next->expires_at > now && next->created_at == *old.revoked_at;
}

} // namespace

void session_service::open(account_id owner, std::string_view session_id, std::string_view token_id,
                           time_point expires_at) {
    require_id("session_id", session_id);
    require_id("token_id", token_id);
    const auto now = context_.time_source().now();
    require_future("expires_at", expires_at, now);
    session_token t;
    t.token_hash = detail::sha256_hex(token_id);
    t.session_hash = detail::sha256_hex(session_id);
    t.account = owner;
    t.created_at = now;
    t.expires_at = expires_at;
    detail::in_write_transaction(context_, [&](transaction& tx) {
        const auto a = tx.accounts().find(owner);
        if (!may_hold_session(a)) {
            throw error(errc::unauthenticated, "account not approved or deactivated");
        }
        (void)tx.sessions().purge(owner, now - keep_expired_for);
        tx.sessions().insert(t);
    });
}

account session_service::rotate(std::string_view old_token_id, std::string_view new_token_id,
                                time_point new_expires_at, std::chrono::seconds reissue_window) {
    require_id("token_id", new_token_id);
    if (reissue_window < std::chrono::seconds{0}) {
        throw error(errc::invalid_argument, "the reissue window is negative",
                    {{"reissue_window", {"Must be 0 or more seconds."}}});
    }
    const auto now = context_.time_source().now();
    require_future("expires_at", new_expires_at, now);
    if (!well_formed(old_token_id)) {
        throw error(errc::unauthenticated, "refresh token unknown");
    }
    const auto old_hash = detail::sha256_hex(old_token_id);
    const auto new_hash = detail::sha256_hex(new_token_id);
    // Refusals are returned, not thrown, so that the reuse revocation commits.
    const auto outcome = detail::in_write_transaction(context_, [&](transaction& tx) -> rotation_outcome {
        const auto old = tx.sessions().find(old_hash);
        if (!old) {
            return {std::nullopt, "refresh token unknown"};
        }
        if (old->revoked_at && repeats_rotation(tx, *old, new_hash, now, reissue_window)) {
            auto a = tx.accounts().find(old->account);
            if (!may_hold_session(a)) {
                return {std::nullopt, "account not approved or deactivated"};
            }
            return {std::move(a), {}};
        }
        if (old->revoked_at) {
            // A revoked token presented again: it was stolen, or its holder
            // was. Either way nobody may continue the session.
            (void)tx.sessions().revoke_session(old->account, old->session_hash, now);
            return {std::nullopt, "refresh token revoked; the session has been closed"};
        }
        if (old->expires_at <= now) {
            return {std::nullopt, "refresh token expired"};
        }
        auto a = tx.accounts().find(old->account);
        if (!may_hold_session(a)) {
            return {std::nullopt, "account not approved or deactivated"};
        }
        if (!tx.sessions().revoke(old_hash, now)) {
            // find() reserved the row: only a store that broke its contract gets here.
            throw transient_conflict("the refresh token was revoked concurrently");
        }
        (void)tx.sessions().purge(old->account, now - keep_expired_for);
        session_token next;
        next.token_hash = new_hash;
        next.session_hash = old->session_hash;
        next.account = old->account;
        next.created_at = now;
        next.expires_at = new_expires_at;
        tx.sessions().insert(next);
        return {std::move(a), {}};
    });
    if (!outcome.rotated) {
        throw error(errc::unauthenticated, outcome.refusal);
    }
    return *outcome.rotated;
}

void session_service::close(account_id actor, std::string_view session_id) {
    if (!well_formed(session_id)) {
        return; // no such session can exist
    }
    const auto now = context_.time_source().now();
    const auto session_hash = detail::sha256_hex(session_id);
    detail::in_write_transaction(
        context_, [&](transaction& tx) { (void)tx.sessions().revoke_session(actor, session_hash, now); });
}

void session_service::close_all(account_id owner, std::optional<std::string_view> keep_session) {
    const auto now = context_.time_source().now();
    std::optional<std::string> keep_hash;
    if (keep_session) {
        keep_hash = detail::sha256_hex(*keep_session);
    }
    detail::in_write_transaction(context_, [&](transaction& tx) {
        (void)tx.sessions().revoke_all(
            owner, keep_hash ? std::optional<std::string_view>{*keep_hash} : std::nullopt, now);
    });
}

bool session_service::active(std::string_view token_id) {
    if (!well_formed(token_id)) {
        return false;
    }
    const auto now = context_.time_source().now();
    const auto token_hash = detail::sha256_hex(token_id);
    return detail::in_read_transaction(context_, [&](transaction& tx) {
        const auto t = tx.sessions().find(token_hash);
        return t && !t->revoked_at && t->expires_at > now;
    });
}

} // namespace helpdesk
