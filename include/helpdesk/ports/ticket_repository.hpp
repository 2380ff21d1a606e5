#pragma once

#include <helpdesk/domain/ticket.hpp>
#include <helpdesk/ports/queries.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace helpdesk {

/// Tickets with their comments, attachments, history and idempotency keys,
/// seen through one open transaction. Same error contract, and the same
/// reservation of rows found in a write transaction, as `account_repository`. Full-text index and stats aggregates are kept in
/// step by the store inside the same transaction.
class ticket_repository {
public:
    virtual ~ticket_repository() = default;

    /// The next value of the ticket-number sequence (1, 2, ...); a committed
    /// value is never handed out again.
    [[nodiscard]] virtual std::int64_t next_ticket_sequence() = 0;

    /// Stores a new ticket and sets `t.id`.
    virtual void insert(ticket& t) = 0;
    /// Writes `t` if the stored version is still `expected_version`;
    /// returns false (and writes nothing) otherwise.
    [[nodiscard]] virtual bool update(const ticket& t, std::int64_t expected_version) = 0;

    /// The ticket with this id.
    [[nodiscard]] virtual std::optional<ticket> find(ticket_id id) = 0;
    /// The ticket with this `TX` number.
    [[nodiscard]] virtual std::optional<ticket> find_by_number(std::string_view number) = 0;

    /// One page of tickets; see `ticket_page_request`.
    [[nodiscard]] virtual ticket_page_result list(const ticket_page_request& request) = 0;
    /// Aggregates over all tickets, or over one owner's when `employee` is set,
    /// without scanning the ticket table; SLA compliance as it stands at `as_of`.
    [[nodiscard]] virtual ticket_stats stats(std::optional<account_id> employee, time_point as_of) = 0;

    /// Up to `limit` tickets whose next SLA notice is due by `now` (their
    /// stored next-notice instant is at or before it), earliest first, found
    /// through that instant's index. In a write transaction the rows are
    /// reserved, and rows another transaction holds are skipped rather than
    /// waited for, so several schedulers sharing a store take disjoint batches.
    [[nodiscard]] virtual std::vector<ticket> due_sla_notices(time_point now, std::int64_t limit) = 0;
    /// Records which SLA notices ticket `id` has had (`sent`, a bit set of
    /// `sla_notice`) and when its next one is due (`next`, from
    /// `next_notice_at`), without bumping its version or update time: a
    /// notice changes nothing a client sees. not_found for an unknown id.
    virtual void set_sla_notified(ticket_id id, std::int32_t sent, std::optional<time_point> next) = 0;
    /// Up to `limit` tickets in `status` whose owner has not been reminded
    /// and that wait on their owner since `since` or earlier, longest waiting
    /// first, found through that instant's index; reserved (and skipping rows
    /// others hold) as by `due_sla_notices`.
    [[nodiscard]] virtual std::vector<ticket> waiting_on_owner(ticket_status status, time_point since,
                                                               std::int64_t limit) = 0;
    /// Records that the owner of ticket `id` was reminded, without bumping its
    /// version or update time. not_found for an unknown id.
    virtual void set_owner_reminded(ticket_id id) = 0;

    /// Appends a comment and sets `c.id`.
    virtual void insert_comment(comment& c) = 0;
    /// Comments in creation order; internal ones only when asked.
    [[nodiscard]] virtual std::vector<comment> comments(ticket_id id, bool include_internal) = 0;
    /// The window of the comments, by id; internal ones only when asked.
    [[nodiscard]] virtual page<comment> comment_page(ticket_id id, bool include_internal,
                                                     const page_window& window) = 0;

    /// Appends attachment metadata and sets `a.id`.
    virtual void insert_attachment(attachment& a) = 0;
    /// A ticket's attachments in upload order.
    [[nodiscard]] virtual std::vector<attachment> attachments(ticket_id id) = 0;
    /// One attachment's metadata.
    [[nodiscard]] virtual std::optional<attachment> find_attachment(row_id id) = 0;

    /// Appends a history row and sets `e.id`.
    virtual void insert_history(history_event& e) = 0;
    /// History in order; internal rows only when asked.
    [[nodiscard]] virtual std::vector<history_event> history(ticket_id id, bool include_internal) = 0;
    /// The window of the history, by id; internal rows only when asked.
    [[nodiscard]] virtual page<history_event> history_page(ticket_id id, bool include_internal,
                                                           const page_window& window) = 0;

    /// The ticket and request fingerprint recorded for (owner, key), if any.
    [[nodiscard]] virtual std::optional<std::pair<ticket_id, std::string>> find_idempotency(
        account_id owner, std::string_view key) = 0;
    /// Records (owner, key) → ticket with the request's fingerprint.
    virtual void insert_idempotency(account_id owner, std::string_view key, std::string_view fingerprint,
                                    ticket_id id, time_point at) = 0;
};

} // namespace helpdesk
