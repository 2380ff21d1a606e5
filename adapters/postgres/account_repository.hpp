#pragma once

#include <helpdesk/ports/account_repository.hpp>

#include "transaction_bound.hpp"

namespace helpdesk::postgres::detail {

/// `helpdesk::account_repository` over one connection inside an open
/// transaction. Borrows the connection; used by the transaction's thread only.
/// Statements that can break a unique or foreign key run under a savepoint,
/// so a conflict leaves the transaction usable.
class account_repository final : public helpdesk::account_repository, public transaction_bound {
public:
    using transaction_bound::transaction_bound;

    void insert(account& a) override;
    /// Throws `error{not_found}` when no account has id `a.id`.
    void update(const account& a) override;
    /// Throws `error{conflict}` while the account still owns tickets.
    bool remove(account_id id) override;

    [[nodiscard]] std::optional<account> find(account_id id) override;
    [[nodiscard]] std::vector<account> find_many(const std::vector<account_id>& ids) override;
    [[nodiscard]] std::optional<account> find_by_email(std::string_view email) override;
    [[nodiscard]] std::optional<account> find_by_company_id(std::string_view company_id) override;

    /// `nextval` of the company sequence: never handed out twice, gaps allowed.
    [[nodiscard]] std::int64_t next_company_sequence() override;

    [[nodiscard]] page<account> list(const account_filter& filter, std::int64_t offset,
                                     std::int64_t limit) override;
    [[nodiscard]] std::vector<account_id> staff_ids() override;

    void insert_rejection(rejected_account& r) override;
    [[nodiscard]] page<rejected_account> list_rejections(std::int64_t offset, std::int64_t limit) override;

    void insert_reset_token(account_id id, std::string_view token_hash, time_point expires_at) override;
    [[nodiscard]] bool reset_token_valid(std::string_view token_hash, time_point now) override;
    [[nodiscard]] std::optional<account_id> consume_reset_token(std::string_view token_hash,
                                                                time_point now) override;

private:
    [[nodiscard]] std::optional<account> find_one(std::string_view sql, const params& key);
};

} // namespace helpdesk::postgres::detail
