#pragma once

#include <helpdesk/domain/sla_policy.hpp>
#include <helpdesk/ids.hpp>
#include <helpdesk/services/ticket_service.hpp>

#include <cstdint>
#include <functional>
#include <optional>

namespace helpdesk {

class engine_context;

/// The SLA policy (docs/product.md#sla), read and changed by System Admins
/// (policy action `manage_sla`). A change is a new version; tickets keep
/// the version they were measured under. Every call is one store
/// transaction. Thread-safe.
class sla_service {
public:
    /// A service over `context`, which must outlive it.
    explicit sla_service(engine_context& context) noexcept : context_(context) {}

    /// The policy new tickets are measured under: the newest stored
    /// version, or the built-in defaults (version 0) before any is stored.
    [[nodiscard]] sla_policy current(account_id actor);

    /// Stores `draft` as the next version, by `actor`, now. Refused with
    /// `invalid_argument` naming each field at fault (`sla_policy_errors`:
    /// the zone must be one the engine's time-zone database knows), and then
    /// nothing is stored. Returns the stored version.
    sla_policy change(account_id actor, sla_policy draft);

    /// Stores `edit(current)` as the next version, as `change(actor, draft)`
    /// does, with the current policy read in the same transaction: two
    /// admins who change different members at once both keep their change
    /// (a partial update built on a policy read earlier would undo the
    /// other's). `edit` runs after the permission check; whatever it throws
    /// (`invalid_argument` for a malformed member) leaves nothing stored.
    sla_policy change(account_id actor, const std::function<sla_policy(const sla_policy& current)>& edit);

    /// Measures ticket `id` again under the current policy version instead
    /// of the one it was measured under, recording `sla_reapplied` (old and
    /// new version) in its history; a ticket already under the current
    /// version is left as it is. Honours `expected_version` as every ticket
    /// change does. Returns the ticket's detail view as the actor sees it.
    ticket_details reapply(account_id actor, ticket_id id, std::optional<std::int64_t> expected_version = std::nullopt);

private:
    engine_context& context_;
};

} // namespace helpdesk
