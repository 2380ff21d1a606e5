#pragma once

#include <helpdesk/domain/sla_policy.hpp>
#include <helpdesk/ports/store.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>

namespace helpdesk::detail {

/// Stores `p` as the next SLA policy version. Another writer taking that
/// number first is a `transient_conflict`, so the caller's work re-runs
/// (and takes the number after).
void store_policy_version(transaction& tx, sla_policy& p);

/// The SLA policy versions an engine has read. A stored version never
/// changes, so each is read from the store once (four queries) and then
/// shared; only the number of the newest is asked again each time.
/// Thread-safe.
class sla_policy_cache {
public:
    /// The policy stored as `version`. Throws `error{internal}` when the
    /// store has no such version (a ticket names only versions it was
    /// measured under). Never ask for a version `tx` itself stored: it
    /// would be kept even if `tx` rolled back.
    [[nodiscard]] std::shared_ptr<const sla_policy> version(transaction& tx, std::int64_t version);

    /// The newest stored policy. When none is stored yet, the built-in
    /// defaults are stored first as version 1 (`at` as their time; version 1
    /// is always the built-in policy, so a copy read in a transaction that
    /// rolled back holds the same targets as the one committed), so every
    /// measured ticket names a stored version: call it in a write
    /// transaction. Another writer storing version 1 first is a
    /// `transient_conflict`: the caller's work re-runs and finds it.
    [[nodiscard]] std::shared_ptr<const sla_policy> current(transaction& tx, time_point at);

private:
    std::mutex mutex_;
    std::map<std::int64_t, std::shared_ptr<const sla_policy>> versions_;
};

} // namespace helpdesk::detail
