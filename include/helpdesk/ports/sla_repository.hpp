#pragma once

#include <helpdesk/domain/sla_policy.hpp>

#include <cstdint>
#include <optional>

namespace helpdesk {

/// The stored versions of the SLA policy (docs/product.md#sla), seen through
/// one open transaction. A version is never changed once stored: a change
/// of the policy is a new version. Reads give back the policy as it was
/// inserted, its working hours by weekday then start, its holidays sorted
/// and its overrides by department then priority. An unreachable store
/// throws `error{errc::storage_unavailable}`. Used only by the thread that
/// owns the transaction.
class sla_repository {
public:
    virtual ~sla_repository() = default;

    /// The newest version; nullopt when none is stored.
    [[nodiscard]] virtual std::optional<sla_policy> current() = 0;
    /// The number of the newest version, 0 when none is stored: one query,
    /// for callers that keep the versions they have read.
    [[nodiscard]] virtual std::int64_t newest_version() = 0;
    /// The policy stored as `version`; nullopt when there is none.
    [[nodiscard]] virtual std::optional<sla_policy> find(std::int64_t version) = 0;
    /// Stores `p` as the version after the newest (1 for the first) and sets
    /// `p.version` (the `version` passed in is ignored). Throws
    /// `error{errc::conflict}` when a concurrent transaction stored that
    /// version number first. The caller validates `p` first: two stretches
    /// of a day starting at the same minute, a holiday twice, or an override
    /// without a department or twice for one (department, priority) are
    /// refused by the store too, but possibly only when the transaction
    /// commits.
    virtual void insert(sla_policy& p) = 0;
};

} // namespace helpdesk
