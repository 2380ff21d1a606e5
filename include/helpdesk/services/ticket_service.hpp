#pragma once

#include <helpdesk/domain/account.hpp>
#include <helpdesk/domain/api_key.hpp>
#include <helpdesk/domain/ticket.hpp>
#include <helpdesk/ports/queries.hpp>
#include <helpdesk/rules/policy.hpp>
#include <helpdesk/services/paging.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace helpdesk {

class engine_context;

/// A file as the client sent it; the engine sniffs its type from the bytes.
struct new_attachment {
    std::string file_name{};
    std::string bytes{};
};

/// A new ticket. Choice fields are text so the engine validates them.
/// `status`, `priority`, `department` and `assigned_to` exist only so that a
/// client that tries to set them is refused (docs/product.md#ticket-fields).
struct create_ticket_request {
    std::string subject{};
    std::string category{};
    std::string sub_category{};
    std::string description{};
    std::optional<std::string> scheduled_date{};   ///< `YYYY-MM-DD`, not in the past
    std::vector<new_attachment> attachments{};
    std::optional<std::string> status{};           ///< refused when present
    std::optional<std::string> priority{};         ///< refused when present
    std::optional<std::string> department{};       ///< refused when present
    std::optional<std::string> assigned_to{};      ///< refused when present
};

/// Staff approval: New → Open with priority and department, then assigned
/// to `assigned_to` when given (as `ticket_service::assign` would), else as
/// the department's mode says (docs/product.md#automatic-assignment).
struct approve_request {
    std::string priority = "Low";
    std::string department = "IT Department";
    std::optional<std::string> approval_notes{}; ///< kept as an internal comment
    std::optional<account_id> assigned_to{};     ///< an approved, active staff account
};

/// Staff's change of an approved ticket (docs/product.md#editing-a-ticket):
/// each member present is a new value, checked as creation and approval
/// check it; absent members stay as they are.
struct edit_ticket_request {
    std::optional<std::string> priority{};     ///< `Low` ... `Critical`
    std::optional<std::string> department{};   ///< a configured department
    std::optional<std::string> category{};     ///< a catalogue category; the sub-category must still fit
    std::optional<std::string> sub_category{}; ///< a sub-category of the (new or kept) category
    bool unassign = false;                     ///< give it back to the queue (In Progress becomes Open)
};

/// The public face of an account inside a ticket.
struct account_summary {
    account_id id = 0;
    std::string first_name{};
    std::string last_name{};
    std::string email{};
    role account_role = role::employee;
};

/// A ticket with what its detail view shows; comments already filtered for
/// the caller.
struct ticket_details {
    ticket item{};
    account_summary employee{};
    std::optional<account_summary> assigned_to{};
    std::vector<attachment> attachments{};
    std::vector<comment> comments{};
    /// The authors of `comments`, each once (read in one query); an author
    /// whose account is gone is missing.
    std::vector<account_summary> comment_authors{};
    /// The caller as the policy saw them in the same transaction, for
    /// `permitted_actions`; empty when read for no one (outbox snapshots).
    std::optional<actor> viewer{};
    /// The instant its SLA states are taken at: the engine's clock when it
    /// was read (or when the change it answers was made).
    time_point as_of{};
};

/// A comment just added, with its author (the caller) as threads show them.
struct posted_comment {
    comment item{};
    account_summary author{};
};

/// An attachment's metadata with its bytes.
struct attachment_download {
    attachment meta{};
    std::string bytes{};
};

/// A page of a ticket's comments the caller may see, with their authors.
struct comment_thread : list_page<comment> {
    std::vector<account_summary> authors{};   ///< each author of `results` once; missing when the account is gone
};

/// A page of a ticket's history the caller may see, with the people who acted.
struct history_timeline : list_page<history_event> {
    std::vector<account_summary> actors{};    ///< each actor of `results` once; missing when the account is gone
};

/// A list request: typed filters, an ordering (`submit_date`, `update_date`,
/// `priority`, `-` for descending), and either a 1-based page or a cursor.
struct ticket_list_request : page_request {
    ticket_filter filter{};
    std::string ordering = "-submit_date";
};

/// One page of tickets. Offset pages carry `count`; cursor pages carry
/// `next_cursor` when there are more rows.
struct ticket_list : list_page<ticket> {
    std::vector<account_summary> people{};   ///< owners and assignees of `results`, each once
    std::optional<actor> viewer{};           ///< the caller as the policy saw them (see `ticket_details::viewer`)
    time_point as_of{};                      ///< the instant their SLA states are taken at (see `ticket_details::as_of`)
};

/// Ticket lifecycle, comments, attachments, lists and stats. Every call is one
/// store transaction that checks the policy, validates input, writes the
/// change, its history rows and outbox events, and commits once. The
/// lifecycle commands answer with the ticket's detail view as the actor may
/// see it, read in the same transaction. Mutations take `expected_version`; a
/// stale one (also one that goes stale while the call runs) throws
/// `precondition_failed` and writes nothing. Thread-safe.
class ticket_service {
public:
    /// Uses the context's store, blobs, clock and randomness; the context must outlive the service.
    explicit ticket_service(engine_context& context) : context_(context) {}

    /// Raises a ticket as the actor. With an idempotency key, a retry with the
    /// same key and request returns the first ticket and creates nothing; the
    /// same key with a different request throws conflict.
    ticket_details create(account_id actor, const create_ticket_request& request,
                          std::optional<std::string_view> idempotency_key = std::nullopt);

    /// Staff: New → Open, setting priority and department; then assigned
    /// explicitly or automatically (see `approve_request`), in the same
    /// transaction.
    ticket_details approve(account_id actor, ticket_id id, const approve_request& request,
                   std::optional<std::int64_t> expected_version = std::nullopt);
    /// Staff: New → Rejected; the reason is required and shown to the owner.
    ticket_details reject(account_id actor, ticket_id id, std::string_view reason,
                  std::optional<std::int64_t> expected_version = std::nullopt);
    /// Staff: Open → In Progress, assigned to the caller.
    ticket_details claim(account_id actor, ticket_id id, std::optional<std::int64_t> expected_version = std::nullopt);
    /// Assigns to an approved staff account; Open becomes In Progress.
    ticket_details assign(account_id actor, ticket_id id, account_id assignee,
                  std::optional<std::int64_t> expected_version = std::nullopt);
    /// Moves along an update-status edge of the lifecycle table.
    ticket_details update_status(account_id actor, ticket_id id, std::string_view new_status,
                         std::optional<std::string_view> note = std::nullopt,
                         std::optional<std::int64_t> expected_version = std::nullopt);
    /// Owner: any open state → Withdrawn, with an optional comment.
    ticket_details withdraw(account_id actor, ticket_id id, std::optional<std::string_view> note = std::nullopt,
                    std::optional<std::int64_t> expected_version = std::nullopt);
    /// Owner: Resolved → Closed, with an optional comment.
    ticket_details close(account_id actor, ticket_id id, std::optional<std::string_view> note = std::nullopt,
                 std::optional<std::int64_t> expected_version = std::nullopt);
    /// Owner: Resolved → In Progress; the comment is required.
    ticket_details reopen(account_id actor, ticket_id id, std::string_view note,
                  std::optional<std::int64_t> expected_version = std::nullopt);
    /// Staff change priority, department, category and sub-category of a
    /// ticket that is approved and not terminal (Open, In Progress, On Hold,
    /// Pending, Resolved), and may unassign it, all in one change: one
    /// history row per field that changed (old → new), one version bump,
    /// the SLA clocks measured again, and `ticket.updated` to the owner when
    /// the priority or department changed. Every value is checked before
    /// anything is written; a refusal changes nothing. An edit that changes
    /// nothing (the values it names are the ticket's, or it unassigns a
    /// ticket nobody has) writes nothing and answers the ticket as it is.
    ticket_details edit(account_id actor, ticket_id id, const edit_ticket_request& request,
                        std::optional<std::int64_t> expected_version = std::nullopt);
    /// Idempotent: a second finalize changes nothing and records nothing.
    ticket_details finalize(account_id actor, ticket_id id, std::optional<std::int64_t> expected_version = std::nullopt);
    /// The external workflow system reports a status, authenticated by the
    /// caller with `via` (see `api_key_service::authenticate`); validated like
    /// update-status. The public comment it records names the source: "...
    /// by the workflow system (key <name>)."; history has no actor. Answers
    /// with the detail view as the ticket's owner sees it, without a viewer.
    ticket_details workflow_update_status(const api_key& via, std::string_view ticket_number, std::string_view new_status,
                                  std::optional<std::string_view> note = std::nullopt);

    /// Public comments by owner or staff; internal ones by staff only. An
    /// owner's comment on a Pending ticket moves it to In Progress.
    posted_comment add_comment(account_id actor, ticket_id id, std::string_view text, bool internal = false);
    /// Adds a file to a ticket (owner or staff; limits from the engine options).
    attachment add_attachment(account_id actor, ticket_id id, const new_attachment& file);
    /// An attachment's metadata and bytes, for its owner or staff.
    [[nodiscard]] attachment_download download(account_id actor, row_id attachment);

    /// The detail view. Another employee's ticket is not_found.
    [[nodiscard]] ticket_details get(account_id actor, ticket_id id);
    /// The detail view by `TX` number; same visibility as `get`.
    [[nodiscard]] ticket_details get_by_number(account_id actor, std::string_view number);
    /// A page of the tickets the actor may see (employees: their own).
    [[nodiscard]] ticket_list list(account_id actor, const ticket_list_request& request);
    /// Staff: New tickets (the approval queue), newest first.
    [[nodiscard]] ticket_list new_queue(account_id actor, const page_request& request = {});
    /// Staff: Open tickets, newest first.
    [[nodiscard]] ticket_list open_queue(account_id actor, const page_request& request = {});
    /// Staff: active tickets (Open, In Progress, On Hold, Pending) assigned to the actor, newest first.
    [[nodiscard]] ticket_list assigned_to_me(account_id actor, const page_request& request = {});
    /// Counts and mean times: the actor's own tickets, or all for staff.
    [[nodiscard]] ticket_stats stats(account_id actor);
    /// Every comment the actor may see, in order (one read, however many).
    [[nodiscard]] std::vector<comment> comments(account_id actor, ticket_id id);
    /// Every history row the actor may see, in order (one read, however many).
    [[nodiscard]] std::vector<history_event> history(account_id actor, ticket_id id);
    /// A page of the comments the actor may see, oldest first, with the
    /// page's authors (one more query, however many comments).
    [[nodiscard]] comment_thread comment_page(account_id actor, ticket_id id, const page_request& request = {});
    /// A page of the history the actor may see, in order, with the page's
    /// actors (one more query, however many rows).
    [[nodiscard]] history_timeline history_page(account_id actor, ticket_id id, const page_request& request = {});

private:
    engine_context& context_;
};

} // namespace helpdesk
