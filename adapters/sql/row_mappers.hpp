#pragma once

// The domain objects of the stores' rows, read the same way by both. A store
// passes a view of one result row with these accessors (column index from 0):
// int64, boolean, text, time, optional_int64, optional_text, optional_time,
// optional_date. Templates, so each store's accessors are called directly.

#include <helpdesk/domain/account.hpp>
#include <helpdesk/domain/api_key.hpp>
#include <helpdesk/domain/outbox_event.hpp>
#include <helpdesk/domain/ticket.hpp>
#include <helpdesk/ports/session_repository.hpp>
#include <helpdesk/rules/sla_notices.hpp>
#include <helpdesk/rules/sla_outlook.hpp>

#include "enum_column.hpp"
#include "history_kind.hpp"
#include "write_sql.hpp"

#include <cstdint>
#include <string_view>

namespace helpdesk::sql {

/// The ticket columns, in the order `read_ticket` expects them.
inline constexpr std::string_view ticket_columns =
    "id, ticket_number, employee, subject, category, sub_category, description, scheduled_date, priority, "
    "department, status, assigned_to, submit_date, update_date, response_seconds, resolution_seconds, "
    "time_closed, rejection_reason, finalized, version, sla_version, sla_first_response_due, "
    "sla_first_response_at_risk_at, sla_first_response_stopped_at, sla_first_response_paused, "
    "sla_resolution_due, sla_resolution_at_risk_at, sla_resolution_stopped_at, sla_resolution_paused, "
    "sla_notified, waiting_on_owner_since, owner_reminded";

/// The ticket columns a write sets, in the order `bind_ticket_fields` binds
/// them: all read ones but `id`, then those derived from its SLA columns for
/// the indexes (never read back; schema step 8).
inline constexpr std::string_view ticket_write_columns =
    "ticket_number, employee, subject, category, sub_category, description, scheduled_date, priority, "
    "department, status, assigned_to, submit_date, update_date, response_seconds, resolution_seconds, "
    "time_closed, rejection_reason, finalized, version, sla_version, sla_first_response_due, "
    "sla_first_response_at_risk_at, sla_first_response_stopped_at, sla_first_response_paused, "
    "sla_resolution_due, sla_resolution_at_risk_at, sla_resolution_stopped_at, sla_resolution_paused, "
    "sla_notified, waiting_on_owner_since, owner_reminded, sla_settled, sla_at_risk_from, sla_breached_after, "
    "sla_next_notice_at, sla_first_response_order, sla_resolution_order";
static_assert(ticket_write_columns.starts_with(ticket_columns.substr(4)));
static_assert(column_count(ticket_write_columns) == 37, "bind_ticket_fields binds 37 fields");

/// `sla_settled`, `sla_at_risk_from`, `sla_breached_after` and
/// `sla_next_notice_at` of `t`, bound to the next placeholders of `query`.
template <class Query> void bind_sla_index_fields(Query& query, const ticket& t) {
    const auto outlook = outlook_of(t.sla);
    std::optional<std::int64_t> settled;
    std::optional<time_point> at_risk_from;
    std::optional<time_point> breached_after;
    std::optional<time_point> next_notice;
    if (outlook) {
        settled = static_cast<std::int64_t>(outlook->settled);
        at_risk_from = outlook->at_risk_from;
        breached_after = outlook->breached_after;
        next_notice = next_notice_at(t.sla, t.sla_notified);
    }
    query.bind(settled, at_risk_from, breached_after, next_notice);
}

/// Binds the fields of `ticket_write_columns` to the next placeholders of
/// `query` (either store's statement or parameter list: its `bind(values...)`).
template <class Query> void bind_ticket_fields(Query& query, const ticket& t) {
    query.bind(t.ticket_number, t.employee, t.subject, t.category, t.sub_category, t.description,
               t.scheduled_date, t.ticket_priority, t.department, t.status, t.assigned_to, t.submit_date,
               t.update_date, t.response_seconds, t.resolution_seconds, t.time_closed, t.rejection_reason,
               t.finalized, t.version, t.sla.policy_version);
    for (const auto* clock : {&t.sla.first_response, &t.sla.resolution}) {
        query.bind(clock->due, clock->at_risk_at, clock->stopped_at, clock->paused);
    }
    query.bind(t.sla_notified, t.waiting_on_owner_since, t.owner_reminded);
    bind_sla_index_fields(query, t);
    query.bind(due_sort_key(t.sla.first_response.due), due_sort_key(t.sla.resolution.due));
}

/// The SLA clock in the four columns from `first` on (due, at risk at,
/// stopped at, paused) of a ticket row.
template <class Row> [[nodiscard]] sla_clock read_sla_clock(const Row& row, int first) {
    return {.due = row.optional_time(first),
            .at_risk_at = row.optional_time(first + 1),
            .stopped_at = row.optional_time(first + 2),
            .paused = row.boolean(first + 3)};
}

/// The ticket in a row of `SELECT ticket_columns ...`.
/// Throws `error{internal}` for an unknown status or priority value.
template <class Row> [[nodiscard]] ticket read_ticket(const Row& row) {
    ticket t;
    t.id = row.int64(0);
    t.ticket_number = row.text(1);
    t.employee = row.int64(2);
    t.subject = row.text(3);
    t.category = row.text(4);
    t.sub_category = row.text(5);
    t.description = row.text(6);
    t.scheduled_date = row.optional_date(7);
    t.ticket_priority = enum_from_column(row.int64(8), priority::critical);
    t.department = row.text(9);
    t.status = enum_from_column(row.int64(10), ticket_status::withdrawn);
    t.assigned_to = row.optional_int64(11);
    t.submit_date = row.time(12);
    t.update_date = row.time(13);
    t.response_seconds = row.optional_int64(14);
    t.resolution_seconds = row.optional_int64(15);
    t.time_closed = row.optional_time(16);
    t.rejection_reason = row.optional_text(17);
    t.finalized = row.boolean(18);
    t.version = row.int64(19);
    t.sla.policy_version = row.int64(20);
    t.sla.first_response = read_sla_clock(row, 21);
    t.sla.resolution = read_sla_clock(row, 25);
    t.sla_notified = static_cast<std::int32_t>(row.int64(29));
    t.waiting_on_owner_since = row.optional_time(30);
    t.owner_reminded = row.boolean(31);
    return t;
}

/// The account columns, in the order `read_account` expects them.
inline constexpr std::string_view account_columns =
    "id, email, first_name, middle_name, last_name, suffix, company_id, department, role, status, "
    "password_hash, image_key, is_active, date_created";

/// The account columns an update writes (all but `id` and `date_created`),
/// in the order `bind_account_fields` binds them.
inline constexpr std::string_view account_write_columns =
    account_columns.substr(4, account_columns.size() - 18);
static_assert(account_write_columns.starts_with("email, ") && account_write_columns.ends_with(", is_active"));
static_assert(column_count(account_write_columns) == 12, "bind_account_fields binds 12 fields");

/// Binds the fields of `account_write_columns` to the next placeholders of
/// `query` (either store's statement or parameter list: its `bind(values...)`).
template <class Query> void bind_account_fields(Query& query, const account& a) {
    query.bind(a.email, a.first_name, a.middle_name, a.last_name, a.suffix, a.company_id, a.department,
               a.account_role, a.status, a.password_hash, a.image_key, a.is_active);
}

/// The account in a row of `SELECT account_columns ...`.
template <class Row> [[nodiscard]] account read_account(const Row& row) {
    account a;
    a.id = row.int64(0);
    a.email = row.text(1);
    a.first_name = row.text(2);
    a.middle_name = row.optional_text(3);
    a.last_name = row.text(4);
    a.suffix = row.optional_text(5);
    a.company_id = row.text(6);
    a.department = row.text(7);
    a.account_role = enum_from_column(row.int64(8), role::system_admin);
    a.status = enum_from_column(row.int64(9), account_status::rejected);
    a.password_hash = row.text(10);
    a.image_key = row.optional_text(11);
    a.is_active = row.boolean(12);
    a.date_created = row.time(13);
    return a;
}

/// The account-history columns, in the order `read_account_history` expects them.
inline constexpr std::string_view account_history_columns =
    "id, account_id, actor, at, field, old_value, new_value";

/// The history entry in a row of `SELECT account_history_columns ...`.
template <class Row> [[nodiscard]] account_history_entry read_account_history(const Row& row) {
    return {.id = row.int64(0), .account = row.int64(1), .actor = row.optional_int64(2), .at = row.time(3),
            .field = row.text(4), .old_value = row.optional_text(5), .new_value = row.optional_text(6)};
}

/// The rejection-audit columns, in the order `read_rejection` expects them.
inline constexpr std::string_view rejection_columns =
    "id, company_id, first_name, middle_name, last_name, suffix, "
    "email, department, reason, rejected_by, rejected_at";

/// The audit record in a row of `SELECT rejection_columns ...`.
template <class Row> [[nodiscard]] rejected_account read_rejection(const Row& row) {
    rejected_account r;
    r.id = row.int64(0);
    r.company_id = row.text(1);
    r.first_name = row.text(2);
    r.middle_name = row.optional_text(3);
    r.last_name = row.text(4);
    r.suffix = row.optional_text(5);
    r.email = row.text(6);
    r.department = row.text(7);
    r.reason = row.text(8);
    r.rejected_by = row.int64(9);
    r.rejected_at = row.time(10);
    return r;
}

/// The API key columns (never the hash), in the order `read_api_key` expects them.
inline constexpr std::string_view api_key_columns =
    "id, name, prefix, created_by, created_at, revoked_at, last_used_at";

/// The key record in a row of `SELECT api_key_columns ...`.
template <class Row> [[nodiscard]] api_key read_api_key(const Row& row) {
    api_key k;
    k.id = row.int64(0);
    k.name = row.text(1);
    k.prefix = row.text(2);
    k.created_by = row.optional_int64(3);
    k.created_at = row.time(4);
    k.revoked_at = row.optional_time(5);
    k.last_used_at = row.optional_time(6);
    return k;
}

/// The outbox columns, in the order `read_event` expects them.
inline constexpr std::string_view event_columns =
    "id, kind, account_id, ticket_id, payload, created_at, state, "
    "attempts, last_error, next_attempt_at, lease, secret, delivered_to";

/// The event in a row of `SELECT event_columns ...`.
template <class Row> [[nodiscard]] outbox_event read_event(const Row& row) {
    outbox_event e;
    e.id = row.int64(0);
    e.kind = row.text(1);
    e.account = row.optional_int64(2);
    e.ticket = row.optional_int64(3);
    e.payload = row.text(4);
    e.created_at = row.time(5);
    e.state = enum_from_column(row.int64(6), outbox_state::dead);
    e.attempts = static_cast<std::int32_t>(row.int64(7));
    e.last_error = row.optional_text(8);
    e.next_attempt_at = row.time(9);
    e.lease = row.text(10);
    e.secret = row.optional_text(11);
    e.delivered_to = split_channel_names(row.text(12));
    return e;
}

/// The comment columns, in the order `read_comment` expects them.
inline constexpr std::string_view comment_columns = "id, ticket_id, author, text, is_internal, created_at";

/// The comment in a row of `SELECT comment_columns ...`.
template <class Row> [[nodiscard]] comment read_comment(const Row& row) {
    comment c;
    c.id = row.int64(0);
    c.ticket = row.int64(1);
    c.author = row.optional_int64(2);
    c.text = row.text(3);
    c.is_internal = row.boolean(4);
    c.created_at = row.time(5);
    return c;
}

/// The attachment in a row of `SELECT id, ticket_id, file_name, content_type,
/// size, blob_key, uploaded_by, upload_date ...`.
template <class Row> [[nodiscard]] attachment read_attachment(const Row& row) {
    attachment a;
    a.id = row.int64(0);
    a.ticket = row.int64(1);
    a.file_name = row.text(2);
    a.content_type = row.text(3);
    a.size = row.int64(4);
    a.blob_key = row.text(5);
    a.uploaded_by = row.int64(6);
    a.upload_date = row.time(7);
    return a;
}

/// The history columns, in the order `read_history` expects them.
inline constexpr std::string_view history_columns = "id, ticket_id, actor, at, kind, old_value, new_value, is_internal";

/// The history entry in a row of `SELECT history_columns ...`.
template <class Row> [[nodiscard]] history_event read_history(const Row& row) {
    history_event e;
    e.id = row.int64(0);
    e.ticket = row.int64(1);
    e.actor = row.optional_int64(2);
    e.at = row.time(3);
    e.kind = history_kind_from_column(row.text(4));
    e.old_value = row.optional_text(5);
    e.new_value = row.optional_text(6);
    e.is_internal = row.boolean(7);
    return e;
}

/// The refresh token in a row of `SELECT token_hash, session_hash,
/// account_id, created_at, expires_at, revoked_at ...`.
template <class Row> [[nodiscard]] session_token read_session_token(const Row& row) {
    session_token t;
    t.token_hash = row.text(0);
    t.session_hash = row.text(1);
    t.account = row.int64(2);
    t.created_at = row.time(3);
    t.expires_at = row.time(4);
    t.revoked_at = row.optional_time(5);
    return t;
}

} // namespace helpdesk::sql
