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
                    std::string_view kind, std::optional<std::string> old_value = std::nullopt,
                    std::optional<std::string> new_value = std::nullopt, bool internal = false);

/// Appends a comment to `t` (and, for a person's own words, a history row).
comment record_comment(transaction& tx, const ticket& t, std::optional<account_id> author, std::string text,
                       bool internal, time_point now, bool with_history);

/// Moves `t` to `to`, keeping the time fields of spec §1.2 and writing the
/// `status_changed` history row. Does not store `t`.
void move_status(transaction& tx, ticket& t, std::optional<account_id> actor, ticket_status to, time_point now);

/// The outbox kind announcing a move to `to` (resolved and closed have their own).
[[nodiscard]] std::string_view status_event_kind(ticket_status to) noexcept;

/// Sets `response_seconds` on the first staff reaction.
void note_staff_response(ticket& t, time_point now) noexcept;

/// The facts every ticket event carries, plus `extra` key/values.
[[nodiscard]] std::string ticket_payload(const ticket& t, std::optional<account_id> actor,
                                         std::initializer_list<std::pair<std::string_view, std::string>> extra = {});

/// The summary of `a` shown inside tickets.
[[nodiscard]] account_summary summarize(const account& a);

/// The detail view of `t` as `staff` or as its owner.
[[nodiscard]] ticket_details load_details(transaction& tx, const ticket& t, bool staff);

/// The accounts with these ids as summaries, in one query; ids that name no
/// account are left out.
[[nodiscard]] std::vector<account_summary> summaries_of(transaction& tx, const std::vector<account_id>& ids);

/// The owners and assignees of `tickets`, each once, in first-seen order.
[[nodiscard]] std::vector<account_summary> people_of(transaction& tx, const std::vector<ticket>& tickets);

/// Encodes a keyset position together with the ordering it belongs to.
[[nodiscard]] std::string encode_cursor(const ticket_order& order, const keyset& position);
/// Decodes a cursor made by `encode_cursor` for the same ordering; throws
/// invalid_argument otherwise.
[[nodiscard]] keyset decode_cursor(std::string_view cursor, const ticket_order& order);
/// The keyset value of `t` under `order`.
[[nodiscard]] keyset keyset_of(const ticket& t, const ticket_order& order) noexcept;
/// Parses `submit_date`, `-update_date`, `priority`, ...; throws invalid_argument.
[[nodiscard]] ticket_order parse_ordering(std::string_view text);

} // namespace helpdesk::detail
