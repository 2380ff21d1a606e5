#include "security/tokens.hpp"
#include "services/content_sniffer.hpp"
#include "services/field_checker.hpp"
#include "services/json_object.hpp"
#include "services/service_support.hpp"

#include <helpdesk/services/account_service.hpp>

#include <algorithm>
#include <array>
#include <cstdio>

namespace helpdesk {
namespace {
using detail::field_checker;

// A hash that no password matches, verified when the email is unknown so that
// a miss costs as long as a hit (no account enumeration by timing).
std::string decoy_hash(std::int32_t iterations) {
    return "pbkdf2_sha256$" + std::to_string(iterations) +
           "$decoydecoydecoydecoyde$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
}

bool valid_company_id(std::string_view id) {
    return id.size() >= 6 && id.size() <= 20 && id.substr(0, 2) == "MA" &&
           std::all_of(id.begin() + 2, id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string format_company_id(std::int64_t n) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "MA%04lld", static_cast<long long>(n));
    return buffer;
}

/// The identity fields shared by sign-up and admin creation.
struct identity {
    std::string email, first_name, last_name, department;
    std::optional<std::string> middle_name, suffix;
};

/// A suffix as given (blank is none), refused unless one of `name_suffixes`.
std::optional<std::string> check_suffix(field_checker& check, const std::optional<std::string>& suffix) {
    if (!suffix || detail::trim(*suffix).empty()) {
        return std::nullopt;
    }
    const auto s = detail::trim(*suffix);
    if (std::find(std::begin(name_suffixes), std::end(name_suffixes), s) == std::end(name_suffixes)) {
        check.fail("suffix", "Select a valid choice.");
    }
    return std::string{s};
}

template <class Request>
identity check_identity(field_checker& check, const Request& r, const catalog& choices) {
    identity id;
    id.email = check.email("email", r.email);
    id.first_name = check.person_name("first_name", r.first_name);
    id.middle_name = check.optional_person_name("middle_name", r.middle_name);
    id.last_name = check.person_name("last_name", r.last_name);
    id.suffix = check_suffix(check, r.suffix);
    id.department = std::string{detail::trim(r.department)};
    if (id.department.empty()) {
        check.fail("department", "This field is required.");
    } else if (!choices.has_department(id.department)) {
        check.fail("department", "Select a valid choice.");
    }
    return id;
}

void check_new_password(field_checker& check, std::string_view password, std::string_view confirm,
                        const std::string& field = "password") {
    if (password.empty()) {
        check.fail(field, "This field is required.");
        return;
    }
    if (auto weakness = password_weakness(password)) {
        check.fail(field, *weakness);
    }
    if (password != confirm) {
        check.fail("confirm_password", "Passwords do not match.");
    }
}

account make_account(const identity& id, std::string company_id, role r, account_status s, std::string hash,
                     time_point now) {
    account a;
    a.email = id.email;
    a.first_name = id.first_name;
    a.middle_name = id.middle_name;
    a.last_name = id.last_name;
    a.suffix = id.suffix;
    a.department = id.department;
    a.company_id = std::move(company_id);
    a.account_role = r;
    a.status = s;
    a.password_hash = std::move(hash);
    a.date_created = now;
    return a;
}

std::string account_payload(const account& a) {
    return detail::json_object{}
        .add("account_id", a.id)
        .add("email", a.email)
        .add("first_name", a.first_name)
        .add("last_name", a.last_name)
        .add("company_id", a.company_id)
        .add("role", to_string(a.account_role))
        .str();
}

// Refuses duplicates with field errors; the store's unique indexes are the backstop.
void check_unique(field_checker& check, transaction& tx, const account& a) {
    if (tx.accounts().find_by_email(a.email)) {
        check.fail("email", "An account with this email already exists.");
    }
    if (!a.company_id.empty() && tx.accounts().find_by_company_id(a.company_id)) {
        check.fail("company_id", "An account with this company ID already exists.");
    }
}

std::string next_company_id(transaction& tx) {
    for (;;) {
        auto candidate = format_company_id(tx.accounts().next_company_sequence());
        if (!tx.accounts().find_by_company_id(candidate)) {
            return candidate;
        }
    }
}

/// The account as the policy sees it when it acts.
actor actor_of(const account& a) { return actor{a.id, a.account_role, a.status}; }

account require_account(transaction& tx, account_id id) {
    auto found = tx.accounts().find(id);
    if (!found) {
        throw error(errc::not_found, "account not found");
    }
    return *found;
}

} // namespace

account account_service::sign_up(const sign_up_request& r) { return create_with_password(r, false); }

account account_service::bootstrap_admin(const sign_up_request& r) { return create_with_password(r, true); }

account account_service::create_with_password(const sign_up_request& r, bool first_admin) {
    field_checker check;
    check.forbidden("role", r.role.has_value(), "The role cannot be chosen at sign-up.");
    check.forbidden("status", r.status.has_value(), "The status cannot be chosen at sign-up.");
    auto id = check_identity(check, r, ctx_.options().choices);
    std::optional<std::string> company_id;
    if (r.company_id && !detail::trim(*r.company_id).empty()) {
        company_id = std::string{detail::trim(*r.company_id)};
        if (!valid_company_id(*company_id)) {
            check.fail("company_id", "Must be MA followed by at least 4 digits.");
        }
    }
    check_new_password(check, r.password, r.confirm_password);
    check.throw_if_failed();

    // Hashing is slow on purpose: do it before taking the store's write lock.
    auto hash = hash_password(r.password, ctx_.options().password_iterations, ctx_.random());
    const auto now = ctx_.time_source().now();
    return detail::in_write_transaction(ctx_, [&](transaction& tx) {
        if (first_admin && tx.accounts().list(account_filter{role::system_admin, {}, {}}, 0, 1).count > 0) {
            throw error(errc::conflict, "a System Admin already exists");
        }
        auto a = make_account(id, company_id.value_or(""), first_admin ? role::system_admin : role::employee,
                              first_admin ? account_status::approved : account_status::pending, hash, now);
        field_checker unique;
        check_unique(unique, tx, a);
        unique.throw_if_failed("an account with these details already exists", errc::conflict);
        if (a.company_id.empty()) {
            a.company_id = next_company_id(tx);
        }
        tx.accounts().insert(a);
        if (!first_admin) {
            detail::record_event(tx, now, event_kind::account_registered, a.id, std::nullopt, account_payload(a));
        }
        return a;
    });
}

created_account account_service::admin_create(account_id actor_id, const admin_create_request& r) {
    field_checker check;
    auto id = check_identity(check, r, ctx_.options().choices);
    const auto new_role = parse_role(detail::trim(r.role));
    if (!new_role) {
        check.fail("role", "Select a valid choice.");
    }
    const auto now = ctx_.time_source().now();
    const auto token = detail::random_hex(ctx_.random(), 32);
    return detail::in_write_transaction(ctx_, [&](transaction& tx) {
        can(detail::load_actor(tx, actor_id), action::create_account, nullptr).enforce();
        check.throw_if_failed();
        // "!" marks an unusable hash (Django's convention): no default password exists.
        std::string unusable_hash{"!"};
        unusable_hash.append(detail::random_hex(ctx_.random(), 16));
        auto a = make_account(id, "", *new_role, account_status::approved, unusable_hash, now);
        field_checker unique;
        check_unique(unique, tx, a);
        unique.throw_if_failed("an account with these details already exists", errc::conflict);
        a.company_id = next_company_id(tx);
        tx.accounts().insert(a);
        // A set-password link lives longer than a reset link: the person may not read mail today.
        tx.accounts().insert_reset_token(a.id, detail::sha256_hex(token), now + std::chrono::days{3});
        auto payload = detail::json_object{}
                           .add("account_id", a.id)
                           .add("email", a.email)
                           .add("first_name", a.first_name)
                           .add("last_name", a.last_name)
                           .add("role", to_string(a.account_role))
                           .str();
        // The set-password token travels as the event's secret, erased once delivered.
        detail::record_event(tx, now, event_kind::account_created, a.id, std::nullopt, std::move(payload), token);
        return created_account{a, token};
    });
}

account account_service::approve(account_id actor_id, account_id target) {
    const auto now = ctx_.time_source().now();
    return detail::in_write_transaction(ctx_, [&](transaction& tx) {
        can(detail::load_actor(tx, actor_id), action::approve_account, nullptr).enforce();
        auto a = require_account(tx, target);
        if (a.status != account_status::pending) {
            throw error(errc::invalid_state, "only a pending account can be approved; this one is " +
                                                 std::string{to_string(a.status)});
        }
        a.status = account_status::approved;
        tx.accounts().update(a);
        detail::record_event(tx, now, event_kind::account_approved, a.id, std::nullopt, account_payload(a));
        return a;
    });
}

rejected_account account_service::reject(account_id actor_id, account_id target, std::string_view reason) {
    field_checker check;
    const auto why = check.text("reason", reason, 1000);
    const auto now = ctx_.time_source().now();
    return detail::in_write_transaction(ctx_, [&](transaction& tx) {
        can(detail::load_actor(tx, actor_id), action::reject_account, nullptr).enforce();
        check.throw_if_failed();
        const auto a = require_account(tx, target);
        if (a.status != account_status::pending) {
            throw error(errc::invalid_state, "only a pending account can be rejected; this one is " +
                                                 std::string{to_string(a.status)});
        }
        rejected_account audit{0,       a.company_id, a.first_name,  a.middle_name, a.last_name, a.suffix,
                               a.email, a.department, why,           actor_id,      now};
        tx.accounts().insert_rejection(audit);
        tx.accounts().remove(a.id);
        auto payload = detail::json_object{}
                           .add("email", a.email)
                           .add("first_name", a.first_name)
                           .add("last_name", a.last_name)
                           .add("reason", why)
                           .str();
        detail::record_event(tx, now, event_kind::account_rejected, std::nullopt, std::nullopt, std::move(payload));
        return audit;
    });
}

account account_service::authenticate(login_kind kind, std::string_view email, std::string_view password) {
    auto found = detail::in_read_transaction(ctx_, [&](transaction& tx) {
        return tx.accounts().find_by_email(detail::trim(email));
    });
    // Unknown emails and unusable hashes (accounts awaiting their first
    // password) cost the same time as a real check: no account enumeration.
    const bool usable = found && password_hash_iterations(found->password_hash).has_value();
    const bool matches =
        verify_password(password, usable ? found->password_hash : decoy_hash(ctx_.options().password_iterations)) &&
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
    // login_kind::any admits every role: the person need not know which they have.
    if (kind == login_kind::employee && found->account_role != role::employee) {
        throw error(errc::permission_denied, "staff accounts sign in through the staff login");
    }
    if (kind == login_kind::staff && !is_staff(found->account_role)) {
        throw error(errc::permission_denied, "only staff accounts may use the staff login");
    }
    const auto iterations = password_hash_iterations(found->password_hash).value_or(0);
    if (iterations < ctx_.options().password_iterations) {
        auto rehashed = hash_password(password, ctx_.options().password_iterations, ctx_.random());
        const auto stored = detail::in_write_transaction(ctx_, [&](transaction& tx) -> std::optional<account> {
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

account account_service::update_profile(account_id actor_id, const profile_update& changes) {
    field_checker check;
    std::optional<std::string> first_name, last_name;
    if (changes.first_name) {
        first_name = check.person_name("first_name", *changes.first_name);
    }
    if (changes.last_name) {
        last_name = check.person_name("last_name", *changes.last_name);
    }
    const auto middle_name = check.optional_person_name("middle_name", changes.middle_name);
    const auto suffix = check_suffix(check, changes.suffix);
    check.throw_if_failed();
    return detail::in_write_transaction(ctx_, [&](transaction& tx) {
        auto a = require_account(tx, actor_id);
        can(actor_of(a), action::update_profile, nullptr).enforce();
        if (first_name) {
            a.first_name = *first_name;
        }
        if (last_name) {
            a.last_name = *last_name;
        }
        if (changes.middle_name) {
            a.middle_name = middle_name; // blank clears it
        }
        if (changes.suffix) {
            a.suffix = suffix;
        }
        tx.accounts().update(a);
        return a;
    });
}

bool account_service::check_password(account_id actor_id, std::string_view password) {
    const auto hash = detail::in_read_transaction(ctx_, [&](transaction& tx) {
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
    const auto before = detail::in_read_transaction(ctx_, [&](transaction& tx) { return require_account(tx, actor_id); });
    can(actor_of(before), action::change_password, nullptr).enforce();
    if (!verify_password(current, before.password_hash)) {
        throw error(errc::invalid_argument, "the current password is wrong",
                    {{"current_password", {"The current password is wrong."}}});
    }
    auto hash = hash_password(next, ctx_.options().password_iterations, ctx_.random());
    std::optional<std::string> keep_hash;
    if (keep_session) {
        keep_hash = detail::sha256_hex(*keep_session); // sessions are stored by hash (session_service)
    }
    const auto now = ctx_.time_source().now();
    detail::in_write_transaction(ctx_, [&](transaction& tx) {
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
    const auto now = ctx_.time_source().now();
    const auto token = detail::random_hex(ctx_.random(), 32);
    return detail::in_write_transaction(ctx_, [&](transaction& tx) -> std::optional<std::string> {
        const auto a = tx.accounts().find_by_email(detail::trim(email));
        if (!a || a->status != account_status::approved) {
            return std::nullopt;
        }
        tx.accounts().insert_reset_token(a->id, detail::sha256_hex(token), now + ctx_.options().reset_token_lifetime);
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
    const auto now = ctx_.time_source().now();
    const auto invalid_token = [] {
        return error(errc::invalid_argument, "the reset link is invalid or has expired",
                     {{"token", {"Invalid or expired token."}}});
    };
    // Hashing is deliberately slow: only pay for it when the token is good.
    // (A read, so no token is spent on a request that fails later.)
    const auto token_hash = detail::sha256_hex(token);
    if (!detail::in_read_transaction(ctx_, [&](transaction& tx) { return tx.accounts().reset_token_valid(token_hash, now); })) {
        throw invalid_token();
    }
    auto hash = hash_password(next, ctx_.options().password_iterations, ctx_.random());
    detail::in_write_transaction(ctx_, [&](transaction& tx) {
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

account account_service::change_role(account_id actor_id, account_id target, std::string_view new_role) {
    const auto parsed = parse_role(detail::trim(new_role));
    return detail::in_write_transaction(ctx_, [&](transaction& tx) {
        can(detail::load_actor(tx, actor_id), action::change_role, nullptr).enforce();
        if (!parsed) {
            throw error(errc::invalid_argument, "unknown role", {{"role", {"Select a valid choice."}}});
        }
        auto a = require_account(tx, target);
        // An admin demoting themselves could leave the desk without any admin.
        if (a.id == actor_id && *parsed != role::system_admin) {
            throw error(errc::permission_denied, "you cannot change your own role");
        }
        a.account_role = *parsed;
        tx.accounts().update(a);
        return a;
    });
}

account account_service::set_image(account_id actor_id, std::string_view bytes) {
    field_checker check;
    if (bytes.empty()) {
        check.fail("image", "This field is required.");
    } else if (static_cast<std::int64_t>(bytes.size()) > ctx_.options().max_image_bytes) {
        check.fail("image", "The image is larger than " + std::to_string(ctx_.options().max_image_bytes) + " bytes.",
                   errc::payload_too_large);
    } else if (!detail::sniff_image_type(bytes)) {
        check.fail("image", "Upload a PNG or JPEG image.", errc::unsupported_media_type);
    }
    check.throw_if_failed();
    const auto key = "img-" + detail::random_hex(ctx_.random(), 16);
    ctx_.blobs().put(key, bytes);
    std::optional<std::string> old_key;
    try {
        auto updated = detail::in_write_transaction(ctx_, [&](transaction& tx) {
            can(detail::load_actor(tx, actor_id), action::set_image, nullptr).enforce();
            auto a = require_account(tx, actor_id);
            old_key = a.image_key;
            a.image_key = key;
            tx.accounts().update(a);
            return a;
        });
        if (old_key) {
            ctx_.blobs().remove(*old_key);
        }
        return updated;
    } catch (...) {
        ctx_.blobs().remove(key);
        throw;
    }
}

std::optional<profile_image> account_service::image(account_id actor_id, account_id target) {
    // A concurrent set_image deletes the old bytes after its commit: read the
    // key again when its bytes are gone.
    for (int attempt = 0; attempt < 3; ++attempt) {
        const auto key = detail::in_read_transaction(ctx_, [&](transaction& tx) {
            can(detail::load_actor(tx, actor_id), action::view_account_image, target).enforce();
            return require_account(tx, target).image_key;
        });
        if (!key) {
            return std::nullopt;
        }
        auto bytes = ctx_.blobs().get(*key);
        if (!bytes) {
            continue;
        }
        auto type = detail::sniff_image_type(*bytes);
        if (!type) {
            throw error(errc::internal, "the stored profile picture is not a PNG or JPEG");
        }
        return profile_image{std::move(*type), std::move(*bytes)};
    }
    return std::nullopt;
}

account account_service::get(account_id actor_id, account_id target) {
    return detail::in_read_transaction(ctx_, [&](transaction& tx) {
        can(detail::load_actor(tx, actor_id), action::view_account, target).enforce();
        return require_account(tx, target);
    });
}

page<account> account_service::list(account_id actor_id, const account_filter& filter, std::int64_t page_number,
                                    std::int64_t page_size) {
    const auto offset = detail::page_offset(page_number, page_size);
    return detail::in_read_transaction(ctx_, [&](transaction& tx) {
        can(detail::load_actor(tx, actor_id), action::list_accounts, nullptr).enforce();
        return tx.accounts().list(filter, offset, page_size);
    });
}

page<rejected_account> account_service::rejections(account_id actor_id, std::int64_t page_number,
                                                   std::int64_t page_size) {
    const auto offset = detail::page_offset(page_number, page_size);
    return detail::in_read_transaction(ctx_, [&](transaction& tx) {
        can(detail::load_actor(tx, actor_id), action::read_rejection_audit, nullptr).enforce();
        return tx.accounts().list_rejections(offset, page_size);
    });
}

std::int64_t account_service::rejection_count(account_id actor_id) {
    return detail::in_read_transaction(ctx_, [&](transaction& tx) {
        can(detail::load_actor(tx, actor_id), action::read_rejection_audit, nullptr).enforce();
        return tx.accounts().list_rejections(0, 1).count;
    });
}

} // namespace helpdesk
