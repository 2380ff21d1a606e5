#pragma once

#include <helpdesk/ports/ticket_repository.hpp>

#include "transaction_bound.hpp"

namespace helpdesk::postgres::detail {

/// `helpdesk::ticket_repository` over one connection inside an open
/// transaction. Borrows the connection; used by the transaction's thread only.
/// The search vector is a generated column, recomputed by the writing
/// statement; the stats aggregate (this connection's shard) is upserted by the
/// same statement that inserts or updates the ticket, which knows the old and
/// new values. Statements that can break a unique or foreign key run under a
/// savepoint, so a conflict leaves the transaction usable.
class ticket_repository final : public helpdesk::ticket_repository, public transaction_bound {
public:
    using transaction_bound::transaction_bound;

    /// `nextval` of the ticket sequence: never handed out twice, gaps allowed.
    [[nodiscard]] std::int64_t next_ticket_sequence() override;

    /// Also reserves an id for the next history row and outbox event of this
    /// transaction (see `insert_history`).
    void insert(ticket& t) override;
    [[nodiscard]] bool update(const ticket& t, std::int64_t expected_version) override;

    [[nodiscard]] std::optional<ticket> find(ticket_id id) override;
    [[nodiscard]] std::optional<ticket> find_by_number(std::string_view number) override;

    [[nodiscard]] ticket_page_result list(const ticket_page_request& request) override;
    [[nodiscard]] ticket_stats stats(std::optional<account_id> employee) override;

    void insert_comment(comment& c) override;
    [[nodiscard]] std::vector<comment> comments(ticket_id id, bool include_internal) override;

    void insert_attachment(attachment& a) override;
    [[nodiscard]] std::vector<attachment> attachments(ticket_id id) override;
    [[nodiscard]] std::optional<attachment> find_attachment(row_id id) override;

    /// With a reserved id, sets `e.id` to it and defers the row to the next
    /// round trip (its failure is then thrown by that later call); otherwise
    /// inserts at once.
    void insert_history(history_event& e) override;
    [[nodiscard]] std::vector<history_event> history(ticket_id id, bool include_internal) override;

    [[nodiscard]] std::optional<std::pair<ticket_id, std::string>>
    find_idempotency(account_id owner, std::string_view key) override;
    void insert_idempotency(account_id owner, std::string_view key, std::string_view fingerprint,
                            ticket_id id, time_point at) override;
};

} // namespace helpdesk::postgres::detail
