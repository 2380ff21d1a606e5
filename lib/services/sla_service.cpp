#include <helpdesk/engine.hpp>
#include <helpdesk/rules/sla_policy_rules.hpp>
#include <helpdesk/services/sla_service.hpp>

#include "services/service_support.hpp"
#include "services/sla_policy_cache.hpp"

namespace helpdesk {

sla_policy sla_service::current(account_id actor) {
    return detail::in_read_transaction(context_, [&](transaction& tx) {
        can(detail::load_actor(tx, actor), action::manage_sla, nullptr).enforce();
        const auto newest = tx.sla_policies().newest_version();
        return newest > 0 ? *context_.sla_policies().version(tx, newest) : sla_policy::defaults();
    });
}

sla_policy sla_service::change(account_id actor, sla_policy draft) {
    const auto now = context_.time_source().now();
    return detail::in_write_transaction(context_, [&](transaction& tx) {
        can(detail::load_actor(tx, actor), action::manage_sla, nullptr).enforce();
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

} // namespace helpdesk
