#pragma once

#include <helpdesk/domain/sla_measure.hpp>
#include <helpdesk/ids.hpp>
#include <helpdesk/time.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace helpdesk {

/// The states of docs/product.md#lifecycle. Closed, Rejected and Withdrawn are terminal.
enum class ticket_status { new_, open, in_progress, on_hold, pending, resolved, closed, rejected, withdrawn };

/// Urgency set by staff at approval.
enum class priority { low, medium, high, critical };

/// `"New"`, `"Open"`, `"In Progress"`, `"On Hold"`, `"Pending"`, `"Resolved"`,
/// `"Closed"`, `"Rejected"`, `"Withdrawn"`.
[[nodiscard]] std::string_view to_string(ticket_status s) noexcept;
/// Inverse of `to_string(ticket_status)`; nullopt for anything else.
[[nodiscard]] std::optional<ticket_status> parse_ticket_status(std::string_view text) noexcept;
/// `"Low"`, `"Medium"`, `"High"`, `"Critical"`.
[[nodiscard]] std::string_view to_string(priority p) noexcept;
/// Inverse of `to_string(priority)`; nullopt for anything else.
[[nodiscard]] std::optional<priority> parse_priority(std::string_view text) noexcept;

/// What a history row records. Stores keep it as its `to_string` text.
enum class history_kind {
    created,                ///< the ticket was raised
    status_changed,         ///< old and new status
    priority_changed,       ///< old and new priority (at approval or an edit)
    department_changed,     ///< old and new department (at approval or an edit)
    assigned,               ///< old and new assignee id
    unassigned,             ///< the former assignee id (staff unassigned it, or its account was deactivated or is no longer staff)
    attachment_added,       ///< the file's name
    comment_added,          ///< the comment's id
    internal_comment_added, ///< the comment's id; hidden from employees
    finalized,              ///< handed over to the workflow system
    sla_reapplied,          ///< old and new SLA policy version (an admin re-measured it)
    category_changed,       ///< old and new category (an edit)
    sub_category_changed,   ///< old and new sub-category (an edit)
    closed_automatically,   ///< new value: the days it stayed Resolved without an answer from its owner
    owner_reminded,         ///< new value: the hours it had been Pending when its owner was reminded
};

/// `"created"`, `"status_changed"`, `"priority_changed"`, ... (the stored text).
[[nodiscard]] std::string_view to_string(history_kind k) noexcept;
/// Inverse of `to_string(history_kind)`; nullopt for anything else.
[[nodiscard]] std::optional<history_kind> parse_history_kind(std::string_view text) noexcept;
/// As `parse_history_kind`, for text read from a store: throws `error{internal}`
/// for a kind no build of ours writes.
[[nodiscard]] history_kind history_kind_from_store(std::string_view text);

/// True for Closed, Rejected and Withdrawn.
[[nodiscard]] constexpr bool is_terminal(ticket_status s) noexcept {
    return s == ticket_status::closed || s == ticket_status::rejected || s == ticket_status::withdrawn;
}

/// Every ticket status, in lifecycle order (for tables and tests).
inline constexpr ticket_status all_ticket_statuses[] = {
    ticket_status::new_,    ticket_status::open,     ticket_status::in_progress,
    ticket_status::on_hold, ticket_status::pending,  ticket_status::resolved,
    ticket_status::closed,  ticket_status::rejected, ticket_status::withdrawn};

/// Every priority, most urgent first (the order people choose from).
inline constexpr priority priorities_by_urgency[] = {priority::critical, priority::high, priority::medium,
                                                     priority::low};

/// `TX` + the sequence number zero-padded to at least 4 digits.
[[nodiscard]] std::string format_ticket_number(std::int64_t sequence);
/// Inverse of `format_ticket_number`; nullopt unless `TX` + 4 or more digits.
[[nodiscard]] std::optional<std::int64_t> parse_ticket_number(std::string_view text) noexcept;

/// A support request (docs/product.md#ticket-fields). Durations are in whole seconds.
struct ticket {
    ticket_id id = 0;                    ///< 0 until stored
    std::string ticket_number{};           ///< `TX0001` ...
    account_id employee = 0;             ///< the owner
    std::string subject{};
    std::string category{};
    std::string sub_category{};
    std::string description{};
    std::optional<date> scheduled_date{};
    priority ticket_priority = priority::low;
    std::string department = "IT Department";
    ticket_status status = ticket_status::new_;
    std::optional<account_id> assigned_to{};
    time_point submit_date{};
    time_point update_date{};
    std::optional<std::int64_t> response_seconds{};   ///< first staff reaction − submit
    std::optional<std::int64_t> resolution_seconds{}; ///< Resolved (or Closed) − submit
    std::optional<time_point> time_closed{};
    std::optional<std::string> rejection_reason{};
    bool finalized = false;              ///< handed to the external workflow
    std::int64_t version = 1;            ///< bumped on every change
    sla_measure sla{};                   ///< its SLA clocks; policy version 0 until measured
    std::int32_t sla_notified = 0;       ///< which SLA notices were sent, as a bit set
    /// Since when it waits on its owner (docs/product.md#automations): set on
    /// entering Resolved or Pending, again by the owner's public comment on a
    /// Resolved ticket, empty in every other status.
    std::optional<time_point> waiting_on_owner_since{};
    bool owner_reminded = false;         ///< the Pending reminder went out (reset by every status change)
};

/// A note on a ticket; internal ones are shown to staff only.
struct comment {
    row_id id = 0;
    ticket_id ticket = 0;
    std::optional<account_id> author{};    ///< empty when written by the workflow system
    std::string text{};
    bool is_internal = false;
    time_point created_at{};
};

/// Metadata of an uploaded file; the bytes live in the blob store under `blob_key`.
struct attachment {
    row_id id = 0;
    ticket_id ticket = 0;
    std::string file_name{};               ///< the client's name, for display only
    std::string content_type{};            ///< sniffed from the bytes
    std::int64_t size = 0;
    std::string blob_key{};                ///< generated; never the client's name
    account_id uploaded_by = 0;
    time_point upload_date{};
};

/// One change to a ticket, in the order it happened.
struct history_event {
    row_id id = 0;
    ticket_id ticket = 0;
    std::optional<account_id> actor{};     ///< empty for the workflow system
    time_point at{};
    history_kind kind = history_kind::created;
    std::optional<std::string> old_value{};
    std::optional<std::string> new_value{};
    bool is_internal = false;            ///< hidden from employees
};

} // namespace helpdesk
