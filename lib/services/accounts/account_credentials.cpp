// Signing in and passwords: login checks, password changes and resets.
#include "security/tokens.hpp"
#include "services/accounts/account_checks.hpp"
#include "services/field_checker.hpp"
#include "services/json_object.hpp"
#include "services/service_support.hpp"

#include <helpdesk/services/account_service.hpp>

namespace helpdesk {
using detail::actor_of;
using detail::check_new_password;
using detail::field_checker;
using detail::require_account;
namespace {

// A hash that no password matches, verified when the email is unknown so that
// a miss costs as long as a hit (no account enumeration by timing).
std::string decoy_hash(std::int32_t iterations) {
    return "pbkdf2_sha256$" + std::to_string(iterations) +
           "$decoydecoydecoydecoyde$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
}

} // namespace

account account_service::authenticate(login_kind kind, std::string_view email, std::string_view password) {
    auto found = detail::in_read_transaction(context_, [&](transaction& tx) {
        return tx.accounts().find_by_email(detail::trim(email));
    });
    // Unknown emails and unusable hashes (accounts awaiting their first
    // password) cost the same time as a real check: no account enumeration.
    const bool usable = found && password_hash_iterations(found->password_hash).has_value();
    const bool matches =
        verify_password(password, usable ? found->password_hash : decoy_hash(context_.options().password_iterations)) &&
        usable;
    if (!found || !matches) {
        throw error(errc::unauthenticated, "invalid email or password");
    }
    if (found->status == account_status::pending) {
        throw error(errc::permission_denied, "your account is pending approval");
    }
    if (found->status != account_status::approved) {
        throw error(errc::permission_denied, "your account is not approved");
    }
    if (!found->is_active) {
        throw error(errc::permission_denied, "your account has been deactivated; ask a System Admin to reactivate it");
    }
    // login_kind::any admits every role: the person need not know which they have.
    if (kind == login_kind::employee && found->account_role != role::employee) {
        throw error(errc::permission_denied, "staff accounts sign in through the staff login");
    }
    if (kind == login_kind::staff && !is_staff(found->account_role)) {
        throw error(errc::permission_denied, "only staff accounts may use the staff login");
    }
    const auto iterations = password_hash_iterations(found->password_hash).value_or(0);
    if (iterations < context_.options().password_iterations) {
        auto rehashed = hash_password(password, context_.options().password_iterations, context_.random());
        const auto stored = detail::in_write_transaction(context_, [&](transaction& tx) -> std::optional<account> {
            auto current = tx.accounts().find(found->id);
            // Only if nobody changed the password meanwhile.
            if (!current || current->password_hash != found->password_hash) {
                return std::nullopt;
            }
            current->password_hash = rehashed;
            tx.accounts().update(*current);
            return current;
        });
        if (stored) {
            found = stored;
        }
    }
    return *found;
}

bool account_service::check_password(account_id actor_id, std::string_view password) {
    const auto hash = detail::in_read_transaction(context_, [&](transaction& tx) {
        can(detail::load_actor(tx, actor_id), action::check_password, nullptr).enforce();
        return require_account(tx, actor_id).password_hash;
    });
    return verify_password(password, hash);
}

void account_service::change_password(account_id actor_id, std::string_view current, std::string_view next,
                                      std::string_view confirm, std::optional<std::string_view> keep_session) {
    field_checker check;
    if (current.empty()) {
        check.fail("current_password", "This field is required.");
    }
    check_new_password(check, next, confirm, "new_password");
    check.throw_if_failed();
    const auto before = detail::in_read_transaction(context_, [&](transaction& tx) { return require_account(tx, actor_id); });
    can(actor_of(before), action::change_password, nullptr).enforce();
    if (!verify_password(current, before.password_hash)) {
        throw error(errc::invalid_argument, "the current password is wrong",
                    {{"current_password", {"The current password is wrong."}}});
    }
    auto hash = hash_password(next, context_.options().password_iterations, context_.random());
    std::optional<std::string> keep_hash;
    if (keep_session) {
        keep_hash = detail::sha256_hex(*keep_session); // sessions are stored by hash (session_service)
    }
    const auto now = context_.time_source().now();
    detail::in_write_transaction(context_, [&](transaction& tx) {
        auto a = require_account(tx, actor_id);
        if (a.password_hash != before.password_hash) {
            throw error(errc::conflict, "the password was changed meanwhile; try again");
        }
        a.password_hash = hash;
        tx.accounts().update(a);
        (void)tx.sessions().revoke_all(a.id, keep_hash ? std::optional<std::string_view>{*keep_hash} : std::nullopt,
                                       now);
    });
}

std::optional<std::string> account_service::request_password_reset(std::string_view email) {
    const auto now = context_.time_source().now();
    const auto token = detail::random_hex(context_.random(), 32);
    return detail::in_write_transaction(context_, [&](transaction& tx) -> std::optional<std::string> {
        const auto a = tx.accounts().find_by_email(detail::trim(email));
        // A deactivated account is answered like an unknown email: it could not sign in with the new password.
        if (!a || a->status != account_status::approved || !a->is_active) {
            return std::nullopt;
        }
        tx.accounts().insert_reset_token(a->id, detail::sha256_hex(token), now + context_.options().reset_token_lifetime);
        // The mailer needs the token itself: it travels as the event's secret,
        // which the relay erases once the mail is delivered.
        auto payload = detail::json_object{}
                           .add("account_id", a->id)
                           .add("email", a->email)
                           .add("first_name", a->first_name)
                           .str();
        detail::record_event(tx, now, event_kind::password_reset_requested, a->id, std::nullopt, std::move(payload),
                             token);
        return token;
    });
}

void account_service::reset_password(std::string_view token, std::string_view next, std::string_view confirm) {
    field_checker check;
    if (token.empty()) {
        check.fail("token", "This field is required.");
    }
    check_new_password(check, next, confirm, "new_password");
    check.throw_if_failed();
    const auto now = context_.time_source().now();
    const auto invalid_token = [] {
        return error(errc::invalid_argument, "the reset link is invalid or has expired",
                     {{"token", {"Invalid or expired token."}}});
    };
    // Hashing is deliberately slow: only pay for it when the token is good.
    // (A read, so no token is spent on a request that fails later.)
    const auto token_hash = detail::sha256_hex(token);
    if (!detail::in_read_transaction(context_, [&](transaction& tx) { return tx.accounts().reset_token_valid(token_hash, now); })) {
        throw invalid_token();
    }
    auto hash = hash_password(next, context_.options().password_iterations, context_.random());
    detail::in_write_transaction(context_, [&](transaction& tx) {
        const auto owner = tx.accounts().consume_reset_token(token_hash, now);
        if (!owner) {
            throw invalid_token();
        }
        auto a = require_account(tx, *owner);
        a.password_hash = hash;
        tx.accounts().update(a);
        (void)tx.sessions().revoke_all(a.id, std::nullopt, now);
    });
}

} // namespace helpdesk
