#include "services/sla_policy_cache.hpp"

#include <helpdesk/error.hpp>

#include <string>

namespace helpdesk::detail {

void store_policy_version(transaction& tx, sla_policy& p) {
    try {
        tx.sla_policies().insert(p);
    } catch (const error& e) {
        if (e.code() == errc::conflict) {
            throw transient_conflict("another SLA policy version was stored meanwhile");
        }
        throw;
    }
}

std::shared_ptr<const sla_policy> sla_policy_cache::version(transaction& tx, std::int64_t version) {
    {
        const std::lock_guard lock{mutex_};
        if (const auto found = versions_.find(version); found != versions_.end()) {
            return found->second;
        }
    }
    // Read outside the lock: two threads may both read a version, and the
    // first one kept wins; both copies are the same.
    auto stored = tx.sla_policies().find(version);
    if (!stored) {
        throw error{errc::internal,
                    "a ticket names SLA policy version " + std::to_string(version) + ", which is not stored"};
    }
    const std::lock_guard lock{mutex_};
    return versions_.try_emplace(version, std::make_shared<const sla_policy>(std::move(*stored)))
        .first->second;
}

std::shared_ptr<const sla_policy> sla_policy_cache::current(transaction& tx, time_point at) {
    const auto newest = tx.sla_policies().newest_version();
    if (newest > 0) {
        return version(tx, newest);
    }
    auto first = sla_policy::defaults();
    first.created_at = at;
    store_policy_version(tx, first);
    // Not kept yet: the transaction may still roll back.
    return std::make_shared<const sla_policy>(std::move(first));
}

} // namespace helpdesk::detail
