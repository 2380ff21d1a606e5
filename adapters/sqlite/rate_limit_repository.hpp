#pragma once

#include <helpdesk/ports/rate_limit_repository.hpp>

#include "connection.hpp"
#include "transaction_bound.hpp"

namespace helpdesk::sqlite::detail {

/// `helpdesk::rate_limit_repository` over one connection inside an open
/// transaction (table `rate_limit_buckets`). Borrows the connection; used by
/// the transaction's thread only. Writers run one at a time (`BEGIN
/// IMMEDIATE`, across processes sharing the file too), so a read-then-save
/// of a bucket is never interleaved with another.
class rate_limit_repository final : public helpdesk::rate_limit_repository, public transaction_bound {
public:
    using transaction_bound::transaction_bound;

    [[nodiscard]] std::optional<rate_bucket> find(std::string_view key) override;
    void save(std::string_view key, const rate_bucket& b) override;
    std::int64_t purge(time_point idle_before) override;
};

} // namespace helpdesk::sqlite::detail
