#pragma once

#include "services/field_checker.hpp"

#include <helpdesk/engine.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace helpdesk::detail {

/// The longest description, comment or reason, in characters.
inline constexpr std::size_t max_ticket_text = 5000;

/// An upload that passed validation, ready to be written.
struct checked_file {
    std::string file_name;
    std::string content_type;
    const std::string* bytes = nullptr;   ///< the request's bytes (not copied)
};

/// Checks one upload (name, size, type sniffed from the bytes) into `check`.
[[nodiscard]] checked_file check_file(field_checker& check, const new_attachment& file, const engine_options& options);

/// A new ticket's fields and files as checked; throws invalid_argument (or the
/// common kind of the failures) with every field error at once.
struct checked_ticket {
    ticket fields{};
    std::vector<checked_file> files{};
};

/// Checks a create request, including the optional idempotency key's shape.
[[nodiscard]] checked_ticket check_new_ticket(const create_ticket_request& r, std::optional<std::string_view> idempotency_key,
                                              const engine_options& options, time_point now);

/// The fields staff choose and the catalogue decides, checked the same way
/// at creation, approval and edit: each records its failure in `check` under
/// the field's name and returns what it read.

/// A priority name (`Low` ... `Critical`, surrounding blanks ignored).
[[nodiscard]] std::optional<priority> check_priority(field_checker& check, std::string_view text);
/// A configured department, trimmed.
[[nodiscard]] std::string check_department(field_checker& check, std::string_view text, const catalog& choices);
/// A category or sub-category name: one line of at most 100 characters, trimmed.
[[nodiscard]] std::string check_category_name(field_checker& check, const std::string& field, std::string_view text);
/// `category` is in the catalogue and `sub_category` belongs to it. A blank
/// one was already refused as required, so nothing more is said about it.
void check_category_pair(field_checker& check, std::string_view category, std::string_view sub_category,
                         const catalog& choices);

/// An optional comment: absent or blank is none, otherwise checked text.
[[nodiscard]] std::optional<std::string> optional_note(field_checker& check, std::optional<std::string_view> note);

/// The status an update-status call asks for; invalid_argument when unknown.
[[nodiscard]] ticket_status parse_target_status(std::string_view text);

} // namespace helpdesk::detail
