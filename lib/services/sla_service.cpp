#include <helpdesk/engine.hpp>
#include <helpdesk/rules/sla_policy_rules.hpp>
#include <helpdesk/services/sla_service.hpp>

#include "services/service_support.hpp"
#include "services/sla_policy_cache.hpp"
#include "services/ticket_support.hpp"
#include "services/tickets/ticket_change.hpp"

#include <string>

namespace helpdesk {

sla_policy sla_service::current(account_id actor) {
    return detail::in_read_transaction(context_, [&](transaction& tx) {
        can(detail::load_actor(tx, actor), action::manage_sla, nullptr).enforce();
        const auto newest = tx.sla_policies().newest_version();
        return newest > 0 ? *context_.sla_policies().version(tx, newest) : sla_policy::defaults();
    });
}

sla_policy sla_service::change(account_id actor, sla_policy draft) {
    return change(actor, [&](const sla_policy&) { return draft; });
}

sla_policy sla_service::change(account_id actor, const std::function<sla_policy(const sla_policy& current)>& edit) {
    const auto now = context_.time_source().now();
    return detail::in_write_transaction(context_, [&](transaction& tx) {
        can(detail::load_actor(tx, actor), action::manage_sla, nullptr).enforce();
        // Version 1 is always the built-in policy (stored by the first
        // ticket, or here): the cache may keep a version 1 read in a
        // transaction that then rolled back, and it must hold what is
        // committed as version 1 whoever stores it.
        const auto draft = edit(*context_.sla_policies().current(tx, now));
        if (auto errors = sla_policy_errors(draft, context_.zones(), context_.options().choices);
            !errors.empty()) {
            throw error{errc::invalid_argument, "the SLA policy is not valid", std::move(errors)};
        }
        auto stored = draft;
        stored.created_at = now;
        stored.created_by = actor;
        detail::store_policy_version(tx, stored);
        return stored;
    });
}

ticket_details sla_service::reapply(account_id actor, ticket_id id, std::optional<std::int64_t> expected_version) {
    const auto now = context_.time_source().now();
    return detail::in_write_transaction(context_, [&](transaction& tx) {
        auto change = detail::begin_change(tx, actor, id, action::manage_sla, expected_version);
        auto& t = change.item;
        const auto current = context_.sla_policies().current(tx, now)->version;
        if (t.sla.policy_version != current) {
            detail::record_history(tx, t, change.who.id, now, history_kind::sla_reapplied,
                                   std::to_string(t.sla.policy_version), std::to_string(current));
            t.sla.policy_version = 0; // not measured: save measures it under the current version
            detail::save(context_, tx, change, now, expected_version);
        }
        return detail::details_for(tx, t, change.who, now);
    });
}

} // namespace helpdesk
