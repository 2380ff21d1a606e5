#pragma once

#include <helpdesk/ids.hpp>
#include <helpdesk/time.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace helpdesk {

/// Delivery state of an outbox event.
enum class outbox_state { pending, delivered, dead };

/// `"pending"`, `"delivered"`, `"dead"`.
[[nodiscard]] std::string_view to_string(outbox_state s) noexcept;
/// Inverse of `to_string(outbox_state)`.
[[nodiscard]] std::optional<outbox_state> parse_outbox_state(std::string_view text) noexcept;

/// `outbox_event::delivered_to` as stores keep it: the names joined by ','
/// (relay channel names never contain one).
[[nodiscard]] std::string join_channel_names(const std::vector<std::string>& names);
/// Inverse of `join_channel_names`; empty names are dropped.
[[nodiscard]] std::vector<std::string> split_channel_names(std::string_view joined);

/// Event kinds of docs/product.md#notifications, as stored in `outbox_event::kind`.
namespace event_kind {
inline constexpr std::string_view account_registered = "account.registered";
inline constexpr std::string_view account_approved = "account.approved";
inline constexpr std::string_view account_rejected = "account.rejected";
inline constexpr std::string_view account_created = "account.created";
inline constexpr std::string_view account_deactivated = "account.deactivated";
inline constexpr std::string_view account_reactivated = "account.reactivated";
inline constexpr std::string_view account_role_changed = "account.role_changed";
inline constexpr std::string_view password_reset_requested = "password_reset.requested";
inline constexpr std::string_view ticket_created = "ticket.created";
inline constexpr std::string_view ticket_approved = "ticket.approved";
inline constexpr std::string_view ticket_rejected = "ticket.rejected";
inline constexpr std::string_view ticket_status_changed = "ticket.status_changed";
inline constexpr std::string_view ticket_resolved = "ticket.resolved";
inline constexpr std::string_view ticket_closed = "ticket.closed";
inline constexpr std::string_view ticket_assigned = "ticket.assigned";
inline constexpr std::string_view ticket_finalized = "ticket.finalized";
/// Staff changed an approved ticket's priority or department (`old_priority`,
/// `old_department` in the payload for the ones that changed).
inline constexpr std::string_view ticket_updated = "ticket.updated";
inline constexpr std::string_view comment_added = "comment.added";
inline constexpr std::string_view ticket_sla_at_risk = "ticket.sla_at_risk";   ///< payload `target`, `due`
inline constexpr std::string_view ticket_sla_breached = "ticket.sla_breached"; ///< payload `target`, `due`
inline constexpr std::string_view ticket_pending_reminder = "ticket.pending_reminder"; ///< payload `pending_since`
} // namespace event_kind

/// A notification recorded in the same transaction as the change it reports,
/// delivered later (at least once) by whoever drains the outbox.
struct outbox_event {
    row_id id = 0;
    std::string kind{};                    ///< one of `event_kind`
    std::optional<account_id> account{};   ///< the account concerned, if any
    std::optional<ticket_id> ticket{};     ///< the ticket concerned, if any
    std::string payload{};                 ///< a JSON object with the event's facts
    time_point created_at{};
    outbox_state state = outbox_state::pending;
    std::int32_t attempts = 0;
    std::optional<std::string> last_error{};
    time_point next_attempt_at{};        ///< not handed out before this
    /// Set by `outbox_service::claim_due`: the claim's random token. Only the
    /// holder of the current lease can settle the event; empty when unclaimed.
    std::string lease{};
    /// A one-time secret a channel needs (a password-reset or set-password
    /// token), kept out of `payload`; erased once the event is delivered.
    std::optional<std::string> secret{};
    /// Names of the relay channels that already have this event, so a retry
    /// after a partial failure skips them.
    std::vector<std::string> delivered_to{};
};

} // namespace helpdesk
