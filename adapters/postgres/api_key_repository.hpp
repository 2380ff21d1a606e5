#pragma once

#include <helpdesk/ports/api_key_repository.hpp>

#include "transaction_bound.hpp"

namespace helpdesk::postgres::detail {

/// `helpdesk::api_key_repository` over one connection inside an open
/// transaction (table `api_keys`; the unique index on `key_hash` serves
/// `find_by_hash`). Borrows the connection; used by the transaction's thread
/// only. `revoke` and `touch` are conditional updates: under REPEATABLE READ
/// a concurrent change of the same key surfaces as `transient_conflict`, and
/// the re-run finds the condition settled. The insert runs under a
/// savepoint, so a conflict leaves the transaction usable.
class api_key_repository final : public helpdesk::api_key_repository, public transaction_bound {
public:
    using transaction_bound::transaction_bound;

    void insert(api_key& k, std::string_view key_hash) override;
    [[nodiscard]] std::optional<api_key> find_by_hash(std::string_view key_hash) override;
    [[nodiscard]] std::optional<api_key> find(row_id id) override;
    [[nodiscard]] std::vector<api_key> list() override;
    bool revoke(row_id id, time_point now) override;
    bool touch(row_id id, time_point now, time_point stale_before) override;
};

} // namespace helpdesk::postgres::detail
