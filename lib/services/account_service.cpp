#include "security/tokens.hpp"
#include "services/accounts/account_admin_support.hpp"
#include "services/accounts/account_checks.hpp"
#include "services/field_checker.hpp"
#include "services/json_object.hpp"
#include "services/paging.hpp"
#include "services/service_support.hpp"

#include <helpdesk/services/account_service.hpp>

#include <algorithm>
#include <array>
#include <cstdio>

namespace helpdesk {
namespace {
// The employee list pages by id; the audit newest first by time, then id.
constexpr detail::cursor_kind account_cursor{'e', false, false};
constexpr detail::cursor_kind rejection_cursor{'r', true, true};

using detail::check_new_password;
using detail::check_suffix;
using detail::field_checker;
using detail::require_account;

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
    return detail::account_fields(a).add("company_id", a.company_id).add("role", to_string(a.account_role)).str();
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

} // namespace

account account_service::sign_up(const sign_up_request& r) { return create_with_password(r, false); }

account account_service::bootstrap_admin(const sign_up_request& r) { return create_with_password(r, true); }

account account_service::create_with_password(const sign_up_request& r, bool first_admin) {
    field_checker check;
    check.forbidden("role", r.role.has_value(), "The role cannot be chosen at sign-up.");
    check.forbidden("status", r.status.has_value(), "The status cannot be chosen at sign-up.");
    auto id = check_identity(check, r, context_.options().choices);
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
    auto hash = hash_password(r.password, context_.options().password_iterations, context_.random());
    const auto now = context_.time_source().now();
    return detail::in_write_transaction(context_, [&](transaction& tx) {
        if (first_admin && !tx.accounts().list(account_filter{role::system_admin, {}, {}}, {.limit = 1, .with_count = false}).rows.empty()) {
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
    auto id = check_identity(check, r, context_.options().choices);
    const auto new_role = parse_role(detail::trim(r.role));
    if (!new_role) {
        check.fail("role", "Select a valid choice.");
    }
    const auto now = context_.time_source().now();
    const auto token = detail::random_hex(context_.random(), 32);
    return detail::in_write_transaction(context_, [&](transaction& tx) {
        can(detail::load_actor(tx, actor_id), action::create_account, nullptr).enforce();
        check.throw_if_failed();
        // "!" marks an unusable hash (Django's convention): no default password exists.
        std::string unusable_hash{"!"};
        unusable_hash.append(detail::random_hex(context_.random(), 16));
        auto a = make_account(id, "", *new_role, account_status::approved, unusable_hash, now);
        field_checker unique;
        check_unique(unique, tx, a);
        unique.throw_if_failed("an account with these details already exists", errc::conflict);
        a.company_id = next_company_id(tx);
        tx.accounts().insert(a);
        // A set-password link lives longer than a reset link: the person may not read mail today.
        tx.accounts().insert_reset_token(a.id, detail::sha256_hex(token), now + std::chrono::days{3});
        auto payload = detail::account_fields(a).add("role", to_string(a.account_role)).str();
        // The set-password token travels as the event's secret, erased once delivered.
        detail::record_event(tx, now, event_kind::account_created, a.id, std::nullopt, std::move(payload), token);
        return created_account{a, token};
    });
}

account account_service::approve(account_id actor_id, account_id target) {
    const auto now = context_.time_source().now();
    return detail::in_write_transaction(context_, [&](transaction& tx) {
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
    const auto now = context_.time_source().now();
    return detail::in_write_transaction(context_, [&](transaction& tx) {
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

account account_service::get(account_id actor_id, account_id target) {
    return detail::in_read_transaction(context_, [&](transaction& tx) {
        can(detail::load_actor(tx, actor_id), action::view_account, target).enforce();
        return require_account(tx, target);
    });
}

list_page<account> account_service::list(account_id actor_id, const account_list_request& request) {
    const auto window = detail::window_of(request, account_cursor);
    return detail::in_read_transaction(context_, [&](transaction& tx) {
        can(detail::load_actor(tx, actor_id), action::list_accounts, nullptr).enforce();
        return detail::page_by_id(tx.accounts().list(request.filter, window), request, account_cursor);
    });
}

list_page<rejected_account> account_service::rejections(account_id actor_id, const page_request& request) {
    const auto window = detail::window_of(request, rejection_cursor);
    return detail::in_read_transaction(context_, [&](transaction& tx) {
        can(detail::load_actor(tx, actor_id), action::read_rejection_audit, nullptr).enforce();
        return detail::page_from(tx.accounts().list_rejections(window), request, rejection_cursor,
                                 [](const rejected_account& r) {
                                     return keyset{r.rejected_at.time_since_epoch().count(), r.id};
                                 });
    });
}

std::int64_t account_service::rejection_count(account_id actor_id) {
    return detail::in_read_transaction(context_, [&](transaction& tx) {
        can(detail::load_actor(tx, actor_id), action::read_rejection_audit, nullptr).enforce();
        return tx.accounts().list_rejections({.limit = 0}).count.value_or(0);
    });
}

} // namespace helpdesk
