#pragma once

#include <helpdesk/ports/session_repository.hpp>

#include "connection.hpp"
#include "transaction_bound.hpp"

namespace helpdesk::sqlite::detail {

/// `helpdesk::session_repository` over one connection inside an open
/// transaction (table `refresh_tokens`). Borrows the connection; used by the
/// transaction's thread only. Writers run one at a time, so `find` needs no
/// lock to reserve its row.
class session_repository final : public helpdesk::session_repository, public transaction_bound {
public:
    using transaction_bound::transaction_bound;

    void insert(const session_token& t) override;
    [[nodiscard]] std::optional<session_token> find(std::string_view token_hash) override;
    bool revoke(std::string_view token_hash, time_point now) override;
    std::int64_t revoke_session(account_id account, std::string_view session_hash, time_point now) override;
    std::int64_t revoke_all(account_id account, std::optional<std::string_view> keep_session_hash,
                            time_point now) override;
    std::int64_t purge(account_id account, time_point expired_before) override;
};

} // namespace helpdesk::sqlite::detail
