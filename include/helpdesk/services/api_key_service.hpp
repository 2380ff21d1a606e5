#pragma once

#include <helpdesk/domain/api_key.hpp>
#include <helpdesk/ids.hpp>
#include <helpdesk/services/paging.hpp>

#include <optional>
#include <string_view>
#include <vector>

namespace helpdesk {

class engine_context;

/// API keys of external systems (the workflow system of docs/product.md#workflow-system): created,
/// listed and revoked by System Admins (policy action `manage_api_keys`) or
/// by the operator's command line (the `*_for_operator` calls, which trust
/// their caller), and checked by `authenticate`.
///
/// A key is `hdk_` followed by 48 lowercase hex digits (192 bits from the
/// engine's random source). Only its SHA-256 is stored: the key is high
/// entropy, so a slow hash would add nothing, and a lookup by hash costs
/// one index probe. The key is returned once, by `create`; lists show its
/// first 12 characters (`prefix`). Revoked keys are kept (listed, with
/// `revoked_at`) and never authenticate again; revoking is idempotent.
///
/// Names: 1 to 100 characters on one line, trimmed; not unique.
///
/// Every call is one store transaction (`authenticate`: one read, plus a
/// write at most once a minute per key). Thread-safe (also across server
/// processes sharing a store). Failures throw `helpdesk::error`.
class api_key_service {
public:
    /// Uses the context's store, clock and randomness; the context must outlive the service.
    explicit api_key_service(engine_context& context) : context_(context) {}

    /// System Admin only: makes a key named `name`, recorded as made by
    /// `actor`. Returns its record and the key (shown once). Throws
    /// invalid_argument with a field error on `name`, permission_denied for
    /// anyone else, unauthenticated when `actor` no longer exists.
    [[nodiscard]] created_api_key create(account_id actor, std::string_view name);
    /// As `create`, for the operator (no actor; `created_by` stays empty).
    [[nodiscard]] created_api_key create_for_operator(std::string_view name);

    /// System Admin only: a page of the keys, revoked ones included, oldest
    /// first. Never the keys or their hashes. Throws as `create` for other
    /// callers, and invalid_argument for bad paging.
    [[nodiscard]] list_page<api_key> list(account_id actor, const page_request& request = {});
    /// Every key, for the operator, read in one transaction.
    [[nodiscard]] std::vector<api_key> list_for_operator();

    /// System Admin only: revokes key `id` from now on and returns its record.
    /// Idempotent: a revoked key stays revoked at its first `revoked_at`.
    /// Throws not_found for an unknown id, and as `create` for other callers.
    api_key revoke(account_id actor, row_id id);
    /// As `revoke`, for the operator.
    api_key revoke_for_operator(row_id id);

    /// The unrevoked key whose text is `presented`, or nullopt (empty, not
    /// shaped like a key, unknown or revoked: the store is not asked about a
    /// text that cannot be a key). Records the use in `last_used_at` when the
    /// stored one is over a minute old, so steady traffic costs one write a
    /// minute, not one a call (a failure of that write is ignored). Not
    /// actor-bound: the caller is the system presenting the key. Throws only
    /// when the key cannot be read.
    [[nodiscard]] std::optional<api_key> authenticate(std::string_view presented);

private:
    created_api_key make(std::optional<account_id> actor, std::string_view name);
    api_key revoke_key(std::optional<account_id> actor, row_id id);

    engine_context& context_;
};

} // namespace helpdesk
