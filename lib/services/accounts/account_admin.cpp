// Account administration by System Admins: role changes, deactivation and
// reactivation, editing names and department, and the account history that
// records each of them (docs/product.md#account-administration).
#include "services/accounts/account_admin_support.hpp"
#include "services/accounts/account_checks.hpp"
#include "services/paging.hpp"
#include "services/service_support.hpp"

#include <helpdesk/services/account_service.hpp>

namespace helpdesk {
namespace {
// The history of one account pages by id, oldest first.
constexpr detail::cursor_kind history_cursor{'l', false, false};

using detail::require_account;

std::string role_name(role r) { return std::string{to_string(r)}; }

// A claim or assignment that held the account's row before the change locked
// it commits first, yet a PostgreSQL snapshot taken before that commit does
// not show it: a second transaction, with a fresh snapshot, releases what
// such a race left assigned. Anything later is refused (the account is
// no longer active staff), so one pass suffices; usually it finds nothing.
void release_late_assignments(engine_context& context, account_id assignee, account_id actor, std::string_view reason) {
    const auto now = context.time_source().now();
    detail::in_write_transaction(context, [&](transaction& tx) {
        const auto a = tx.accounts().find(assignee);
        if (a && (!a->is_active || !is_staff(a->account_role))) {
            (void)detail::release_assignments(context, tx, assignee, actor, now, reason);
        }
    });
}

} // namespace

account account_service::change_role(account_id actor_id, account_id target, std::string_view new_role) {
    const auto parsed = parse_role(detail::trim(new_role));
    const auto now = context_.time_source().now();
    auto changed = detail::in_write_transaction(context_, [&](transaction& tx) {
        // Counted first, so that concurrent changes wait for one another here.
        const auto admins = tx.accounts().lock_active_admins();
        const auto who = detail::load_actor(tx, actor_id);
        can(who, action::change_role, nullptr).enforce();
        if (!parsed) {
            throw error(errc::invalid_argument, "unknown role", {{"role", {"Select a valid choice."}}});
        }
        auto a = require_account(tx, target);
        if (a.account_role == *parsed) {
            return a;
        }
        if (*parsed != role::system_admin) {
            detail::keep_an_admin(admins, a, "demoted");
        }
        const auto before = a.account_role;
        a.account_role = *parsed;
        tx.accounts().update(a);
        detail::record_account_change(tx, a.id, who.id, now, "role", role_name(before), role_name(a.account_role));
        if (!is_staff(a.account_role)) {
            detail::release_assignments(context_, tx, a.id, who.id, now, "the assignee is no longer staff");
        }
        detail::record_account_event(tx, now, event_kind::account_role_changed, a, who.id,
                                     {{"old_role", role_name(before)}});
        return a;
    });
    if (!is_staff(changed.account_role)) {
        release_late_assignments(context_, changed.id, actor_id, "the assignee is no longer staff");
    }
    return changed;
}

account account_service::deactivate(account_id actor_id, account_id target) {
    const auto now = context_.time_source().now();
    auto deactivated = detail::in_write_transaction(context_, [&](transaction& tx) {
        const auto admins = tx.accounts().lock_active_admins();
        const auto who = detail::load_actor(tx, actor_id);
        can(who, action::deactivate_account, nullptr).enforce();
        auto a = require_account(tx, target);
        if (!a.is_active) {
            return a;
        }
        detail::keep_an_admin(admins, a, "deactivated");
        a.is_active = false;
        tx.accounts().update(a);
        detail::record_account_change(tx, a.id, who.id, now, "is_active", "true", "false");
        (void)tx.sessions().revoke_all(a.id, std::nullopt, now);
        detail::release_assignments(context_, tx, a.id, who.id, now, "the assignee's account was deactivated");
        detail::record_account_event(tx, now, event_kind::account_deactivated, a, who.id);
        return a;
    });
    release_late_assignments(context_, deactivated.id, actor_id, "the assignee's account was deactivated");
    return deactivated;
}

account account_service::reactivate(account_id actor_id, account_id target) {
    const auto now = context_.time_source().now();
    return detail::in_write_transaction(context_, [&](transaction& tx) {
        const auto who = detail::load_actor(tx, actor_id);
        can(who, action::reactivate_account, nullptr).enforce();
        auto a = require_account(tx, target);
        if (a.is_active) {
            return a;
        }
        a.is_active = true;
        tx.accounts().update(a);
        detail::record_account_change(tx, a.id, who.id, now, "is_active", "false", "true");
        detail::record_account_event(tx, now, event_kind::account_reactivated, a, who.id);
        return a;
    });
}

account account_service::update_account(account_id actor_id, account_id target, const account_update& changes) {
    const auto checked = detail::check_account_update(changes, context_.options().choices);
    const auto now = context_.time_source().now();
    return detail::in_write_transaction(context_, [&](transaction& tx) {
        const auto who = detail::load_actor(tx, actor_id);
        can(who, action::edit_account, nullptr).enforce();
        checked.check.throw_if_failed();
        auto a = require_account(tx, target);
        const auto before = a;
        detail::apply_account_update(a, changes, checked);
        const auto changed = detail::changed_fields(before, a);
        if (changed.empty()) {
            return a;
        }
        tx.accounts().update(a);
        for (const auto& [field, old_value, new_value] : changed) {
            detail::record_account_change(tx, a.id, who.id, now, field, old_value, new_value);
        }
        return a;
    });
}

list_page<account_history_entry> account_service::history(account_id actor_id, account_id target,
                                                          const page_request& request) {
    const auto window = detail::window_of(request, history_cursor);
    return detail::in_read_transaction(context_, [&](transaction& tx) {
        can(detail::load_actor(tx, actor_id), action::read_account_history, nullptr).enforce();
        (void)require_account(tx, target);
        return detail::page_by_id(tx.accounts().history_page(target, window), request, history_cursor);
    });
}

} // namespace helpdesk
