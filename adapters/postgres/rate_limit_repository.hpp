#pragma once

#include <helpdesk/ports/rate_limit_repository.hpp>

#include "transaction_bound.hpp"

namespace helpdesk::postgres::detail {

/// `helpdesk::rate_limit_repository` over one connection inside an open
/// transaction (table `rate_limit_buckets`). Borrows the connection; used by
/// the transaction's thread only. In a write transaction `find` locks the
/// bucket `FOR UPDATE` and `save` is an `INSERT ... ON CONFLICT DO UPDATE`;
/// under REPEATABLE READ a bucket written (or first created) by a concurrent
/// transaction makes either fail with `transient_conflict` (SQLSTATE 40001)
/// instead of losing that transaction's take, and the engine re-runs the take.
class rate_limit_repository final : public helpdesk::rate_limit_repository, public transaction_bound {
public:
    using transaction_bound::transaction_bound;

    [[nodiscard]] std::optional<rate_bucket> find(std::string_view key) override;
    void save(std::string_view key, const rate_bucket& b) override;
    std::int64_t purge(time_point idle_before) override;
};

} // namespace helpdesk::postgres::detail
