#pragma once

#include <helpdesk/engine.hpp>
#include <helpdesk/rules/policy.hpp>
#include <helpdesk/services/ticket_service.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace helpdesk::detail {

/// Appends a history row for `t`.
void record_history(transaction& tx, const ticket& t, std::optional<account_id> actor, time_point now,
                    history_kind kind, std::optional<std::string> old_value = std::nullopt,
                    std::optional<std::string> new_value = std::nullopt, bool internal = false);

/// A comment about to be written by `record_comment`.
struct comment_draft {
    std::optional<account_id> author{};   ///< empty for the workflow system
    std::string text{};
    bool internal = false;                ///< staff only
    /// A person's own words get a history row; the notes the engine writes
    /// about a change ("Status changed from ...") do not.
    bool in_history = true;
};

/// Appends `draft` to `t` as a comment (and, when `draft.in_history`, a history row).
comment record_comment(transaction& tx, const ticket& t, time_point now, comment_draft draft);

/// Starts `t`'s wait on its owner at `now` when it is Resolved or Pending
/// (again, for an owner's answer that leaves it Resolved), or ends it;
/// either way the owner is not reminded yet (docs/product.md#automations).
void note_owner_wait(ticket& t, time_point now) noexcept;

/// Moves `t` to `to`, keeping the time fields of docs/product.md#ticket-fields and writing the
/// `status_changed` history row. Does not store `t`.
void move_status(transaction& tx, ticket& t, std::optional<account_id> actor, ticket_status to, time_point now);

/// Gives an assigned `t` back to the queue: clears the assignee (an
/// `unassigned` history row naming the former one) and follows the
/// lifecycle's `unassign` edge from its status (In Progress → Open, the
/// others stay). Returns the status it had. Does not store `t`.
ticket_status unassign(transaction& tx, ticket& t, std::optional<account_id> actor, time_point now);

/// The outbox kind announcing a move to `to` (resolved and closed have their own).
[[nodiscard]] std::string_view status_event_kind(ticket_status to) noexcept;

/// Announces in the outbox, to the owner, that `t` moved from `from` to its
/// current status (the kind from `status_event_kind`, `old_status` in the payload).
void record_status_changed(transaction& tx, const ticket& t, std::optional<account_id> actor, ticket_status from,
                           time_point now);

/// Sets `response_seconds` on the first staff reaction.
void note_staff_response(ticket& t, time_point now) noexcept;

/// The facts every ticket event carries, plus `extra` key/values.
[[nodiscard]] std::string ticket_payload(const ticket& t, std::optional<account_id> actor,
                                         std::initializer_list<std::pair<std::string_view, std::string>> extra = {});

/// The summary of `a` shown inside tickets.
[[nodiscard]] account_summary summarize(const account& a);

/// The detail view of `t` as `staff` or as its owner, its SLA states taken at `as_of`.
[[nodiscard]] ticket_details load_details(transaction& tx, const ticket& t, bool staff, time_point as_of);

/// The detail view of `t` as `who` may see it, with `who` as its viewer,
/// its SLA states taken at `as_of`.
[[nodiscard]] ticket_details details_for(transaction& tx, const ticket& t, const actor& who, time_point as_of);

/// The accounts with these ids as summaries, in one query; ids that name no
/// account are left out.
[[nodiscard]] std::vector<account_summary> summaries_of(transaction& tx, const std::vector<account_id>& ids);

/// The owners and assignees of `tickets`, each once, in first-seen order.
[[nodiscard]] std::vector<account_summary> people_of(transaction& tx, const std::vector<ticket>& tickets);

} // namespace helpdesk::detail
