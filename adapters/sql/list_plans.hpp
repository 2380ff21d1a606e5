#pragma once

// Every list's SQL except the ticket list's (ticket_list_plan.hpp), written
// once for both stores.

#include <helpdesk/domain/outbox_event.hpp>
#include <helpdesk/ports/queries.hpp>

#include "list_plan.hpp"

namespace helpdesk::sql {

/// Accounts matching `filter` (role, status, department, active), by id.
[[nodiscard]] list_plan plan_accounts(const account_filter& filter, const page_window& window,
                                      const list_dialect& dialect);
/// One account's history, oldest first (by id).
[[nodiscard]] list_plan plan_account_history(account_id account, const page_window& window,
                                             const list_dialect& dialect);
/// The rejection audit, newest first (`rejected_at`, then id).
[[nodiscard]] list_plan plan_rejections(const page_window& window, const list_dialect& dialect);
/// Outbox events in `state`, newest first. Never counts: each store reads
/// its own running totals.
[[nodiscard]] list_plan plan_outbox(outbox_state state, const page_window& window,
                                    const list_dialect& dialect);
/// API keys (never their hashes), by id.
[[nodiscard]] list_plan plan_api_keys(const page_window& window, const list_dialect& dialect);
/// A ticket's comments by id; internal ones only when `include_internal`.
[[nodiscard]] list_plan plan_comments(ticket_id ticket, bool include_internal, const page_window& window,
                                      const list_dialect& dialect);
/// A ticket's history by id; internal rows only when `include_internal`.
[[nodiscard]] list_plan plan_history(ticket_id ticket, bool include_internal, const page_window& window,
                                     const list_dialect& dialect);

/// A ticket's comments or history without a window, by id. The detail view
/// reads both on every call and their text never changes, so a store builds
/// this once and only binds the ticket.
class whole_ticket_rows {
public:
    /// The two statements (with and without internal rows) over `table`.
    whole_ticket_rows(std::string_view columns, std::string_view table, const list_dialect& dialect);
    /// Every row of `ticket`; internal ones only when `include_internal`.
    [[nodiscard]] list_plan plan(ticket_id ticket, bool include_internal) const;

private:
    std::string every_;
    std::string public_only_;
};

/// Every comment of a ticket, by id.
[[nodiscard]] whole_ticket_rows whole_comments(const list_dialect& dialect);
/// Every history row of a ticket, by id.
[[nodiscard]] whole_ticket_rows whole_history(const list_dialect& dialect);

} // namespace helpdesk::sql
